import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
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

const MOSCOW = { timezoneId: "Europe/Moscow", locale: "ru-RU" };

const STOCK_CSV = [
  "ДЦ;VIN;Марка;Модель;Комплектация;Год;Состояние;Статус;Кузов;Мест;Привод;Клиренс;Класс;Пробег;Цена",
  "MSK-HAVAL;LGWFF7A59RH200001;Tank;500;3.0T 4WD;2026;новый;на складе;внедорожник;7;полный;224;бизнес;0;5600000",
  "MSK-HAVAL;LGWFF7A59RH200002;Haval;Jolion;1.5T;2026;новый;на складе;кроссовер;5;передний;190;комфорт;0;2300000",
  "MSK-HAVAL;LGWFF7A59RH200003;Haval;Dargo;2.0T 4WD;2026;новый;в пути;кроссовер;5;полный;225;комфорт;0;3499000",
  "MSK-HAVAL;BROKEN;Haval;H9;2.0T;2026;новый;на складе;внедорожник;7;полный;220;бизнес;0;4500000",
].join("\n");

/** A step of the deal, chosen in the steps list. */
async function openStep(page: Page, name: RegExp) {
  await page.getByRole("navigation", { name: "Шаги сделки" }).getByRole("button", { name }).click();
}

async function completeStep(page: Page, title: string) {
  const step = page.getByRole("region", { name: title });
  await step.getByRole("button", { name: "Завершить шаг" }).click();
  await page.getByText(`Шаг «${title}» завершён`).waitFor();
}

/** A specialist takes the deal's task from their queue and opens the deal from it. */
async function takeHandoff(page: Page, reason: RegExp) {
  await page.goto("/worklist");
  await page.getByRole("tab", { name: /Очередь/ }).click();
  const list = page.getByRole("list", { name: "Задачи" });
  await list.getByText(reason).first().click();
  await page.getByRole("button", { name: "Взять себе" }).click();
  await page.getByText("Задача ваша").waitFor();
  // Taken, the task is the specialist's own: it is worked in the deal it came from.
  await page.getByRole("tab", { name: /Мои звонки/ }).click();
  await list.getByText(reason).first().click();
  await page.getByRole("link", { name: "Открыть сделку" }).click();
  await page.getByRole("heading", { name: /Сделка №/ }).waitFor();
}

describe("deals", () => {
  it("a sales manager loads the stock file and sees the rows it refused", () =>
    withPage(browser, "deals-stock", { baseURL: server.url, ...MOSCOW }, async (page) => {
      await signIn(page, "sales.manager");
      await page.getByRole("navigation").getByRole("link", { name: "Склад автомобилей" }).click();
      await page.getByRole("heading", { name: "Склад автомобилей" }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: "stock.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(STOCK_CSV, "utf8"),
      });
      await page.getByText("Загружено строк: 4. Добавлено 3, обновлено 0, отклонено 1.").waitFor();
      await page
        .getByText("Строка 5, VIN: «BROKEN» — не VIN (17 латинских букв и цифр, без I, O, Q)")
        .waitFor();
      await page.getByText("Tank 500, 2026").waitFor();
      await page.getByText("В пути · 1").waitFor();
    }));

  it(
    "a salesperson runs a purchase with trade-in on credit, with the appraiser's and F&I's hand-offs, and the contract names the buyer and the car",
    () =>
      withPage(browser, "deals-sales", { baseURL: server.url, ...MOSCOW }, async (salesPage) => {
        salesPage.setDefaultTimeout(15_000);
        await signIn(salesPage, "sales");
        const api = await apiAs(salesPage);
        const { clientId } = await api.post<{ clientId: number }>("/api/clients", {
          fullName: "Белова Марина Сергеевна",
          phones: ["+7 916 700-11-22"],
          birthDate: "1987-09-21",
        });

        // The deal is opened from the client's card on the combined process.
        await salesPage.goto(`/clients/${clientId}`);
        await salesPage.getByRole("button", { name: "Новая сделка" }).click();
        await salesPage.getByRole("menuitem", { name: "Покупка с трейд-ин в кредит" }).click();
        await salesPage.getByRole("heading", { name: /Сделка №\d+/ }).waitFor();
        const dealId = Number(salesPage.url().match(/deals\/(\d+)/)![1]);

        // 1. Needs, in the client's words; the match ranks any brand and the salesperson takes the Tank.
        const needs = salesPage.getByRole("form", { name: "Что нужно клиенту" });
        await needs.getByText("внедорожник").click();
        await needs.getByText("кроссовер").click();
        await needs.getByLabel("Полный привод").check();
        await needs.getByLabel("Платёж в месяц до, ₽").fill("110000");
        await needs.getByLabel("Стоимость автомобиля в трейд-ин, ₽").fill("900000");
        await needs.getByLabel("Первоначальный взнос, ₽").fill("500000");
        await needs.getByRole("button", { name: "Подобрать" }).click();
        const matches = salesPage.getByRole("list", { name: "Подобранные автомобили" });
        await matches.getByRole("listitem").first().waitFor();
        expect(await matches.getByRole("listitem").first().getAttribute("aria-label")).toBe("Tank 500, 2026");
        await expect(
          matches
            .getByRole("listitem", { name: "Tank 500, 2026" })
            .getByText("полный привод")
            .first()
            .isVisible(),
        ).resolves.toBe(true);
        await matches.getByRole("button", { name: "Выбрать: Tank 500, 2026" }).click();
        await salesPage.getByText("Автомобиль выбран и зарезервирован").waitFor();
        await completeStep(salesPage, "Потребности клиента");
        await openStep(salesPage, /Выбор автомобиля/);
        await completeStep(salesPage, "Выбор автомобиля");

        // 3. The trade-in car goes to the appraiser as a task.
        const appraisal = salesPage.getByRole("region", { name: "Оценка автомобиля клиента" });
        await appraisal.getByLabel("VIN").fill("Z94CB41AAJR200010");
        await appraisal.getByLabel("Марка").fill("Kia");
        await appraisal.getByLabel("Модель").fill("Rio");
        await appraisal.getByLabel("Год").fill("2018");
        await appraisal.getByRole("button", { name: "Указать автомобиль" }).click();
        await appraisal.getByText(/Kia Rio 2018 · VIN Z94CB41AAJR200010/).waitFor();
        await appraisal.getByLabel("Комментарий для специалиста").fill("Клиент ждёт в салоне");
        await appraisal.getByRole("button", { name: "Передать оценщику" }).click();
        await appraisal.getByText(/У специалиста/).waitFor();

        await withPage(browser, "deals-appraiser", { baseURL: server.url, ...MOSCOW }, async (page) => {
          await signIn(page, "appraiser");
          await takeHandoff(page, /Оценить автомобиль клиента в трейд-ин: Kia Rio 2018/);
          const step = page.getByRole("region", { name: "Оценка автомобиля клиента" });
          await step.getByLabel("Стоимость, ₽").fill("950000");
          await step.getByLabel("Пробег, км").fill("87000");
          await step.getByRole("button", { name: "Записать оценку" }).click();
          await step
            .getByText(/950\s000\s₽/)
            .first()
            .waitFor();
          await completeStep(page, "Оценка автомобиля клиента");
        });

        // 4. The appraisal is back in the deal: the salesperson agrees the price with the client.
        await salesPage.goto(`/deals/${dealId}`);
        const offer = salesPage.getByRole("region", { name: "Согласование цены трейд-ин" });
        await offer.getByLabel("Цена, на которую согласен клиент, ₽").fill("930000");
        await offer.getByRole("button", { name: "Сохранить" }).click();
        await offer.getByText(/Согласовано: 930\s000\s₽/).waitFor();
        await completeStep(salesPage, "Согласование цены трейд-ин");

        // 5-6. The credit application and the insurance go to F&I.
        const credit = salesPage.getByRole("region", { name: "Кредит: заявка и решения банков" });
        await credit.getByLabel("Первоначальный взнос, ₽").fill("500000");
        await credit.getByLabel("Сумма кредита, ₽").fill("4170000");
        await credit.getByRole("button", { name: "Сохранить" }).click();
        await salesPage.getByText("Сохранено").first().waitFor();
        await credit.getByRole("button", { name: "Передать в кредитный отдел" }).click();
        await credit.getByText(/У специалиста/).waitFor();
        await openStep(salesPage, /Страхование/);
        await salesPage.getByRole("button", { name: "Передать на расчёт страховки" }).click();
        await salesPage
          .getByRole("region", { name: "Страхование: ОСАГО и КАСКО" })
          .getByText(/У специалиста/)
          .waitFor();

        await withPage(browser, "deals-fi", { baseURL: server.url, ...MOSCOW }, async (page) => {
          await signIn(page, "fi");
          await takeHandoff(page, /Кредитная заявка по сделке: Tank 500 2026/);
          const step = page.getByRole("region", { name: "Кредит: заявка и решения банков" });
          for (const [bank, rate] of [
            ["Сбербанк", "15.9"],
            ["ВТБ", "13.9"],
          ]) {
            await step.getByLabel("Банк", { exact: true }).fill(bank!);
            await step.getByLabel("Ставка, %").fill(rate!);
            await step.getByRole("button", { name: "Добавить решение банка" }).first().click();
            await step.getByRole("table").getByText(bank!).waitFor();
          }
          await step.getByText("меньший платёж").waitFor();
          await step.getByRole("button", { name: "Выбрать: ВТБ" }).click();
          await step.getByText("Выбрано").waitFor();
          await completeStep(page, "Кредит: заявка и решения банков");

          await openStep(page, /Страхование/);
          const insurance = page.getByRole("region", { name: "Страхование: ОСАГО и КАСКО" });
          await insurance.getByLabel("Страховщик").fill("Ингосстрах");
          await insurance.getByLabel("Премия, ₽").fill("189000");
          await insurance.getByRole("button", { name: "Добавить расчёт" }).click();
          await insurance.getByRole("button", { name: "Выбрать: КАСКО Ингосстрах" }).click();
          await insurance.getByRole("button", { name: "Выбрать: КАСКО Ингосстрах", pressed: true }).waitFor();
          await completeStep(page, "Страхование: ОСАГО и КАСКО");
        });

        // 7. Equipment: back in the deal, the guide is at the step now at hand.
        await salesPage.goto(`/deals/${dealId}`);
        const extras = salesPage.getByRole("region", { name: "Дополнительное оборудование" });
        await extras.getByLabel("Наименование").fill("Фаркоп");
        await extras.getByLabel("Цена, ₽").fill("45000");
        await extras.getByRole("button", { name: "Добавить" }).click();
        await extras.getByText(/Итого оборудование: 45\s000\s₽/).waitFor();
        await completeStep(salesPage, "Дополнительное оборудование");

        // 8. The car is not sold without the buyer's full data: what is missing is named and filled in here.
        const client = salesPage.getByRole("region", { name: "Данные клиента" });
        await expect(client.getByTestId("missing").textContent()).resolves.toBe("паспорт, адрес регистрации");
        await client.getByRole("button", { name: "Завершить шаг" }).click();
        await salesPage.getByText("Не хватает: паспорт, адрес регистрации").waitFor();
        await client.getByLabel("Паспорт РФ (серия и номер)").fill("4514 281733");
        await client.getByLabel("Адрес регистрации").fill("Москва, Профсоюзная улица, дом 3, квартира 12");
        await client.getByRole("button", { name: "Сохранить" }).click();
        await client.getByText("Всё нужное для шага есть").waitFor();
        await completeStep(salesPage, "Данные клиента");

        // 9. The quote and the contract, issued from the deal; the contract is downloaded and read.
        const docs = salesPage.getByRole("region", { name: "Предложение и договор" });
        await docs.getByRole("button", { name: "Сформировать: Коммерческое предложение" }).click();
        await docs.getByText(`№ КП-${dealId}`, { exact: false }).waitFor();
        await docs.getByRole("button", { name: "Сформировать: Договор купли-продажи" }).click();
        await docs.getByText(`№ ДКП-${dealId}`, { exact: false }).waitFor();
        const [download] = await Promise.all([
          salesPage.waitForEvent("download"),
          docs
            .getByRole("listitem")
            .filter({ hasText: "Договор купли-продажи" })
            .getByRole("link", { name: "Скачать PDF" })
            .click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^dogovor-.*\.pdf$/);
        const pdf = await readFile((await download.path())!);
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
        const contract = text.replace(/\s+/g, " ");
        expect(contract).toContain(`Договор купли-продажи автомобиля № ДКП-${dealId}`);
        expect(contract).toContain("Белова Марина Сергеевна");
        expect(contract).toContain("45 14 281733");
        expect(contract).toContain("LGWFF7A59RH200001");
        expect(contract).toContain("5 600 000,00 ₽ (пять миллионов шестьсот тысяч рублей 00 копеек)");
        expect(contract).toContain("Kia Rio 2018 г., VIN Z94CB41AAJR200010");
        expect(contract).toContain("кредита ВТБ");
        await completeStep(salesPage, "Предложение и договор");

        // 10-11. Payment, then delivery with the acceptance act: the deal is won.
        const payment = salesPage.getByRole("region", { name: "Оплата" });
        await payment.getByRole("button", { name: "Оплата получена" }).click();
        await payment.getByText(/Оплата получена .* \(кредит\)/).waitFor();
        await completeStep(salesPage, "Оплата");
        const delivery = salesPage.getByRole("region", { name: "Выдача автомобиля" });
        await delivery.getByRole("button", { name: "Сохранить" }).click();
        await delivery.getByRole("button", { name: "Сформировать: Акт приёма-передачи" }).click();
        await delivery.getByText(`№ АПП-${dealId}`, { exact: false }).waitFor();
        await completeStep(salesPage, "Выдача автомобиля");
        await salesPage.getByText("Сделка выиграна: автомобиль выдан").waitFor();
        await expect(salesPage.getByTestId("cycle").textContent()).resolves.toMatch(/^Цикл сделки: \d+ мин$/);

        // Every step is in the deal's history, and the car is now the client's.
        const history = salesPage.getByRole("region", { name: "Ход сделки" });
        await history.getByText("Оценка автомобиля клиента · Передано специалисту").waitFor();
        await history.getByText("Выдача автомобиля · Шаг завершён").waitFor();
        await salesPage.goto(`/clients/${clientId}`);
        await salesPage
          .getByText(/Tank 500/)
          .first()
          .waitFor();
      }),
    240_000,
  );
});
