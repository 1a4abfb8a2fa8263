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

describe("staff management", () => {
  it("creates an employee: the server's field error first, then success, then the row and its log entry", () =>
    withPage(browser, "staff-create", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      await page.getByRole("navigation").getByRole("link", { name: "Сотрудники" }).click();
      await page.getByRole("row", { name: /Дмитрий Алексеевич Волков/ }).waitFor();

      await page.getByRole("button", { name: "Добавить сотрудника" }).click();
      const drawer = page.getByRole("dialog", { name: "Новый сотрудник" });
      await drawer.getByRole("textbox", { name: "ФИО", exact: true }).fill("Мария Сергеевна Белова");
      const login = drawer.getByRole("textbox", { name: "Логин", exact: true });
      await login.fill("sales"); // taken by a demo salesperson
      await drawer.getByRole("textbox", { name: "Пароль", exact: true }).fill("welcome-to-orbit");
      await drawer.getByRole("combobox", { name: "Роль", exact: true }).click();
      await page.getByRole("option", { name: "Менеджер по продажам" }).click();
      await drawer.getByRole("combobox", { name: "Автосалон", exact: true }).click();
      await page.getByRole("option", { name: "Орбита Haval Алтуфьево" }).click();
      await drawer.getByRole("button", { name: "Создать" }).click();

      // The server refuses the login; the message sits at the login field.
      await expect.poll(() => login.getAttribute("aria-invalid")).toBe("true");
      const errorId = await login.getAttribute("aria-describedby");
      const describedBy = await page.evaluate(
        (ids) => (ids ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? ""),
        errorId,
      );
      expect(describedBy).toContain("Уже занято другим сотрудником");

      await login.fill("m.belova");
      expect(await login.getAttribute("aria-invalid")).not.toBe("true");
      await drawer.getByRole("button", { name: "Создать" }).click();
      await drawer.waitFor({ state: "hidden" });
      await page.getByText("Сотрудник Мария Сергеевна Белова добавлен").waitFor();
      const row = page.getByRole("row", { name: /Мария Сергеевна Белова/ });
      await row.waitFor();
      expect(await row.textContent()).toContain("m.belova");

      await page.getByRole("navigation").getByRole("link", { name: "Журнал действий" }).click();
      const entry = page.getByRole("row", { name: /Создание/ }).first();
      await entry.getByRole("button", { name: "Показать изменения" }).click();
      await page.getByRole("cell", { name: "m.belova", exact: true }).waitFor();
    }));
});
