import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../server/src/modules/messaging/providers";
import { apiAs, launchBrowser, PHONE, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;
const outbox: OutgoingMessage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startOrbit({ demoClients: 300, smsOutbox: outbox }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MOSCOW = { timezoneId: "Europe/Moscow", locale: "ru-RU" };

async function codeFor(phone: string): Promise<string> {
  await expect.poll(() => outbox.some((m) => m.to === phone)).toBe(true);
  return [...outbox]
    .reverse()
    .find((m) => m.to === phone)!
    .text.match(/\d{6}/)![0];
}

const balanceOf = async (page: Page) =>
  Number((await page.getByTestId("balance").textContent())!.replace(/\D/g, ""));

describe("the client portal on a phone", () => {
  it("a client signs in by code, books, sees the status change as staff move the work order, earns and spends points", () =>
    withPage(
      browser,
      "portal-client",
      { baseURL: server.url, viewport: PHONE, isMobile: true, hasTouch: true, ...MOSCOW },
      async (page) => {
        // A demo portal client, and the service advisor's centre to book at (the advisor moves the order).
        const [client] = await server.query<{ party_id: number; phone: string }>(
          `SELECT m.party_id, c.value AS phone FROM loyalty_movements m
             JOIN contact_points c ON c.party_id = m.party_id AND c.kind = 'phone' AND c.valid_to IS NULL
            WHERE m.reason = 'sign_up' ORDER BY m.party_id, c.is_primary DESC, c.id LIMIT 1`,
        );
        const [advisor] = await server.query<{ dealership_id: number }>(
          "SELECT dealership_id FROM users WHERE login = 'service'",
        );
        if (!client || !advisor) throw new Error("no demo portal client");

        // 1. Sign in with the code from the SMS; the form speaks English too.
        await page.goto("/portal/");
        await page.getByRole("radiogroup", { name: "Язык" }).getByText("EN").click();
        await page.getByText("Sign in with your phone").waitFor();
        await page.getByRole("radiogroup", { name: "Language" }).getByText("RU").click();
        await page.getByLabel("Телефон").fill(client.phone);
        await page.getByRole("button", { name: "Получить код" }).click();
        const code = await codeFor(client.phone);
        await page.getByText("Мы отправили код").waitFor();
        await page.getByLabel("Код из SMS").first().click();
        await page.keyboard.type(code);
        await page.getByRole("button", { name: "Войти" }).click();
        await page.getByRole("heading", { name: /Здравствуйте/ }).waitFor();
        await page.getByTestId("balance").waitFor();
        const startBalance = await balanceOf(page);
        expect(startBalance).toBeGreaterThanOrEqual(100);

        // 2. Book at the advisor's centre, the first free time, paying 100 points.
        await page.getByRole("contentinfo").getByText("Запись", { exact: true }).click();
        await page.getByRole("heading", { name: "Запись на сервис" }).waitFor();
        await page.getByLabel("Сервисный центр").selectOption(String(advisor.dealership_id));
        const slots = page.getByRole("group", { name: "Свободное время" }).getByRole("button");
        await slots.first().waitFor();
        await slots.first().click();
        await page.getByLabel("Опишите проблему").fill("Горит лампа давления масла");
        await page.getByLabel(/Оплатить баллами/).fill("100");
        await page.getByRole("button", { name: "Записаться" }).click();
        await page.getByRole("heading", { name: "Мои визиты" }).waitFor();
        const [order] = await server.query<{ id: number; number: string; booking_channel: string }>(
          "SELECT id, number, booking_channel FROM work_orders WHERE party_id = $1 ORDER BY id DESC LIMIT 1",
          [client.party_id],
        );
        expect(order!.booking_channel).toBe("portal");
        await page.getByLabel(`${order!.number}: Записан`).waitFor();
        await expect.poll(() => balanceOf(page)).toBe(startBalance - 100);
        // The page never fits wider than the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );

        // 3. The advisor moves the work order; the client's page follows without a reload.
        await withPage(browser, "portal-advisor", { baseURL: server.url }, async (staff) => {
          await signIn(staff, "service");
          const api = await apiAs(staff);
          await api.post(`/api/service/work-orders/${order!.id}/status`, { status: "arrived" });
          await page.getByLabel(`${order!.number}: Автомобиль принят`).waitFor();
          await api.post(`/api/service/work-orders/${order!.id}/status`, { status: "in_work" });
          await page.getByLabel(`${order!.number}: В работе`).waitFor();
          await api.post(`/api/service/work-orders/${order!.id}/status`, { status: "ready" });
          await page.getByLabel(`${order!.number}: Готов к выдаче`).waitFor();
          await api.post(`/api/service/work-orders/${order!.id}/status`, { status: "delivered" });
          await page.getByLabel(`${order!.number}: Выдан`).waitFor();
        });

        // 4. Delivery earned cashback; every movement is explained on the points page.
        await page.getByRole("contentinfo").getByText("Баллы", { exact: true }).click();
        const history = page.getByRole("list", { name: "Мои баллы" });
        await history.getByText(`Оплата заказ-наряда ${order!.number}`).waitFor();
        await history.getByText(new RegExp(`Кешбэк .*% за заказ-наряд ${order!.number}`)).waitFor();
        const [cashback] = await server.query<{ points: string }>(
          "SELECT points FROM loyalty_movements WHERE work_order_id = $1 AND reason = 'cashback'",
          [order!.id],
        );
        expect(Number(cashback!.points)).toBeGreaterThan(0);
        await expect.poll(() => balanceOf(page)).toBe(startBalance - 100 + Number(cashback!.points));

        // 5. Staff see the same points and reasons on the client card.
        await withPage(browser, "portal-card", { baseURL: server.url }, async (staff) => {
          await signIn(staff, "service");
          await staff.goto(`/clients/${client.party_id}`);
          const section = staff.getByRole("region", { name: "Баллы лояльности" });
          await section.getByText(`${startBalance - 100 + Number(cashback!.points)} баллов`).waitFor();
          await section.getByText(`Оплата заказ-наряда ${order!.number}`).waitFor();
        });
      },
    ));
});
