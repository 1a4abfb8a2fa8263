import type { CreateClientResult } from "@orbit/contracts";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs, launchBrowser, signIn, withPage } from "./browser";
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

/** The same full name, once with a birth date and an e-mail, once without: likely, not certain. */
async function queuedPair(api: ApiCaller, fullName: string, email: string) {
  const a = await api.post<CreateClientResult>("/api/clients", {
    fullName,
    birthDate: "1990-11-20",
    emails: [email],
  });
  const b = await api.post<CreateClientResult>("/api/clients", { fullName });
  expect(b.outcome).toBe("queued");
  return { a: a.clientId, b: b.clientId };
}

const background = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

describe("the duplicate review queue", () => {
  it("shows a pair side by side with the differences marked; not a duplicate, then a merge, empties it", () =>
    withPage(browser, "duplicates-review", { baseURL: server.url }, async (page) => {
      await signIn(page, "admin");
      const api = await apiAs(page);
      const first = await queuedPair(api, "Лебедев Роман Ильич", "roman@example.ru");

      const nav = page.getByRole("navigation");
      await nav.getByRole("link", { name: "Дубликаты" }).click();
      const pair = page.getByRole("region", { name: "Пара клиентов на проверку" });
      await pair.getByText(/\d+(,\d)?\s%/).waitFor();
      await page.getByText("Пара 1 из 1").waitFor();
      // The badge in the navigation counts the pairs waiting.
      await expect.poll(() => nav.getByRole("link", { name: "Дубликаты" }).textContent()).toContain("1");

      const left = pair.getByRole("article", { name: `Клиент № ${first.a}` });
      const right = pair.getByRole("article", { name: `Клиент № ${first.b}` });
      for (const side of [left, right]) {
        await side.locator('[data-verdict="equal"]', { hasText: "Фамилия" }).waitFor();
        await side.locator('[data-verdict="unknown"]', { hasText: "Дата рождения" }).waitFor();
      }
      await left.getByText("20.11.1990").waitFor();
      await left.getByText("roman@example.ru").waitFor();
      expect(await background(page, '[data-verdict="equal"]')).not.toBe("rgba(0, 0, 0, 0)");
      // The older client stays by default.
      expect(await left.getByRole("radio", { name: "Оставить эту карточку" }).isChecked()).toBe(true);

      await pair.getByRole("button", { name: "Не дубликат" }).click();
      await page.getByRole("heading", { name: "Дубликатов на проверку нет" }).waitFor();

      const second = await queuedPair(api, "Соколова Мария Петровна", "m.sokolova@example.ru");
      await page.reload();
      await pair.getByRole("article", { name: `Клиент № ${second.b}` }).waitFor();
      await pair.getByRole("button", { name: "Объединить" }).click();
      await page.getByRole("heading", { name: "Дубликатов на проверку нет" }).waitFor();

      // The newer card now points to the one that stayed.
      await page.goto(`/clients/${second.b}`);
      await page.getByText("Клиент объединён с другим").waitFor();
      await page.getByRole("link", { name: "Открыть основную карточку" }).click();
      await page.waitForURL((url) => url.pathname === `/clients/${second.a}`);
      await page.getByRole("tab", { name: /История объединений/ }).click();
      await page.getByText("решение сотрудника: Андрей Викторович Соколов", { exact: false }).waitFor();
    }));
});
