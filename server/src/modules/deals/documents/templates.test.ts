import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { type DocumentData, money, moneyInWords, renderAct, renderContract, renderQuote } from "./templates";

const sale: DocumentData = {
  number: "ДКП-17",
  date: "2026-12-04",
  city: "Москва",
  dealer: {
    name: "Орбита Haval Алтуфьево",
    address: "Москва, Алтуфьевское шоссе, 31",
    phone: "+74951500101",
  },
  salesperson: "Пётр Сергеевич Смирнов",
  client: {
    name: "Иванов Иван Иванович",
    birthDate: "1985-03-02",
    passport: "45 12 345678",
    address: "Москва, улица Ленина, дом 1, квартира 2",
    phone: "+79161234567",
    email: null,
    inn: null,
    company: false,
  },
  vehicle: {
    make: "Haval",
    model: "Dargo",
    trim: "2.0T 4WD",
    year: 2026,
    vin: "LGWFF7A59RH123456",
    color: "Серый",
    condition: "new",
    mileageKm: null,
  },
  priceKopecks: 349_900_000,
  accessories: [{ name: "Коврики в салон", priceKopecks: 1_200_000, quantity: 1 }],
  tradeIn: { label: "Kia Rio 2018 г.", vin: "Z94CB41AAJR123456", valueKopecks: 90_000_000 },
  downPaymentKopecks: 50_000_000,
  credit: {
    bank: "Сбербанк",
    principalKopecks: 211_100_000,
    ratePct: 15.9,
    termMonths: 60,
    monthlyKopecks: 5_119_000,
  },
  creditRequest: null,
  insurance: [{ kind: "kasko", insurer: "Ингосстрах", premiumKopecks: 14_500_000 }],
  deliveryOn: "2026-12-10",
  buyBack: false,
};

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("deal documents", () => {
  it("writes roubles in figures and in Russian words", () => {
    expect(money(349_900_000)).toBe("3\u00a0499\u00a0000,00 ₽");
    expect(moneyInWords(125_000_050)).toBe(
      "1\u00a0250\u00a0000,50 ₽ (один миллион двести пятьдесят тысяч рублей 50 копеек)",
    );
  });

  it("prints the contract in Russian with the buyer, the VIN, the price in words and the trade-in", async () => {
    const pdf = await renderContract(sale);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await textOf(pdf);
    expect(text).toContain("Договор купли-продажи автомобиля № ДКП-17");
    expect(text).toContain("Иванов Иван Иванович");
    expect(text).toContain("45 12 345678");
    expect(text).toContain("LGWFF7A59RH123456");
    expect(text).toContain("три миллиона четыреста девяносто девять тысяч рублей 00 копеек");
    expect(text).toContain("Kia Rio 2018 г., VIN Z94CB41AAJR123456");
    expect(text).toContain("кредита Сбербанк");
  });

  it("turns the parties round for a buy-back", async () => {
    const text = await textOf(
      await renderContract({ ...sale, buyBack: true, tradeIn: null, accessories: [] }),
    );
    expect(text).toMatch(/Иванов Иван Иванович, именуемый\(ое\) в дальнейшем «Продавец»/);
  });

  it("prints the quote's positions and the act's car", async () => {
    const quote = await textOf(await renderQuote(sale));
    expect(quote).toContain("Коврики в салон");
    expect(quote).toContain("КАСКО");
    const act = await textOf(await renderAct({ ...sale, number: "АПП-17" }));
    expect(act).toContain("Акт приёма-передачи автомобиля № АПП-17");
    expect(act).toContain("LGWFF7A59RH123456");
  });
});
