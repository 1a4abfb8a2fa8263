import { randomUUID } from "node:crypto";
import type { Preview, Scenario, SearchResponse, Task, TaskList } from "@orbit/contracts";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SITE_KEY } from "../../server/src/modules/demo/orgStructure";
import { type ApiCaller, apiAs, launchBrowser, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;

// A small generated group as of today: the salesperson's calls for today come from the contact standards.
beforeAll(async () => {
  [server, browser] = await Promise.all([startOrbit({ demoClients: 2000 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Staff work in Moscow time; the presets ("tomorrow at 10:00") are the employee's own clock.
const MOSCOW = { timezoneId: "Europe/Moscow" };

const taskPanel = (page: Page, task: Task) =>
  page.getByRole("region", { name: task.clientName }).filter({ has: page.locator(`#task-title-${task.id}`) });

async function myOpenTasks(api: ApiCaller): Promise<Task[]> {
  return (await api.get<TaskList>("/api/tasks?scope=mine&status=open&limit=200")).tasks;
}

async function taskById(api: ApiCaller, task: Task): Promise<Task> {
  const list = await api.get<TaskList>(
    `/api/tasks?scope=mine&status=open&clientId=${task.clientId}&limit=200`,
  );
  const found = list.tasks.find((t) => t.id === task.id);
  if (found) return found;
  const done = await api.get<TaskList>(
    `/api/tasks?scope=mine&status=done&clientId=${task.clientId}&limit=200`,
  );
  const closed = done.tasks.find((t) => t.id === task.id);
  if (!closed) throw new Error(`task ${task.id} is neither open nor done`);
  return closed;
}

/** The selected task's id: the list row marked current. */
async function selectedTaskId(page: Page): Promise<number> {
  const row = page.getByRole("list", { name: "Задачи" }).locator('li[aria-current="true"]');
  await row.waitFor();
  return Number((await row.getAttribute("id"))?.replace("task-", ""));
}

/** The next moment of `hour`:00 on the dealer's day after today, as the API writes it (UTC). */
function tomorrowAtMoscow(hour: number): string {
  const moscowNow = new Date(Date.now() + 3 * 3_600_000);
  const day = new Date(
    Date.UTC(moscowNow.getUTCFullYear(), moscowNow.getUTCMonth(), moscowNow.getUTCDate() + 1),
  );
  return new Date(day.getTime() + (hour - 3) * 3_600_000).toISOString();
}

describe("work lists", () => {
  it("a salesperson works the list: no answer moves the call on, call later, reschedule, reached closes it", () =>
    withPage(browser, "worklist-salesperson", { baseURL: server.url, ...MOSCOW }, async (page) => {
      await signIn(page, "sales");
      const api = await apiAs(page);
      const mine = await myOpenTasks(api);
      expect(mine.length).toBeGreaterThan(3);

      await page.getByRole("navigation").getByRole("link", { name: "Рабочий список" }).click();
      await page.getByRole("heading", { name: "Рабочий список" }).waitFor();

      // 1. The most urgent call is open beside the list; the client does not answer.
      const firstId = await selectedTaskId(page);
      const first = mine.find((t) => t.id === firstId);
      if (!first) throw new Error(`selected task ${firstId} is not one of mine`);
      const panel = taskPanel(page, first);
      await panel.getByText(first.clientName).first().waitFor();
      await panel.getByRole("button", { name: "Не ответил" }).click();
      await panel.getByRole("button", { name: "Записать результат" }).click();
      await page.getByText(/Не ответил: следующая попытка/).waitFor();
      const afterNoAnswer = await taskById(api, first);
      expect(afterNoAnswer).toMatchObject({ status: "open", outcome: "no_answer", attempts: 1 });
      // Rescheduled by Orbit to a later attempt, not left where it was.
      expect(Date.parse(afterNoAnswer.dueAt)).toBeGreaterThan(Date.now());

      // 2. The list moved on to the next call by itself: the client asks to be called tomorrow morning,
      //    chosen with the keyboard (6 = call later) and a quick time.
      await expect.poll(() => selectedTaskId(page)).not.toBe(firstId);
      const secondId = await selectedTaskId(page);
      const second = (await myOpenTasks(api)).find((t) => t.id === secondId);
      if (!second) throw new Error(`task ${secondId} is not open`);
      await page.locator("body").press("6");
      const secondPanel = taskPanel(page, second);
      await secondPanel.getByRole("button", { name: "завтра в 10:00", exact: true }).click();
      await secondPanel.getByRole("button", { name: "Записать результат" }).click();
      await page.getByText(/Перезвоните завтра, 10:00/).waitFor();
      const afterLater = await taskById(api, second);
      expect(afterLater).toMatchObject({ status: "open", outcome: "call_later" });
      expect(afterLater.dueAt).toBe(tomorrowAtMoscow(10));

      // 3. The next one is moved within its window, without a call.
      await expect.poll(() => selectedTaskId(page)).not.toBe(secondId);
      const thirdId = await selectedTaskId(page);
      const third = (await myOpenTasks(api)).find((t) => t.id === thirdId);
      if (!third) throw new Error(`task ${thirdId} is not open`);
      const thirdPanel = taskPanel(page, third);
      await thirdPanel.getByRole("button", { name: "Перенести" }).click();
      const moveForm = thirdPanel.getByRole("form", { name: "Перенести задачу" });
      await moveForm.getByRole("button", { name: "через час" }).click();
      await moveForm.getByRole("button", { name: "Перенести" }).click();
      await page.getByText(/Задача перенесена на/).waitFor();
      const moved = await taskById(api, third);
      expect(moved.status).toBe("open");
      expect(moved.attempts).toBe(third.attempts);
      expect(Math.abs(Date.parse(moved.dueAt) - (Date.now() + 3_600_000))).toBeLessThan(5 * 60_000);

      // 4. The first client, called again, answers: the task is done and leaves the list.
      await page.locator(`#task-${firstId}`).getByRole("button").first().click();
      await expect.poll(() => selectedTaskId(page)).toBe(firstId);
      const again = taskPanel(page, first);
      await again.getByText("Попыток: 1 из 3").first().waitFor();
      await again.getByRole("button", { name: "Дозвонился" }).click();
      await again.getByLabel("Комментарий").fill("Всё в порядке, ждёт приглашения на ТО");
      await again.getByLabel("Комментарий").press("Control+Enter");
      await page.getByText("Звонок записан: дозвонились").waitFor();
      await page.locator(`#task-${firstId}`).waitFor({ state: "detached" });
      expect(await taskById(api, first)).toMatchObject({ status: "done", outcome: "reached", attempts: 2 });
    }));

  it("a marketer creates a scenario, sees what it would do today, switches it on, and it makes the calls", () =>
    withPage(browser, "worklist-marketer-scenario", { baseURL: server.url, ...MOSCOW }, async (page) => {
      await signIn(page, "marketer");
      const api = await apiAs(page);
      await page.getByRole("navigation").getByRole("link", { name: "Сценарии" }).click();
      await page.getByRole("heading", { name: "Сценарии" }).waitFor();

      // The shipped web-request scenario is switched off, so the new one answers the requests alone.
      const shipped = page.getByRole("listitem", { name: "Заявка с сайта" });
      // (The switch follows the saved state: it turns once the server has it.)
      await shipped.getByRole("switch").click({ force: true });
      await page.getByText("Сценарий «Заявка с сайта» выключен").waitFor();
      await expect.poll(() => shipped.getByRole("switch").isChecked()).toBe(false);

      await page.getByRole("button", { name: "Новый сценарий" }).click();
      const form = page.getByRole("form", { name: "Новый сценарий" });
      await form.getByRole("radio", { name: "Заявка с сайта" }).check();
      await form.getByRole("textbox", { name: "Название" }).fill("Заявка на тест-драйв");
      await form.getByRole("textbox", { name: "События за последние, часов" }).fill("2");
      await form.getByRole("button", { name: "Создать" }).click();
      await page.getByText("Сценарий «Заявка на тест-драйв» создан выключенным").waitFor();

      // Right after creation: what it would do today.
      const edit = page.getByRole("form", { name: "Заявка на тест-драйв" });
      const preview = edit.getByRole("status").filter({ hasText: "Что будет сегодня" });
      const before = Number((await preview.getByText(/Сегодня создал бы/).textContent())?.match(/\d+/)?.[0]);
      expect(Number.isInteger(before)).toBe(true);

      // Two people leave test-drive requests on the web site.
      const people = [
        { name: "Лаврентьев Игнат Саввич", phone: "+7 916 401-23-45" },
        { name: "Ковригина Зоя Петровна", phone: "8 (926) 402-34-56" },
      ];
      const sent = await page.request.post("/api/events", {
        headers: { "x-orbit-key": DEMO_SITE_KEY },
        data: {
          events: people.map((p) => ({
            id: randomUUID(),
            type: "request_submitted",
            occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
            visitorId: randomUUID(),
            client: { name: p.name, phone: p.phone },
            payload: { topic: "test_drive", model: "Haval Jolion", comment: "Хочу в субботу" },
          })),
        },
      });
      expect(sent.status()).toBe(200);

      await edit.getByRole("button", { name: "Предпросмотр" }).click();
      await preview.getByText(new RegExp(`Сегодня создал бы ${before + 2} `)).waitFor();

      // Switched on from the form, then saved.
      await edit.getByRole("switch", { name: "Включён" }).check({ force: true });
      await edit.getByRole("button", { name: "Сохранить" }).click();
      await page.getByText("Сценарий «Заявка на тест-драйв» включён").waitFor();
      const card = page.getByRole("listitem", { name: "Заявка на тест-драйв" });
      expect(await card.getByRole("switch").isChecked()).toBe(true);
      const scenarios = await api.get<Scenario[]>("/api/scenarios");
      const created = scenarios.find((s) => s.name === "Заявка на тест-драйв");
      expect(created).toMatchObject({ active: true, kind: "web_request", params: { withinHours: 2 } });

      // The next run makes a call-centre task for each request, with the request attached.
      const director = await browser.newContext({ baseURL: server.url });
      try {
        const directorPage = await director.newPage();
        await signIn(directorPage, "director");
        const boss = await apiAs(directorPage);
        await boss.post("/api/worklists/evaluate");
        // Each request's client, found as staff would find them: by the phone as typed on the site.
        const clientIds = await Promise.all(
          people.map(async (p) => {
            const found = await boss.get<SearchResponse>(`/api/search?q=${encodeURIComponent(p.phone)}`);
            expect(found.results[0]?.displayName).toBe(p.name);
            return found.results[0]?.clientId as number;
          }),
        );
        const tasksOf = async (clientId: number) =>
          (await boss.get<TaskList>(`/api/tasks?scope=all&status=open&clientId=${clientId}`)).tasks.filter(
            (t) => t.source === "scenario" && t.sourceId === created?.id,
          );
        for (const clientId of clientIds) {
          await expect.poll(async () => (await tasksOf(clientId)).length, { timeout: 30_000 }).toBe(1);
        }
        const [one] = await tasksOf(clientIds[0] as number);
        expect(one).toMatchObject({ queue: "call_center", reason: { code: "web_request" } });
        expect(one?.payload).toMatchObject({ topic: "test_drive", model: "Haval Jolion" });
        // The calls exist now: the same requests would not be called about twice.
        const again = await boss.post<Preview>(`/api/scenarios/${created?.id}/preview`, {});
        expect(again.tasks).toBe(0);
        expect(again.held.alreadyContacted).toBeGreaterThanOrEqual(2);
      } finally {
        await director.close();
      }
    }));
});
