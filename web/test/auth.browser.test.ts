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

describe("signing in", () => {
  it("signs in, switches RU -> EN for good, and signs out to the login page", () =>
    withPage(browser, "auth-language", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      const nav = page.getByRole("navigation");
      await nav.getByRole("link", { name: "Сотрудники" }).waitFor();
      await page.getByRole("heading", { name: /Андрей Викторович!/ }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("ru");

      await page.getByRole("radiogroup", { name: "Язык" }).getByText("EN").click();
      await nav.getByRole("link", { name: "Staff" }).waitFor();
      await nav.getByRole("link", { name: "Action log" }).waitFor();
      await page.getByRole("heading", { name: /, Андрей!/ }).waitFor();
      expect(await page.getByRole("combobox").getAttribute("aria-label")).toBe("Search clients");

      await page.reload();
      await page.getByRole("navigation").getByRole("link", { name: "Staff" }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      // Stored for the account, not only in this browser.
      const me = await page.evaluate(() => fetch("/api/auth/me").then((r) => r.json()));
      expect(me.user.locale).toBe("en");

      await page.getByRole("button", { name: "User menu" }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      await page.getByRole("heading", { name: "Sign in to Orbit" }).waitFor();
      const after = await page.evaluate(() => fetch("/api/auth/me").then((r) => r.status));
      expect(after).toBe(401);
    }));

  it("shows the error on the login form for a wrong password", () =>
    withPage(browser, "auth-wrong-password", { baseURL: server.url }, async (page) => {
      await page.goto("/");
      await page.waitForURL((url) => url.pathname === "/login");
      await page.getByLabel("Логин", { exact: true }).fill("service");
      await page.getByLabel("Пароль", { exact: true }).fill("not-the-password");
      await page.getByRole("button", { name: "Войти" }).click();
      const form = page.getByRole("form", { name: "Вход в Orbit" });
      await form.getByRole("alert").filter({ hasText: "Неверный логин или пароль" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
    }));

  it("shows a salesperson only what their role allows: no Staff, Action log, Duplicates or Imports", () =>
    withPage(browser, "auth-salesperson-nav", { baseURL: server.url }, async (page) => {
      await signIn(page, "sales");
      const nav = page.getByRole("navigation");
      await nav.getByRole("link", { name: "Главная" }).waitFor();
      expect(await nav.getByRole("link").allTextContents()).toEqual([
        "Главная",
        "Рабочий список",
        "Пропущенные звонки",
        "Баллы операторов",
        "Сделки",
        "Склад автомобилей",
        "Новый клиент",
      ]);
      await page.getByText("Орбита Haval Алтуфьево").first().waitFor();

      // Typing the address does not help either.
      for (const path of ["/staff", "/duplicates", "/imports", "/scenarios", "/standards", "/processes"]) {
        await page.goto(path);
        await page.getByRole("heading", { name: "Нет доступа" }).waitFor();
      }
    }));
});
