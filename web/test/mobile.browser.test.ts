import type { CreateClientResult } from "@orbit/contracts";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, launchBrowser, PHONE, signIn, withPage } from "./browser";
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

  it("fits the client card, the duplicate pair and the forms on the screen, the pair stacked", () =>
    withPage(
      browser,
      "mobile-clients",
      { baseURL: server.url, viewport: PHONE, isMobile: true, hasTouch: true },
      async (page) => {
        await signIn(page, "admin");
        const api = await apiAs(page);
        const create = (body: object) => api.post<CreateClientResult>("/api/clients", body);
        const person = { fullName: "Воробьёв Алексей Игоревич", birthDate: "1979-03-02" };
        const { clientId } = await create({
          ...person,
          phones: ["+7 903 111-22-33"],
          passport: "4509 123456",
        });
        await create({ fullName: "VOROBEV ALEKSEI", birthDate: "1979-03-02", phones: ["89031112233"] });
        await create({
          fullName: "Лебедев Роман Ильич",
          birthDate: "1990-11-20",
          emails: ["roman@example.ru"],
        });
        await create({ fullName: "Лебедев Роман Ильич" });

        await page.goto(`/clients/${clientId}`);
        await page.getByRole("heading", { name: "Воробьёв Алексей Игоревич" }).waitFor();
        await expectNoSidewaysScroll(page);
        for (const tab of [/Исходные записи/, /История атрибутов/, /История объединений/]) {
          await page.getByRole("tab", { name: tab }).tap();
          await page.getByRole("tabpanel").first().waitFor();
          await expectNoSidewaysScroll(page);
        }

        await page.goto("/duplicates");
        const sides = page.getByRole("region", { name: "Пара клиентов на проверку" }).getByRole("article");
        await expect.poll(() => sides.count()).toBe(2);
        const [first, second] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
        expect(second?.y ?? 0).toBeGreaterThanOrEqual((first?.y ?? 0) + (first?.height ?? 0));
        await expectNoSidewaysScroll(page);

        for (const [path, heading] of [
          ["/clients/new", "Новый клиент"],
          ["/imports/new", "Новый импорт"],
        ]) {
          await page.goto(path ?? "/");
          await page.getByRole("heading", { name: heading }).waitFor();
          await expectNoSidewaysScroll(page);
        }
      },
    ));
});
