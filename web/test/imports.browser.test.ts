import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, withPage } from "./browser";
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

// A DMS export as 1C writes them: semicolons, dd.mm.yyyy, phones typed any way, one row without a name.
const CSV = [
  "Код;ФИО;Дата рождения;Телефон",
  "K-1;Смирнов Алексей Петрович;12.03.1981;8 (916) 555-01-01",
  "K-2;Козлова Ирина Викторовна;01.07.1990;+7 926 555 02 02",
  "K-3;;;+7 903 000 00 00",
  "K-4;Новиков Павел;;9035550505",
].join("\n");

describe("client import", () => {
  it("uploads a CSV, keeps the suggested mapping, follows the progress and reports the rejected row", () =>
    withPage(browser, "imports-csv", { baseURL: server.url }, async (page) => {
      await signIn(page, "marketer");
      await page.getByRole("navigation").getByRole("link", { name: "Импорт клиентов" }).click();
      await page.getByRole("heading", { name: "Импортов ещё не было" }).waitFor();
      await page.getByRole("link", { name: "Новый импорт" }).click();

      const form = page.getByRole("form", { name: "Новый импорт" });
      await form
        .locator('input[type="file"]')
        .setInputFiles({ name: "kia-clients.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
      await form.getByRole("combobox", { name: "Система-источник" }).fill("dms:MSK-KIA");
      await form.getByRole("button", { name: "Загрузить" }).click();

      // The mapping step: Orbit's guesses preselected, the file's values under each column.
      await page.getByRole("heading", { name: "Шаг 2 из 2: что в каждой колонке" }).waitFor();
      expect(await page.getByRole("combobox", { name: "ФИО", exact: true }).inputValue()).toBe(
        "ФИО одной строкой",
      );
      expect(await page.getByRole("combobox", { name: "Телефон", exact: true }).inputValue()).toBe("Телефон");
      await page.getByText("Козлова Ирина Викторовна").waitFor();
      await page.getByRole("button", { name: "Начать импорт" }).click();

      await page.getByRole("status").filter({ hasText: "Импорт завершён" }).waitFor({ timeout: 20_000 });
      await page.getByRole("group", { name: "Строк: 4" }).waitFor();
      await page.getByRole("group", { name: "Отклонено: 1" }).waitFor();
      await page.getByRole("group", { name: "Новых клиентов: 3" }).waitFor();

      const rejected = page.getByRole("table", { name: "Строки, требующие внимания" }).getByRole("row");
      await rejected.filter({ hasText: "Нет ни ФИО, ни фамилии, ни имени" }).waitFor();
      const row = await rejected.filter({ hasText: "K-3" }).textContent();
      expect(row).toMatch(/^3/);

      await page.getByRole("link", { name: "Все импорты" }).click();
      const listed = page.getByRole("row", { name: /kia-clients\.csv/ });
      await listed.getByText("Готово").waitFor();
    }));
});
