import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startOrbit({ demoClients: 600, background: false }),
    launchBrowser(),
  ]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The sum of a column of the report's table, as the page shows it. */
async function columnSum(page: Page, column: string): Promise<number> {
  const cells = await page.locator(`td[data-column="${column}"]`).allTextContents();
  return cells.reduce((s, c) => s + Number(c.replace(/\D/g, "") || 0), 0);
}

describe("analytics", () => {
  it("the lifecycle report takes its period and dealership from the shared filters, kept in the URL", async () => {
    await withPage(browser, "lifecycle-report", { baseURL: server.url }, async (page) => {
      await signIn(page, "director");
      await page.goto("/reports/lifecycle");
      const table = page.getByRole("table", { name: "Использование жизненного цикла" });
      const totalDue = async () =>
        Number(((await table.locator("tfoot th").nth(1).textContent()) ?? "").replace(/\D/g, "") || 0);
      // The month first (the page's default), then the year, which holds more chances.
      await expect.poll(totalDue).toBeGreaterThan(0);
      const monthDue = await totalDue();
      await page.getByRole("button", { name: "С начала года" }).click();
      await expect.poll(() => page.url()).toMatch(/from=\d{4}-01-01/);
      await expect.poll(totalDue).toBeGreaterThan(monthDue);
      const groupDue = await totalDue();
      const [top] = await server.query<{ id: number; name: string }>(
        `SELECT d.id, d.name FROM dealerships d JOIN lifecycle_points lp ON lp.dealership_id = d.id
          GROUP BY d.id, d.name ORDER BY count(*) DESC LIMIT 1`,
      );
      await page.getByLabel("Автосалон").first().click();
      await page.getByRole("option", { name: top!.name }).click();
      await expect.poll(() => page.url()).toContain(`dealershipId=${top!.id}`);
      await expect.poll(totalDue).toBeLessThan(groupDue);
    });
  });

  it("utilisation shows the reference and target lines, follows the filters and downloads as CSV", async () => {
    await withPage(
      browser,
      "analytics-utilisation",
      { baseURL: server.url, acceptDownloads: true },
      async (page) => {
        await signIn(page, "director");
        await page.getByRole("navigation").getByRole("link", { name: "Аналитика" }).click();
        await page.getByRole("heading", { name: "Аналитика" }).waitFor();
        const chart = page.getByTestId("report-chart");
        await chart.locator(".recharts-reference-line").first().waitFor({ state: "attached" });
        expect(await chart.locator(".recharts-reference-line").count()).toBe(2);
        await chart.getByText(/Отрасль 15\s?%/).waitFor();
        await chart.getByText(/Цель 50\s?%/).waitFor();

        await page.getByRole("button", { name: "С начала года" }).click();
        const groupDue = await columnSum(page, "due");
        expect(groupDue).toBeGreaterThan(0);
        const [top] = await server.query<{ id: number; name: string }>(
          `SELECT d.id, d.name FROM dealerships d JOIN lifecycle_points lp ON lp.dealership_id = d.id
          GROUP BY d.id, d.name ORDER BY count(*) DESC LIMIT 1`,
        );
        const { id, name } = top!;
        await page.getByLabel("Автосалон").first().click();
        await page.getByRole("option", { name }).click();
        await expect.poll(() => page.url()).toContain(`dealershipId=${id}`);
        await expect.poll(() => columnSum(page, "due")).toBeLessThan(groupDue);
        const dealerDue = await columnSum(page, "due");
        expect(dealerDue).toBeGreaterThan(0);

        const download = page.waitForEvent("download");
        await page.getByRole("link", { name: "Скачать CSV" }).click();
        const file = await (await download).path();
        const lines = readFileSync(file, "utf8").trim().split("\n");
        expect(lines[0]?.replace(/^\uFEFF/, "")).toBe("key,label,due,converted,utilisation");
        const csvDue = lines.slice(1).reduce((s, l) => s + Number(l.split(",")[2]), 0);
        expect(csvDue).toBe(dealerDue);
        await page.screenshot({ path: "test-results/analytics-utilisation.png" });
      },
    );
  });

  it("process mining shows the work orders' steps and their common variants", async () => {
    await withPage(browser, "analytics-process", { baseURL: server.url }, async (page) => {
      await signIn(page, "director");
      await page.goto("/analytics/process");
      await page.getByText("Частые варианты процесса").waitFor();
      const variants = page.getByRole("listitem").filter({ hasText: "→" });
      expect(await variants.count()).toBeGreaterThan(1);
      await expect(variants.first().textContent()).resolves.toContain("Выдан");
      await page.getByRole("cell", { name: /Весь цикл/ }).waitFor();
      // The demo generator read its action log into the facts: the page says as of when.
      await page.getByText(/^Данные на .+ каждые пять минут$/).waitFor();
    });
  });

  it("a pilot is drawn from the form and shows both groups", async () => {
    await withPage(browser, "analytics-pilots", { baseURL: server.url }, async (page) => {
      await signIn(page, "director");
      await page.goto("/analytics/pilots");
      await page.getByRole("button", { name: "Новый пилот" }).click();
      await page.getByLabel("Название").fill("Скрипт записи на ТО");
      await page.getByLabel("Что меняем").fill("Предлагаем ближайшее окно");
      await page.getByRole("button", { name: "Создать и разделить" }).click();
      const card = page.getByLabel("Скрипт записи на ТО");
      await card.getByTestId("pilot-line").waitFor();
      const dealerships = (
        await server.query<{ n: number }>("SELECT count(*)::int AS n FROM dealerships")
      )[0]!.n;
      const pilot = Number((await card.getByTestId("pilot-line").textContent())?.split(" ")[0]);
      const control = Number((await card.getByTestId("control-line").textContent())?.split(" ")[0]);
      expect(pilot + control).toBe(dealerships);
      expect(pilot).toBeGreaterThan(0);
    });
  });

  it("a campaign list changes with the segments", async () => {
    await withPage(browser, "analytics-targets", { baseURL: server.url }, async (page) => {
      await signIn(page, "marketer");
      await page.goto("/analytics/targets");
      const total = page.getByTestId("target-total");
      await total.getByText(/\d/).waitFor();
      const count = async () => Number((await total.textContent())?.replace(/\D/g, ""));
      const lapsed = await count();
      const [row] = await server.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM parties WHERE merged_into_id IS NULL AND status = 'active' AND NOT blocked AND segment IN ('lapsed', 'loyal')`,
      );
      const n = row!.n;
      await page.getByLabel("Сегменты").first().click();
      await page.getByRole("option", { name: "Лояльные" }).click();
      await expect.poll(count).toBe(n);
      expect(n).toBeGreaterThan(lapsed);
    });
  });
});
