import type { PropensityOverview } from "@orbit/contracts";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreClients } from "../../server/src/modules/scoring/scoring.service";
import { trainPropensityModels } from "../../server/src/modules/scoring/training.service";
import { dealerDay } from "../../server/src/platform/time/dealerCalendar";
import { apiAs, launchBrowser, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;

// A generated group as of today, its models trained and every client scored as the weekly and nightly
// jobs do, with fewer trees so the test stays quick. No background worker: "train now" only queues.
beforeAll(async () => {
  [server, browser] = await Promise.all([
    startOrbit({
      demoClients: 1500,
      background: false,
      prepare: async (database) => {
        const today = dealerDay();
        await database.db.transaction((tx) =>
          trainPropensityModels(database, tx, { today, params: { trees: 60 }, maxRows: 40_000 }),
        );
        await database.db.transaction((tx) => scoreClients(database, tx, { today }));
      },
    }),
    launchBrowser(),
  ]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("next best offer", () => {
  it("the card shows the model's offers with probability, value and the reasons in plain words", async () => {
    const [best] = await server.query<{ party_id: number; family: string }>(
      `SELECT s.party_id, s.family FROM offer_scores s JOIN parties p ON p.id = s.party_id
        WHERE s.rank = 1 AND s.family = 'maintenance' AND p.home_dealership_id IS NOT NULL
        ORDER BY s.expected_rub DESC LIMIT 1`,
    );
    await withPage(browser, "nbo-card", { baseURL: server.url }, async (page) => {
      await signIn(page, "sales");
      await page.goto(`/clients/${best!.party_id}`);
      const offers = page.locator("#offers");
      await offers.getByRole("heading", { name: "Что предложить сейчас" }).waitFor();
      const model = offers.getByTestId("offer-model").first();
      await model.waitFor();
      // The probability, the value and what it is expected to bring, and the reasons as sentences.
      await expect(
        model
          .getByText(/^\d+(,\d)?\s?%$/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await model.getByText(/ценность .*₽/).waitFor();
      await model.getByText(/ожидаемо .*₽/).waitFor();
      const reasons = model.getByTestId("offer-reasons").getByRole("listitem");
      expect(await reasons.count()).toBeGreaterThan(0);
      expect(await reasons.first().textContent()).not.toMatch(/[a-z]+_[a-z]+/);
      await offers.getByTestId("offers-model-note").waitFor();
      await page.screenshot({ path: "test-results/nbo-card.png", fullPage: false });
    });
  });

  it("an administrator sees each model's evaluation on the last year against the standards, and can train now", async () => {
    await withPage(browser, "nbo-admin", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      await page.getByRole("navigation").getByRole("link", { name: "Прогнозные модели" }).click();
      await page.getByRole("heading", { name: "Прогнозные модели" }).waitFor();
      const maintenance = page.getByTestId("family-maintenance");
      await maintenance.getByText(/Версия \d+ · работает/).waitFor();
      const auc = await maintenance.getByTestId("auc").textContent();
      expect(Number(auc)).toBeGreaterThan(0.5);
      await maintenance.getByText(/стандарты: 0[.,]\d{3}/).waitFor();
      await maintenance.getByTestId("precision-at-10").waitFor();
      await maintenance.getByTestId("calibration-chart").waitFor();
      expect(await maintenance.getByTestId("calibration-table").getByRole("row").count()).toBeGreaterThan(5);
      await page
        .getByTestId("last-run")
        .getByText(/Предложения пересчитаны/)
        .waitFor();
      await page.screenshot({ path: "test-results/nbo-models.png", fullPage: true });

      // Train now: queued once; the page says the training is under way.
      await page.getByRole("button", { name: "Обучить сейчас" }).click();
      await page.getByText("Обучение поставлено в очередь", { exact: false }).waitFor();
      await page.getByText("Идёт обучение моделей…").waitFor();
      const api = await apiAs(page);
      const overview = await api.get<PropensityOverview>("/api/propensity");
      expect(overview.pending.training).toBe(true);
    });
  });

  it("a dealer's new kind of offer has no model until it is trained: the page says the standards are used", async () => {
    await withPage(browser, "nbo-fallback", { baseURL: server.url }, async (page) => {
      await signIn(page, "marketer");
      // A dealer's own kind of offer nobody has bought yet: its training finds nothing to learn from.
      await page.goto("/propensity");
      await page.getByRole("button", { name: "Новый вид предложения" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Код").fill("body_kit");
      await dialog.getByLabel("Название").fill("Обвес и тюнинг");
      await dialog.getByLabel("Что считается покупкой").first().click();
      await page.getByRole("option", { name: "Сделка" }).click();
      await dialog.getByRole("button", { name: "Добавить" }).click();
      await page.getByText("Вид «Обвес и тюнинг» добавлен", { exact: false }).waitFor();
      const card = page.getByTestId("family-body_kit");
      await card.getByText("Модели нет — работают стандарты контактов").first().waitFor();
    });
  });
});
