/// <reference path="./rubles.d.ts" />
import { rubles } from "rubles";
import { type Doc, field, heading, paragraph, renderPdf, section, signatures, table } from "./pdf";

/** Everything a deal's documents print, gathered by documents.service from the deal. */
export interface DocumentData {
  number: string;
  /** The dealer's day the document is issued, YYYY-MM-DD. */
  date: string;
  city: string;
  dealer: { name: string; address: string; phone: string };
  salesperson: string | null;
  client: {
    name: string;
    birthDate: string | null;
    passport: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    inn: string | null;
    company: boolean;
  };
  /** The car the dealer sells; for a buy-back (trade-in alone) the client's car the dealer buys. */
  vehicle: {
    make: string;
    model: string;
    trim: string | null;
    year: number | null;
    vin: string | null;
    color: string | null;
    condition: "new" | "used";
    mileageKm: number | null;
  } | null;
  priceKopecks: number;
  accessories: { name: string; priceKopecks: number; quantity: number }[];
  tradeIn: { label: string; vin: string | null; valueKopecks: number } | null;
  downPaymentKopecks: number;
  credit: {
    bank: string;
    principalKopecks: number;
    ratePct: number;
    termMonths: number;
    monthlyKopecks: number;
  } | null;
  creditRequest: { principalKopecks: number; termMonths: number } | null;
  insurance: { kind: "osago" | "kasko"; insurer: string; premiumKopecks: number }[];
  deliveryOn: string | null;
  /** The dealer buys the client's car (a trade-in on its own) rather than sells one. */
  buyBack: boolean;
}

const moneyFormat = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Intl groups thousands with a narrow no-break space; documents use the ordinary no-break space.
export const money = (kopecks: number) =>
  `${moneyFormat.format(kopecks / 100).replace(/\u202f/g, "\u00a0")} ₽`;
/** "1 250 000,00 ₽ (один миллион двести пятьдесят тысяч рублей 00 копеек)", as contracts state a price. */
export const moneyInWords = (kopecks: number) =>
  `${money(kopecks)} (${rubles(kopecks / 100) || "ноль рублей 00 копеек"})`;
export const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const carLabel = (v: NonNullable<DocumentData["vehicle"]>) =>
  [v.make, v.model, v.trim, v.year ? `${v.year} г.` : null].filter(Boolean).join(" ");

function carDetails(doc: Doc, v: NonNullable<DocumentData["vehicle"]>): void {
  field(doc, "Марка, модель", [v.make, v.model, v.trim].filter(Boolean).join(" "));
  if (v.year) field(doc, "Год выпуска", String(v.year));
  field(doc, "Идентификационный номер (VIN)", v.vin ?? "—");
  if (v.color) field(doc, "Цвет", v.color);
  field(
    doc,
    "Состояние",
    v.condition === "new"
      ? "новый"
      : `с пробегом${v.mileageKm !== null ? `, ${v.mileageKm.toLocaleString("ru-RU").replace(/\u00a0/g, " ")} км` : ""}`,
  );
}

function clientDetails(doc: Doc, c: DocumentData["client"]): void {
  field(doc, c.company ? "Наименование" : "ФИО", c.name);
  if (c.company && c.inn) field(doc, "ИНН", c.inn);
  if (!c.company && c.birthDate) field(doc, "Дата рождения", ruDate(c.birthDate));
  if (!c.company && c.passport) field(doc, "Паспорт РФ", c.passport);
  if (c.address) field(doc, c.company ? "Адрес" : "Адрес регистрации", c.address);
  if (c.phone) field(doc, "Телефон", c.phone);
}

function totalsOf(d: DocumentData) {
  const extras = d.accessories.reduce((s, a) => s + a.priceKopecks * a.quantity, 0);
  const tradeIn = d.tradeIn?.valueKopecks ?? 0;
  const toPay = Math.max(0, d.priceKopecks + extras - tradeIn);
  return { extras, tradeIn, toPay, total: d.priceKopecks + extras };
}

/** The quote: the car, the equipment, the trade-in, the credit and insurance, and what the client pays. */
export function renderQuote(d: DocumentData): Promise<Buffer> {
  return renderPdf({ title: `Коммерческое предложение № ${d.number}`, author: d.dealer.name }, (doc) => {
    heading(doc, `Коммерческое предложение № ${d.number}`, `${d.city}, ${ruDate(d.date)}`);
    field(doc, "Дилерский центр", `${d.dealer.name}, ${d.dealer.address}, ${d.dealer.phone}`);
    field(doc, "Клиент", d.client.name);
    if (d.salesperson) field(doc, "Менеджер", d.salesperson);
    const t = totalsOf(d);
    const rows: string[][] = [];
    if (d.vehicle)
      rows.push([
        `Автомобиль ${carLabel(d.vehicle)}, VIN ${d.vehicle.vin ?? "—"}`,
        "1",
        money(d.priceKopecks),
      ]);
    for (const a of d.accessories)
      rows.push([a.name, String(a.quantity), money(a.priceKopecks * a.quantity)]);
    section(doc, "Состав предложения");
    table(doc, [310, 50, 120], ["Позиция", "Кол-во", "Сумма"], rows, [1, 2]);
    field(doc, "Итого", money(t.total));
    if (d.tradeIn) field(doc, `Зачёт автомобиля в трейд-ин (${d.tradeIn.label})`, `− ${money(t.tradeIn)}`);
    field(doc, "К оплате", money(t.toPay));
    if (d.credit || d.creditRequest) {
      section(doc, "Кредит");
      if (d.downPaymentKopecks) field(doc, "Первоначальный взнос", money(d.downPaymentKopecks));
      if (d.credit) {
        field(doc, "Банк", d.credit.bank);
        field(doc, "Сумма кредита", money(d.credit.principalKopecks));
        field(
          doc,
          "Ставка и срок",
          `${d.credit.ratePct.toLocaleString("ru-RU")} % годовых, ${d.credit.termMonths} мес.`,
        );
        field(doc, "Ежемесячный платёж", money(d.credit.monthlyKopecks));
      } else if (d.creditRequest) {
        field(
          doc,
          "Запрошенная сумма кредита",
          `${money(d.creditRequest.principalKopecks)} на ${d.creditRequest.termMonths} мес.`,
        );
      }
    }
    if (d.insurance.length) {
      section(doc, "Страхование");
      table(
        doc,
        [160, 200, 120],
        ["Вид", "Страховщик", "Премия"],
        d.insurance.map((q) => [q.kind === "osago" ? "ОСАГО" : "КАСКО", q.insurer, money(q.premiumKopecks)]),
        [2],
      );
    }
    doc.moveDown(1);
    paragraph(doc, "Предложение действительно в течение трёх рабочих дней и не является офертой.");
  });
}

/** The purchase contract: the parties, the car by its VIN, the price in figures and in words, how it is paid. */
export function renderContract(d: DocumentData): Promise<Buffer> {
  return renderPdf({ title: `Договор купли-продажи № ${d.number}`, author: d.dealer.name }, (doc) => {
    heading(doc, `Договор купли-продажи автомобиля № ${d.number}`, `${d.city}, ${ruDate(d.date)}`);
    const seller = d.buyBack ? d.client.name : d.dealer.name;
    const buyer = d.buyBack ? d.dealer.name : d.client.name;
    paragraph(
      doc,
      `${seller}, именуемый(ое) в дальнейшем «Продавец», с одной стороны, и ${buyer}, именуемый(ое) в дальнейшем «Покупатель», с другой стороны, заключили настоящий договор о нижеследующем.`,
    );
    section(doc, "1. Предмет договора");
    paragraph(
      doc,
      "1.1. Продавец передаёт в собственность Покупателя, а Покупатель принимает и оплачивает автомобиль:",
    );
    if (d.vehicle) carDetails(doc, d.vehicle);
    section(doc, "2. Цена и порядок расчётов");
    const t = totalsOf(d);
    paragraph(
      doc,
      `2.1. Цена автомобиля составляет ${moneyInWords(d.priceKopecks)}, в том числе НДС по ставке, установленной законодательством РФ.`,
    );
    if (!d.buyBack && d.accessories.length)
      paragraph(
        doc,
        `2.2. Стоимость дополнительного оборудования: ${moneyInWords(t.extras)}. Общая цена договора: ${moneyInWords(t.total)}.`,
      );
    if (!d.buyBack && d.tradeIn)
      paragraph(
        doc,
        `2.3. В счёт цены Покупатель передаёт Продавцу автомобиль ${d.tradeIn.label}${d.tradeIn.vin ? `, VIN ${d.tradeIn.vin}` : ""}, стоимость которого стороны определили в ${moneyInWords(t.tradeIn)}.`,
      );
    if (!d.buyBack) {
      paragraph(doc, `2.4. К оплате Покупателем: ${moneyInWords(t.toPay)}.`);
      if (d.credit)
        paragraph(
          doc,
          `2.5. Оплата производится первоначальным взносом ${money(d.downPaymentKopecks)} и за счёт кредита ${d.credit.bank} в сумме ${money(d.credit.principalKopecks)} на ${d.credit.termMonths} мес. под ${d.credit.ratePct.toLocaleString("ru-RU")} % годовых.`,
        );
    } else {
      paragraph(
        doc,
        "2.2. Покупатель оплачивает цену в течение трёх банковских дней после подписания акта приёма-передачи.",
      );
    }
    section(doc, "3. Передача автомобиля");
    paragraph(
      doc,
      `3.1. Автомобиль передаётся по акту приёма-передачи${d.deliveryOn ? ` не позднее ${ruDate(d.deliveryOn)}` : " после полной оплаты"}. Право собственности переходит к Покупателю с момента подписания акта.`,
    );
    paragraph(
      doc,
      "3.2. Продавец гарантирует, что автомобиль не заложен, не находится под арестом и не обременён правами третьих лиц.",
    );
    section(doc, "4. Стороны");
    doc
      .font("bold")
      .text(d.buyBack ? "Покупатель" : "Продавец")
      .font("body");
    doc.text(`${d.dealer.name}, ${d.dealer.address}, тел. ${d.dealer.phone}`).moveDown(0.4);
    doc
      .font("bold")
      .text(d.buyBack ? "Продавец" : "Покупатель")
      .font("body");
    clientDetails(doc, d.client);
    signatures(
      doc,
      {
        role: "Продавец",
        name: d.buyBack ? d.client.name : `${d.dealer.name}${d.salesperson ? `, ${d.salesperson}` : ""}`,
      },
      { role: "Покупатель", name: d.buyBack ? d.dealer.name : d.client.name },
    );
  });
}

/** The acceptance act: the car handed over by its VIN and mileage, on the day, in the state agreed. */
export function renderAct(d: DocumentData): Promise<Buffer> {
  return renderPdf({ title: `Акт приёма-передачи № ${d.number}`, author: d.dealer.name }, (doc) => {
    heading(doc, `Акт приёма-передачи автомобиля № ${d.number}`, `${d.city}, ${ruDate(d.date)}`);
    const from = d.buyBack ? d.client.name : d.dealer.name;
    const to = d.buyBack ? d.dealer.name : d.client.name;
    paragraph(
      doc,
      `${from} («Передающая сторона») передаёт, а ${to} («Принимающая сторона») принимает автомобиль:`,
    );
    if (d.vehicle) carDetails(doc, d.vehicle);
    paragraph(doc, `Цена по договору: ${moneyInWords(d.priceKopecks)}.`);
    paragraph(
      doc,
      "Вместе с автомобилем переданы: паспорт транспортного средства (электронный), сервисная книжка, два комплекта ключей. Принимающая сторона осмотрела автомобиль; претензий к комплектности и внешнему виду не имеет.",
    );
    section(doc, "Клиент");
    clientDetails(doc, d.client);
    signatures(doc, { role: "Передал", name: from }, { role: "Принял", name: to });
  });
}
