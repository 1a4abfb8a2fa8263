import type { DealField, DealKind, ProcessStepInput } from "@orbit/contracts";

export interface ShippedProcess {
  code: string;
  dealKind: DealKind;
  name: { ru: string; en: string };
  steps: ProcessStepInput[];
}

const SALES = ["salesperson", "sales_manager"] as const;
const CLIENT_FOR_SALE = [
  "client.fullName",
  "client.birthDate",
  "client.passport",
  "client.address",
  "client.phone",
] as const;

const needs: ProcessStepInput = {
  code: "needs",
  title: { ru: "Потребности клиента", en: "Client's needs" },
  panel: "needs",
  requires: ["needs.profile"],
  roles: [...SALES],
};
const vehicle: ProcessStepInput = {
  code: "vehicle",
  title: { ru: "Выбор автомобиля", en: "Choice of car" },
  panel: "vehicle",
  requires: ["vehicle.selected", "vehicle.price"],
  roles: [...SALES],
};
const appraisal: ProcessStepInput = {
  code: "appraisal",
  title: { ru: "Оценка автомобиля клиента", en: "Appraisal of the client's car" },
  panel: "trade_in",
  requires: ["tradeIn.vehicle", "tradeIn.appraisal"],
  roles: ["appraiser", "sales_manager"],
  handoff: { kind: "appraisal", queue: "appraisal", slaHours: 2 },
};
const tradeInOffer: ProcessStepInput = {
  code: "trade_in_offer",
  title: { ru: "Согласование цены трейд-ин", en: "Trade-in price agreed" },
  panel: "trade_in",
  requires: ["tradeIn.accepted"],
  roles: [...SALES],
};
const credit: ProcessStepInput = {
  code: "credit",
  title: { ru: "Кредит: заявка и решения банков", en: "Credit: application and banks' decisions" },
  panel: "credit",
  requires: ["credit.application", "credit.offers", "credit.chosen"],
  roles: ["fi_specialist", "sales_manager"],
  handoff: { kind: "credit_application", queue: "finance", slaHours: 4 },
};
const insurance: ProcessStepInput = {
  code: "insurance",
  title: { ru: "Страхование: ОСАГО и КАСКО", en: "Insurance: OSAGO and KASKO" },
  panel: "insurance",
  requires: ["insurance.quotes", "insurance.chosen"],
  roles: ["fi_specialist", "sales_manager"],
  handoff: { kind: "insurance_quote", queue: "finance", slaHours: 4 },
};
const accessories: ProcessStepInput = {
  code: "accessories",
  title: { ru: "Дополнительное оборудование", en: "Additional equipment" },
  panel: "accessories",
  requires: [],
  roles: [...SALES],
};
const client = (requires: readonly DealField[]): ProcessStepInput => ({
  code: "client",
  title: { ru: "Данные клиента", en: "Client's data" },
  panel: "client",
  requires: [...requires],
  roles: [...SALES, "fi_specialist"],
});
const documents: ProcessStepInput = {
  code: "documents",
  title: { ru: "Предложение и договор", en: "Quote and contract" },
  panel: "documents",
  requires: ["documents.quote", "documents.contract"],
  roles: [...SALES],
};
const payment: ProcessStepInput = {
  code: "payment",
  title: { ru: "Оплата", en: "Payment" },
  panel: "payment",
  requires: ["payment.received"],
  roles: [...SALES],
};
const delivery: ProcessStepInput = {
  code: "delivery",
  title: { ru: "Выдача автомобиля", en: "Delivery" },
  panel: "delivery",
  requires: ["delivery.date", "documents.act"],
  roles: [...SALES],
  closes: true,
};

/** The processes Orbit ships; an analyst changes them in the process editor (each save is a new version). */
export const SHIPPED_PROCESSES: readonly ShippedProcess[] = [
  {
    code: "new_car",
    dealKind: "new_car",
    name: { ru: "Продажа нового автомобиля", en: "New car sale" },
    steps: [needs, vehicle, accessories, client(CLIENT_FOR_SALE), documents, payment, delivery],
  },
  {
    code: "used_car",
    dealKind: "used_car",
    name: { ru: "Продажа автомобиля с пробегом", en: "Used car sale" },
    steps: [needs, vehicle, client(CLIENT_FOR_SALE), documents, payment, delivery],
  },
  {
    code: "trade_in",
    dealKind: "trade_in",
    name: { ru: "Выкуп автомобиля (трейд-ин)", en: "Trade-in (buy-back)" },
    steps: [
      appraisal,
      tradeInOffer,
      client(CLIENT_FOR_SALE),
      {
        code: "handover",
        title: { ru: "Приём автомобиля", en: "Car taken in" },
        panel: "delivery",
        requires: ["delivery.date", "documents.act"],
        roles: [...SALES, "appraiser"],
        closes: true,
      },
    ],
  },
  {
    code: "credit",
    dealKind: "credit",
    name: { ru: "Кредитная заявка", en: "Credit application" },
    steps: [
      client([...CLIENT_FOR_SALE]),
      {
        ...credit,
        closes: true,
      },
    ],
  },
  {
    code: "insurance",
    dealKind: "insurance",
    name: { ru: "Страхование", en: "Insurance" },
    steps: [
      client(["client.fullName", "client.birthDate", "client.passport", "client.phone"]),
      { ...insurance, closes: true },
    ],
  },
  {
    code: "accessories",
    dealKind: "accessories",
    name: { ru: "Дополнительное оборудование", en: "Additional equipment" },
    steps: [
      { ...accessories, requires: ["accessories.chosen"] },
      { ...payment, closes: true },
    ],
  },
  {
    code: "combined",
    dealKind: "combined",
    name: { ru: "Покупка с трейд-ин в кредит", en: "Purchase with trade-in on credit" },
    steps: [
      needs,
      vehicle,
      appraisal,
      tradeInOffer,
      credit,
      insurance,
      accessories,
      client(CLIENT_FOR_SALE),
      documents,
      payment,
      delivery,
    ],
  },
];
