import { readFile } from "node:fs/promises";
import type { CreateClientResult } from "@orbit/contracts";
import type { Browser } from "playwright-core";
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

describe("a client's name is text, never markup", () => {
  it("shows a name full of HTML as typed on the card and in search, and runs none of it", () =>
    withPage(browser, "security-xss-name", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      const api = await apiAs(page);
      const lastName = `<img src=x onerror="window.__xss=1">`;
      const firstName = `<script>window.__xss=2</script>`;
      const created = await api.post<CreateClientResult>("/api/clients", {
        lastName,
        firstName,
        patronymic: `"><svg onload=window.__xss=3>`,
        phones: ["+7 915 000-11-22"],
      });
      await page.goto(`/clients/${created.clientId}`);
      // Names are shown as typed (the golden record only settles letter case), the markup as text.
      const heading = page.getByRole("heading").filter({ hasText: firstName });
      await heading.waitFor();
      expect((await heading.textContent())?.toLowerCase()).toContain(lastName.toLowerCase());

      await page.keyboard.press("/");
      await page.keyboard.type("9150001122");
      await page.getByRole("option").filter({ hasText: "<script>" }).first().waitFor();
      // Give any injected handler its chance to run (an image error fires at once).
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator("img[src=x], svg[onload]").count()).toBe(0);
    }));
});

describe("the client's personal data on the card", () => {
  it("exports everything to a file and anonymises after a confirmation; only the privacy roles see the buttons", () =>
    withPage(browser, "security-privacy-buttons", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      const api = await apiAs(page);
      const created = await api.post<CreateClientResult>("/api/clients", {
        fullName: "Забывайко Ольга Петровна",
        birthDate: "1990-04-05",
        phones: ["+7 916 555-44-33"],
        emails: ["zabyvaiko@example.ru"],
      });
      await page.goto(`/clients/${created.clientId}`);
      await page.getByRole("heading", { name: "Забывайко Ольга Петровна" }).waitFor();

      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Выгрузить данные клиента" }).click();
      const file = await (await download).path();
      const exported = JSON.parse(await readFile(file, "utf8"));
      expect(exported.clientId).toBe(created.clientId);
      expect(JSON.stringify(exported.tables.contact_points)).toContain("+79165554433");

      await page.getByRole("button", { name: "Обезличить клиента" }).click();
      const dialog = page.getByRole("dialog", { name: "Обезличить клиента?" });
      const confirm = dialog.getByRole("button", { name: "Обезличить", exact: true });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByRole("button", { name: "Отмена" }).click();
      await dialog.waitFor({ state: "hidden" });
      // Cancelled: nothing happened.
      const [still] = await server.query<{ status: string }>("SELECT status FROM parties WHERE id = $1", [
        created.clientId,
      ]);
      expect(still?.status).toBe("active");

      await page.getByRole("button", { name: "Обезличить клиента" }).click();
      await dialog.getByRole("textbox", { name: "Основание" }).fill("Заявление №42 от 01.12.2026");
      await confirm.click();
      await page.getByText("Клиент обезличен").first().waitFor();
      await page.waitForURL((url) => url.pathname === "/");
      const [after] = await server.query<{ status: string; display_name: string }>(
        "SELECT status, display_name FROM parties WHERE id = $1",
        [created.clientId],
      );
      expect(after?.status).toBe("anonymised");
      expect(after?.display_name).not.toContain("Забывайко");
      await page.goto(`/clients/${created.clientId}`);
      await page.getByText("Клиент не найден", { exact: false }).first().waitFor();
    }));

  it("shows a salesperson neither button", () =>
    withPage(browser, "security-privacy-hidden", { baseURL: server.url }, async (page) => {
      await signIn(page, "sales");
      const api = await apiAs(page);
      const created = await api.post<CreateClientResult>("/api/clients", {
        fullName: "Продавцов Илья Ильич",
        phones: ["+7 916 555-44-34"],
      });
      await page.goto(`/clients/${created.clientId}`);
      await page.getByRole("heading", { name: "Продавцов Илья Ильич" }).waitFor();
      expect(await page.getByRole("button", { name: "Обезличить клиента" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Выгрузить данные клиента" }).count()).toBe(0);
    }));
});
