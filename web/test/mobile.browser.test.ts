import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startOrbit(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= PHONE.width;
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe("on a phone", () => {
  it("opens the navigation from the burger menu, without sideways scrolling", () =>
    withPage(
      browser,
      "mobile-burger",
      { baseURL: server.url, viewport: PHONE, isMobile: true, hasTouch: true },
      async (page) => {
        await page.goto("/login");
        await page.getByRole("heading", { name: "Вход в Orbit" }).waitFor();
        await expectNoSidewaysScroll(page);

        await signIn(page, "admin");
        const staffLink = page.getByRole("navigation").getByRole("link", { name: "Сотрудники" });
        expect(await onScreen(staffLink)).toBe(false);
        await expectNoSidewaysScroll(page);

        await page.getByRole("button", { name: "Открыть меню" }).tap();
        await expect.poll(() => onScreen(staffLink)).toBe(true);
        await staffLink.tap();

        await page.getByRole("heading", { name: "Сотрудники" }).waitFor();
        await page.getByText("Дмитрий Алексеевич Волков").waitFor();
        await expect.poll(() => onScreen(staffLink)).toBe(false);
        await expectNoSidewaysScroll(page);
      },
    ));
});
