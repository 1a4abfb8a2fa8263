import type { Board, WorkOrder } from "@orbit/contracts";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, launchBrowser, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;

// A small group as of today: the workshops, the catalog and a few weeks of bookings, a sparse board.
beforeAll(async () => {
  [server, browser] = await Promise.all([startOrbit({ demoClients: 1000 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MOSCOW = { timezoneId: "Europe/Moscow", locale: "ru-RU" };
const moscowDay = (iso: string) => new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().slice(0, 10);

describe("the workshop", () => {
  it("an advisor books a maintenance slot, moves it on the board, opens the work order and delivers the car", () =>
    withPage(browser, "service-advisor", { baseURL: server.url, ...MOSCOW }, async (page) => {
      await signIn(page, "service");
      const api = await apiAs(page);
      const me = await api.get<{ user: { dealershipId: number } }>("/api/auth/me");
      const dealershipId = me.user.dealershipId;

      // A client of the dealership whose phone the advisor types: one with a visit in the coming days.
      let client: WorkOrder | null = null;
      for (let d = 0; d < 15 && !client; d++) {
        const day = moscowDay(new Date(Date.now() + d * 86_400_000).toISOString());
        const board = await api.get<Board>(`/api/service/board?dealershipId=${dealershipId}&day=${day}`);
        for (const item of [...board.items, ...board.unplanned]) {
          const order = await api.get<WorkOrder>(`/api/service/work-orders/${item.id}`);
          if (order.clientPhone) {
            client = order;
            break;
          }
        }
      }
      if (!client) throw new Error("no client with a visit at the advisor's dealership in the demo");

      // 1. Book: find the client by phone, pick the car, take the earliest slot.
      await page.getByRole("navigation").getByRole("link", { name: "Планирование сервиса" }).click();
      await page.getByRole("heading", { name: "Планирование сервиса" }).waitFor();
      // The show-up rate of the last 90 days' bookings, by channel, under the board.
      await page.getByText("Явка по каналам записи за 90 дней").waitFor();
      await page.getByRole("button", { name: "Новая запись" }).click();
      const dialog = page.getByRole("dialog", { name: "Запись на сервис" });
      await dialog.getByRole("textbox", { name: "Клиент" }).fill(client.clientPhone!);
      await dialog.getByLabel("Найденные клиенты").click();
      await page
        .getByRole("option", { name: new RegExp(client.clientName) })
        .first()
        .click();
      const car = dialog.getByRole("radio").first();
      await car.check();
      await expect.poll(() => car.isChecked()).toBe(true);
      const slots = dialog.getByRole("list", { name: "Свободное время" });
      await slots.waitFor();
      await dialog.getByText(/Длительность \d+ мин: Замена моторного масла/).waitFor();
      await slots.locator("label").first().click();
      const booked = page.waitForResponse(
        (r) => r.url().endsWith("/api/service/bookings") && r.request().method() === "POST",
      );
      await dialog.getByRole("button", { name: "Записать" }).click();
      const order = (await (await booked).json()) as WorkOrder;
      await page.getByText(`заказ-наряд ${order.number}`).waitFor();
      expect(order.status).toBe("booked");
      expect(order.lines.some((l) => l.code === "TO-OIL")).toBe(true);

      // 2. Move it on the board: drag the card onto another post at the same time.
      await page.goto(`/service/board?day=${moscowDay(order.plannedStart!)}`);
      const card = page.locator(`[data-work-order="${order.id}"]`);
      await card.waitFor();
      const board = await api.get<Board>(
        `/api/service/board?dealershipId=${dealershipId}&day=${moscowDay(order.plannedStart!)}`,
      );
      // A post free for the whole job (and the buffer after it) at the booked time.
      const [start, end] = [Date.parse(order.plannedStart!), Date.parse(order.plannedEnd!) + 30 * 60_000];
      const target = board.posts.find(
        (p) =>
          p.active &&
          p.id !== order.postId &&
          p.skills.includes("maintenance") &&
          !board.items.some(
            (i) => i.postId === p.id && Date.parse(i.start) < end && Date.parse(i.end) + 30 * 60_000 > start,
          ),
      )!;
      // Measured once the board has stopped loading: a late refetch that moves the card under the
      // mouse would turn the drag into a click on a busy machine.
      await page.waitForLoadState("networkidle");
      // In the middle of the window: at its top edge the sticky header would take the mouse-down.
      await card.evaluate((el) => el.scrollIntoView({ block: "center" }));
      const from = (await card.boundingBox())!;
      const to = (await page.locator(`[data-post="${target.id}"]`).boundingBox())!;
      const moved = page.waitForResponse((r) =>
        r.url().endsWith(`/api/service/work-orders/${order.id}/plan`),
      );
      await page.mouse.move(from.x + from.width / 2, from.y + from.height - 6);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height - 20, { steps: 4 });
      await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 12 });
      await page.mouse.up();
      const response = await moved;
      const after = (await response.json()) as WorkOrder;
      expect(response.status(), JSON.stringify(after)).toBe(200);
      expect(after.postId).toBe(target.id);
      expect(after.plannedStart).toBe(order.plannedStart);
      await page.getByText(new RegExp(`${order.number} перенесён`)).waitFor();
      await page.locator(`[data-post="${target.id}"] [data-work-order="${order.id}"]`).waitFor();

      // The same move without a mouse: the card's move button and dialog, back to the first post.
      await page.getByRole("button", { name: `Перенести ${order.number}` }).click();
      const moveDialog = page.getByRole("dialog", { name: `Перенос ${order.number}` });
      await moveDialog.getByLabel("Пост").click();
      await page
        .getByRole("option", { name: after.postName === order.postName ? target.name : order.postName! })
        .click();
      await moveDialog.getByRole("button", { name: "Перенести" }).click();
      await page.locator(`[data-post="${order.postId}"] [data-work-order="${order.id}"]`).waitFor();

      // 3. Open the work order from its card.
      await page.locator(`[data-work-order="${order.id}"] a`).click();
      await page.getByRole("heading", { name: `Заказ-наряд ${order.number}` }).waitFor();
      await page.getByRole("cell", { name: /^Замена моторного масла и масляного фильтра/ }).waitFor();

      // 4. The car comes, is worked on and delivered.
      await page.getByRole("button", { name: "Клиент приехал" }).click();
      const arrival = page.getByRole("dialog", { name: "Клиент приехал" });
      await arrival.getByRole("textbox", { name: "Пробег по одометру, км" }).fill("123456");
      await arrival.getByRole("button", { name: "Подтвердить" }).click();
      await page.getByText("Статус: Приехал").waitFor();
      await page.getByRole("button", { name: "В работу" }).click();
      await page.getByText("Статус: В работе").waitFor();
      await page.getByRole("button", { name: "Готов к выдаче" }).click();
      await page.getByText("Статус: Готов").waitFor();
      await page.getByRole("button", { name: "Выдать автомобиль" }).click();
      const delivery = page.getByRole("dialog", { name: "Выдать автомобиль" });
      await delivery.getByRole("textbox", { name: "Пробег по одометру, км" }).fill("123470");
      await delivery.getByRole("button", { name: "Подтвердить" }).click();
      await page.getByText("Статус: Выдан").waitFor();
      await page.getByText("Следующее ТО").waitFor();
      const delivered = await api.get<WorkOrder>(`/api/service/work-orders/${order.id}`);
      expect(delivered).toMatchObject({ status: "delivered", mileageKm: 123_470 });
      expect(delivered.nextMaintenance?.km).toBeGreaterThan(123_470);
    }));

  it("a director loads an ERP price list and sees what changed", () =>
    withPage(browser, "service-price-list", { baseURL: server.url, ...MOSCOW }, async (page) => {
      await signIn(page, "director");
      await page.getByRole("navigation").getByRole("link", { name: "Справочники сервиса" }).click();
      await page.getByRole("heading", { name: "Справочники сервиса" }).waitFor();
      const csv =
        "Артикул;Наименование;Производитель;Ед.;Цена\nBR-TEST-1;Колодки тормозные;ATE;компл;4 590,00\nBR-TEST-2;Диск тормозной;ATE;шт;нет\n";
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByText("Строк: 2; новых: 1, изменилось: 0, без изменений: 0").waitFor();
      await page.getByText(/Строка 3: BR-TEST-2: price/).waitFor();
      await page.getByRole("textbox", { name: "Поиск по артикулу или названию" }).fill("BR-TEST");
      await page.getByRole("cell", { name: "Колодки тормозные", exact: true }).waitFor();

      // The workshop's hours: open the first centre on Sundays too, and save.
      await page.getByRole("tab", { name: "Посты и мастера" }).click();
      await page.getByRole("checkbox", { name: "Вс" }).check();
      await page.getByLabel("Вс: закрытие").fill("16:00");
      await page.getByRole("button", { name: "Сохранить" }).click();
      await page.getByText("Часы и правила записи сохранены").waitFor();
      const api = await apiAs(page);
      const [first] = await api.get<{ id: number }[]>("/api/dealerships");
      const workshop = await api.get<{ openingHours: ({ open: string; close: string } | null)[] }>(
        `/api/service/workshops/${first!.id}`,
      );
      expect(workshop.openingHours[6]).toEqual({ open: "09:00", close: "16:00" });
    }));
});
