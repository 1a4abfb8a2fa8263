/// <reference types="node" />
// Screenshots for the README, in Russian, at 1280x800, on a small generated demo group.
// Run: node --import tsx web/test/screenshots.ts
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { OutgoingMessage } from "../../server/src/modules/messaging/providers";
import { apiAs, DESKTOP, launchBrowser, PHONE, signIn } from "./browser";
import { ROOT_DIR, startOrbit } from "./harness";

const OUT = join(ROOT_DIR, "docs", "screenshots");

const outbox: OutgoingMessage[] = [];
const server = await startOrbit({ demoClients: 3000, smsOutbox: outbox });
const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "ru-RU" });
  const page = await context.newPage();
  const shot = async (name: string, on = page) => {
    await on.mouse.move(0, DESKTOP.height - 1);
    await on.waitForTimeout(400);
    await on.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`Saved ${join(OUT, `${name}.png`)}`);
  };

  await page.goto("/login");
  await page.getByRole("heading", { name: "Вход в Orbit" }).waitFor();
  await shot("login");

  // A head of sales: a real dealership in the header, and the review queue and action log in the menu.
  await signIn(page, "sales.manager");
  await page.getByRole("heading", { name: /Игорь Павлович!/ }).waitFor();
  await shot("home");

  const api = await apiAs(page);
  const queue = (await api.get("/api/duplicates?limit=1")) as { items: { a: { id: number } }[] };
  await page.goto("/duplicates");
  await page.waitForLoadState("networkidle");
  await shot("duplicates");

  // A client whose card shows a merge: the survivor of an automatic merge during the demo's matching
  // (system actions are group-wide, so the director's view of the log finds them).
  const directorPage = await (await browser.newContext({ baseURL: server.url, viewport: DESKTOP })).newPage();
  await signIn(directorPage, "director");
  const log = (await (await apiAs(directorPage)).get("/api/audit?entityType=client&limit=200")) as {
    action: string;
    entityId: string;
  }[];
  const merged = log.find((e) => e.action === "merge")?.entityId ?? String(queue.items[0]?.a.id ?? 1);
  await page.goto(`/clients/${merged}?tab=sources`);
  await page.waitForLoadState("networkidle");
  await shot("client");

  // The one window: a salesperson's client with cars, deals, service, products, offers and the timeline.
  const sales = await (await browser.newContext({ baseURL: server.url, viewport: DESKTOP })).newPage();
  await signIn(sales, "sales");
  const home = (await (await apiAs(sales)).get("/api/home")) as {
    myClients: { clients: { id: number; displayName: string }[] };
  };
  const rich = home.myClients.clients.find((c) => /^[А-ЯЁ]/.test(c.displayName))?.id ?? merged;
  await sales.goto(`/clients/${rich}`);
  await sales.waitForLoadState("networkidle");
  await shot("card", sales);

  // The salesperson's work list, the first call open beside it.
  await sales.goto("/worklist");
  await sales.waitForLoadState("networkidle");
  await shot("worklist", sales);

  // The scenarios, and the lifecycle report of the last month.
  await directorPage.goto("/scenarios");
  await directorPage.waitForLoadState("networkidle");
  await shot("scenarios", directorPage);
  await directorPage.goto("/reports/lifecycle");
  await directorPage.getByRole("button", { name: "Прошлый месяц" }).click();
  await directorPage.waitForLoadState("networkidle");
  await shot("lifecycle", directorPage);
  // Analytics: utilisation of the year against the industry's 15 % and the 50 % target.
  await directorPage.goto("/analytics/utilisation");
  await directorPage.getByTestId("report-chart").waitFor();
  await directorPage.waitForLoadState("networkidle");
  await shot("analytics", directorPage);
  // The service advisor's day: the planning board of the dealership, then one of its work orders.
  const advisor = await (
    await browser.newContext({
      baseURL: server.url,
      viewport: DESKTOP,
      locale: "ru-RU",
      timezoneId: "Europe/Moscow",
    })
  ).newPage();
  await signIn(advisor, "service");
  await advisor.goto("/service/board");
  await advisor.locator("[data-work-order]").first().waitFor();
  await shot("service-board", advisor);
  await advisor.locator("[data-work-order] a").first().click();
  await advisor.getByRole("heading", { name: /Заказ-наряд/ }).waitFor();
  await advisor.waitForLoadState("networkidle");
  await shot("work-order", advisor);
  // The demo salesperson's purchase with trade-in on credit: the car chosen for the client's needs, with
  // why it fits, while the trade-in is with the appraiser.
  const salesPage = await (
    await browser.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "ru-RU" })
  ).newPage();
  await signIn(salesPage, "sales");
  const deals = (await (await apiAs(salesPage)).get("/api/deals?scope=mine")) as { deals: { id: number }[] };
  const waiting = deals.deals[deals.deals.length - 1];
  if (waiting) {
    await salesPage.goto(`/deals/${waiting.id}?step=vehicle`);
    await salesPage.getByRole("list", { name: "Подобранные автомобили" }).waitFor();
    await salesPage.mouse.move(0, DESKTOP.height - 1);
    await salesPage.waitForTimeout(400);
    await salesPage.screenshot({ path: join(OUT, "deal.png") });
    console.log(`Saved ${join(OUT, "deal.png")}`);
  }
  await page.goto("/stock");
  await page.getByRole("table").waitFor();
  await page.waitForLoadState("networkidle");
  await shot("stock");
  // The client portal on a phone: a demo portal client signed in by the code from the SMS.
  const [client] = await server.query<{ phone: string }>(
    `SELECT c.value AS phone FROM loyalty_movements m
       JOIN contact_points c ON c.party_id = m.party_id AND c.kind = 'phone' AND c.valid_to IS NULL
      WHERE m.reason = 'sign_up' ORDER BY m.party_id, c.is_primary DESC, c.id LIMIT 1`,
  );
  if (client) {
    const portal = await (
      await browser.newContext({
        baseURL: server.url,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: "ru-RU",
        timezoneId: "Europe/Moscow",
      })
    ).newPage();
    await portal.goto("/portal/");
    await portal.getByLabel("Телефон").fill(client.phone);
    await portal.getByRole("button", { name: "Получить код" }).click();
    for (let i = 0; i < 50 && !outbox.some((m) => m.to === client.phone); i++)
      await portal.waitForTimeout(100);
    const code =
      [...outbox]
        .reverse()
        .find((m) => m.to === client.phone)
        ?.text.match(/\d{6}/)?.[0] ?? "";
    await portal.getByLabel("Код из SMS").first().click();
    await portal.keyboard.type(code);
    await portal.getByRole("button", { name: "Войти" }).click();
    await portal.getByTestId("balance").waitFor();
    await portal.waitForLoadState("networkidle");
    await portal.waitForTimeout(400);
    await portal.screenshot({ path: join(OUT, "portal.png") });
    console.log(`Saved ${join(OUT, "portal.png")}`);
  }
} finally {
  await browser.close();
  await server.close();
}
