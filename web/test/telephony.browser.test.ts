import type { CallList, EscalationChain, TaskList } from "@orbit/contracts";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, launchBrowser, signIn, withPage } from "./browser";
import { type OrbitServer, startOrbit } from "./harness";

let server: OrbitServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startOrbit({ demoClients: 300 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("contact centre", () => {
  it("a simulated incoming call pops the client's card with the script; an unknown number opens a prefilled form", async () => {
    await withPage(browser, "telephony-pop", { baseURL: server.url }, async (page) => {
      await signIn(page, "operator");
      const api = await apiAs(page);
      const task = (await api.get<TaskList>("/api/tasks?scope=queue&limit=20")).tasks.find(
        (x) => x.clientPhone,
      );
      if (!task?.clientPhone) throw new Error("no client with a phone in the demo");
      await page.goto("/calls");
      await page.getByRole("button", { name: "Симулировать звонок" }).waitFor();
      await page.getByLabel("Номер звонящего").fill(task.clientPhone);
      await page.getByLabel("Внутренний номер").fill("130");
      await page.getByRole("button", { name: "Симулировать звонок" }).click();
      await page.waitForURL(`**/clients/${task.clientId}`);
      const panel = page.getByRole("dialog", { name: "Звонок" });
      await expect(panel.getByText(task.clientName)).toBeTruthy();
      await panel.getByText(task.clientName).waitFor();
      await panel.getByRole("button", { name: "Ответить (симулятор)" }).click();
      const greet = panel.getByRole("checkbox", { name: /Поздороваться/ });
      await greet.click();
      await expect.poll(() => greet.isChecked()).toBe(true);
      await panel.getByText("/ 5:00").waitFor();
      await panel.getByRole("button", { name: "Передать мастеру-консультанту" }).click();
      await panel.getByText("Клиент передан мастеру").waitFor();
      await panel.getByRole("button", { name: "Положить трубку (симулятор)" }).click();
      await panel.getByText("Разговор состоялся").waitFor();

      await page.goto("/calls");
      await page.getByLabel("Номер звонящего").fill("+7 999 765-43-21");
      await page.getByRole("button", { name: "Симулировать звонок" }).click();
      await page.waitForURL("**/clients/new?*");
      await expect
        .poll(() => page.locator('input[value="+79997654321"], input[value="+7 999 765-43-21"]').count())
        .toBe(1);
    });
  });

  it("a missed call goes up to the head of the contact centre and becomes a call-back task", async () => {
    await withPage(browser, "telephony-head", { baseURL: server.url }, async (headPage) => {
      await signIn(headPage, "callcenter.head");
      const head = await apiAs(headPage);
      const [chain] = await head.get<EscalationChain[]>("/api/telephony/chains");
      if (!chain) throw new Error("no chain");
      // Quicker than the shipped 20 s, for the test.
      await headPage.request.put(`/api/telephony/chains/${chain.id}`, {
        data: {
          ...chain,
          id: undefined,
          updatedAt: undefined,
          steps: [{ afterS: 5, target: "department_head", userId: null }],
        },
        headers: {
          "x-csrf-token": (
            (await (await headPage.request.get("/api/auth/me")).json()) as { csrfToken: string }
          ).csrfToken,
        },
      });
      await withPage(browser, "telephony-missed", { baseURL: server.url }, async (page) => {
        await signIn(page, "operator");
        const api = await apiAs(page);
        const task = (await api.get<TaskList>("/api/tasks?scope=queue&limit=50")).tasks.filter(
          (x) => x.clientPhone,
        )[3];
        if (!task?.clientPhone) throw new Error("no client with a phone in the demo");
        await headPage.goto("/calls");
        await page.goto("/calls");
        await page.getByLabel("Номер звонящего").fill(task.clientPhone);
        await page.getByLabel("Внутренний номер").fill("130");
        await page.getByRole("button", { name: "Симулировать звонок" }).click();
        await page.waitForURL(`**/clients/${task.clientId}`);
        // Nobody answers: after five seconds the head of the contact centre sees the call.
        const headPanel = headPage.getByRole("dialog", { name: "Звонок" });
        await headPanel.getByText(/Не ответили/).waitFor({ timeout: 15_000 });
        await headPanel.getByText(task.clientName).waitFor();
        await page
          .getByRole("dialog", { name: "Звонок" })
          .getByRole("button", { name: "Положить трубку (симулятор)" })
          .click();
        await page.getByText("Пропущен — в журнале и в задачах").waitFor();
        await page.goto("/calls");
        const row = page.getByRole("row").filter({ hasText: task.clientName });
        await row.getByText("Ждёт перезвона").waitFor();
        await row.getByText("Татьяна Викторовна Белова").waitFor();
        const journal = await api.get<CallList>("/api/calls/missed");
        const call = journal.calls.find((c) => c.client?.id === task.clientId);
        expect(call?.callback?.taskId).toBeTruthy();
        const mine = await api.get<TaskList>(`/api/tasks?scope=mine&clientId=${task.clientId}`);
        expect(mine.tasks.some((x) => x.reason.code === "missed_call")).toBe(true);
      });
    });
  });
});
