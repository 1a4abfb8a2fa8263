import type { CreateClientResult, PartyVersion } from "@orbit/contracts";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, launchBrowser, signIn, withPage } from "./browser";
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

async function createThroughForm(page: Page, client: { fullName: string; birthDate: string; phone: string }) {
  await page.getByRole("navigation").getByRole("link", { name: "Новый клиент" }).click();
  const form = page.getByRole("form", { name: "Новый клиент" });
  await form.getByRole("textbox", { name: "ФИО" }).fill(client.fullName);
  await form.getByLabel("Дата рождения").fill(client.birthDate);
  await form.getByRole("textbox", { name: "Телефон", exact: true }).fill(client.phone);
  await form.getByRole("button", { name: "Сохранить клиента" }).click();
  await page.waitForURL(/\/clients\/\d+$/);
}

describe("the client card", () => {
  it("recognises the same person typed differently, shows both source records and the merge, and undoes it", () =>
    withPage(browser, "clients-recognise-undo", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      await createThroughForm(page, {
        fullName: "Воробьёв Алексей Игоревич",
        birthDate: "1979-03-02",
        phone: "+7 903 111-22-33",
      });
      await page.getByRole("status").filter({ hasText: "Клиент создан" }).waitFor();
      await page.getByRole("heading", { name: "Воробьёв Алексей Игоревич" }).waitFor();
      const card = page.url();

      // Another dealership's habit: Latin capitals, no patronymic, the phone with an 8.
      await createThroughForm(page, {
        fullName: "VOROBEV ALEKSEI",
        birthDate: "1979-03-02",
        phone: "8 (903) 111-22-33",
      });
      await page.getByRole("status").filter({ hasText: "Клиент распознан как уже существующий" }).waitFor();
      expect(page.url()).toBe(card);
      await page.getByRole("heading", { name: "Воробьёв Алексей Игоревич" }).waitFor();
      // One number, typed two ways.
      await page.getByText("введено как «8 (903) 111-22-33»", { exact: false }).waitFor();

      await page.getByRole("tab", { name: /Исходные записи/ }).click();
      const records = page.getByRole("article");
      await expect.poll(() => records.count()).toBe(2);
      const latin = records.filter({ hasText: "VOROBEV ALEKSEI" });
      await latin.getByText("пришла при объединении").waitFor();
      await latin.getByText("8 (903) 111-22-33").waitFor();
      const own = records.filter({ hasText: "Воробьёв Алексей Игоревич" });
      expect(await own.getByText("пришла при объединении").count()).toBe(0);

      await page.getByRole("tab", { name: /История объединений/ }).click();
      const merge = page.getByRole("listitem").filter({ hasText: "Vorobev Aleksei" });
      await merge.getByText("автоматически", { exact: false }).waitFor();
      await merge.getByRole("button", { name: "Отменить объединение" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Отменить объединение" }).click();

      const undone = page.getByRole("status").filter({ hasText: "Объединение отменено" });
      await undone.getByRole("link", { name: "Воробьёв Алексей Игоревич" }).waitFor();
      await undone.getByRole("link", { name: "Vorobev Aleksei" }).click();
      await page.getByRole("heading", { name: "Vorobev Aleksei" }).waitFor();
      expect(page.url()).not.toBe(card);
      await page.getByRole("tab", { name: /Исходные записи/ }).click();
      await expect.poll(() => page.getByRole("article").count()).toBe(1);
    }));

  it("keeps the old surname in the attribute history and shows the card as it was before the edit", () =>
    withPage(browser, "clients-history-as-of", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      const api = await apiAs(page);
      const { clientId } = await api.post<CreateClientResult>("/api/clients", {
        lastName: "Зайцев",
        firstName: "Олег",
        phones: ["+7 926 000-00-02"],
      });
      const { versions } = await api.get<{ versions: PartyVersion[] }>(`/api/clients/${clientId}/history`);
      const createdAt = new Date(versions[0]?.validFrom ?? "").getTime();
      // The picker works to the second: the edit must come in a later second than the creation.
      await page.waitForTimeout(Math.max(0, createdAt + 1100 - Date.now()));

      await page.goto(`/clients/${clientId}`);
      await page.getByRole("button", { name: "Изменить" }).click();
      const form = page.getByRole("form", { name: "Изменение основных данных" });
      await form.getByRole("textbox", { name: "Фамилия" }).fill("Зайцев-Орлов");
      await form.getByRole("button", { name: "Сохранить" }).click();
      await page.getByRole("heading", { name: "Зайцев-Орлов Олег" }).waitFor();

      await page.getByRole("tab", { name: "История атрибутов" }).click();
      const surname = page.getByRole("rowgroup", { name: "Фамилия" });
      await surname.getByRole("row", { name: /^Зайцев-Орлов/ }).waitFor();
      const old = surname.getByRole("row", { name: /^Зайцев(?!-)/ });
      await old.waitFor();
      expect(await old.textContent()).toContain("Андрей Викторович Соколов");

      // A moment after the creation and before the edit, in the browser's time zone.
      const moment = await page.evaluate((ms) => {
        const d = new Date(Math.floor(ms / 1000) * 1000);
        const p = (n: number) => String(n).padStart(2, "0");
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
      }, createdAt + 1000);
      await page.getByLabel("Состояние на").fill(moment);
      await page.getByRole("button", { name: "Показать", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Историческое состояние" }).waitFor();
      await page.getByRole("heading", { name: "Зайцев Олег" }).waitFor();
      expect(new URL(page.url()).searchParams.get("asOf")).toBeTruthy();
      expect(await page.getByRole("button", { name: "Изменить" }).count()).toBe(0);

      await page.getByRole("button", { name: "Вернуться к текущему состоянию" }).first().click();
      await page.getByRole("heading", { name: "Зайцев-Орлов Олег" }).waitFor();
    }));
});
