// The demo group's service master data: the works catalog with labour times per model of the demo's
// car catalog, parts with list prices in roubles, and each model's maintenance schedule. Figures are
// typical of Russian dealer workshops in 2025 (norm-hours as makers' manuals give them, prices of
// dealer price lists), good enough to plan a workshop, not a price list.
import type { Skill } from "@orbit/contracts";
import { CAR_CATALOG, type CarModel } from "./carCatalog";

export interface DemoWork {
  code: string;
  name: string;
  kind: "maintenance" | "repair" | "tyres" | "bodywork" | "diagnostics" | "warranty";
  skill: Skill;
  hours: number;
  /** Scales with the car's size and class (more to take apart on a Land Cruiser than on a Granta). */
  scales: boolean;
}

export const DEMO_WORKS: readonly DemoWork[] = [
  {
    code: "TO-OIL",
    name: "Замена моторного масла и масляного фильтра",
    kind: "maintenance",
    skill: "maintenance",
    hours: 0.6,
    scales: true,
  },
  {
    code: "TO-AIR",
    name: "Замена воздушного фильтра",
    kind: "maintenance",
    skill: "maintenance",
    hours: 0.2,
    scales: true,
  },
  {
    code: "TO-CABIN",
    name: "Замена салонного фильтра",
    kind: "maintenance",
    skill: "maintenance",
    hours: 0.3,
    scales: true,
  },
  {
    code: "TO-INSPECT",
    name: "Осмотр автомобиля по регламенту ТО",
    kind: "maintenance",
    skill: "maintenance",
    hours: 0.8,
    scales: true,
  },
  {
    code: "TO-BRAKEFLUID",
    name: "Замена тормозной жидкости",
    kind: "maintenance",
    skill: "maintenance",
    hours: 0.7,
    scales: false,
  },
  {
    code: "TO-PLUGS",
    name: "Замена свечей зажигания",
    kind: "maintenance",
    skill: "maintenance",
    hours: 0.6,
    scales: true,
  },
  {
    code: "DIAG-COMP",
    name: "Компьютерная диагностика",
    kind: "diagnostics",
    skill: "diagnostics",
    hours: 0.5,
    scales: false,
  },
  {
    code: "DIAG-SUSP",
    name: "Диагностика подвески",
    kind: "diagnostics",
    skill: "diagnostics",
    hours: 0.5,
    scales: false,
  },
  {
    code: "REP-PADS-F",
    name: "Замена передних тормозных колодок",
    kind: "repair",
    skill: "repair",
    hours: 0.8,
    scales: true,
  },
  {
    code: "REP-DISCS-F",
    name: "Замена передних тормозных дисков и колодок",
    kind: "repair",
    skill: "repair",
    hours: 1.5,
    scales: true,
  },
  {
    code: "REP-STRUTS",
    name: "Замена стоек стабилизатора",
    kind: "repair",
    skill: "repair",
    hours: 0.9,
    scales: true,
  },
  {
    code: "REP-BATTERY",
    name: "Замена аккумулятора",
    kind: "repair",
    skill: "electrics",
    hours: 0.3,
    scales: false,
  },
  {
    code: "REP-AC",
    name: "Диагностика и заправка кондиционера",
    kind: "repair",
    skill: "electrics",
    hours: 1.0,
    scales: false,
  },
  { code: "REP-CLUTCH", name: "Замена сцепления", kind: "repair", skill: "repair", hours: 5.0, scales: true },
  {
    code: "REP-TIMING",
    name: "Замена ремня ГРМ с роликами",
    kind: "repair",
    skill: "repair",
    hours: 3.5,
    scales: true,
  },
  {
    code: "TYRE-SWAP",
    name: "Сезонная замена шин с балансировкой (4 колеса)",
    kind: "tyres",
    skill: "tyres",
    hours: 1.0,
    scales: true,
  },
  {
    code: "ALIGN",
    name: "Регулировка углов установки колёс",
    kind: "tyres",
    skill: "alignment",
    hours: 1.0,
    scales: false,
  },
  {
    code: "BODY-INSPECT",
    name: "Осмотр и оценка кузовного ремонта",
    kind: "bodywork",
    skill: "bodywork",
    hours: 0.5,
    scales: false,
  },
  {
    code: "BODY-PAINT",
    name: "Окраска элемента кузова",
    kind: "bodywork",
    skill: "painting",
    hours: 6.0,
    scales: false,
  },
];

/** The works the demo's story visits stand for, by their summary. */
export const REPAIR_WORKS: Record<string, string[]> = {
  "Замена тормозных колодок": ["REP-PADS-F"],
  "Диагностика подвески, замена стоек стабилизатора": ["DIAG-SUSP", "REP-STRUTS"],
  "Замена аккумулятора": ["DIAG-COMP", "REP-BATTERY"],
  "Ремонт кондиционера": ["REP-AC"],
  "Замена сцепления": ["REP-CLUTCH"],
  "Кузовной ремонт после ДТП": ["BODY-INSPECT", "BODY-PAINT"],
  "Замена ремня ГРМ": ["REP-TIMING"],
  "Компьютерная диагностика двигателя": ["DIAG-COMP"],
  "Сезонная замена шин": ["TYRE-SWAP"],
};
export const MAINTENANCE_WORKS = ["TO-OIL", "TO-AIR", "TO-CABIN", "TO-INSPECT"];

const SIZE: Record<CarModel["comfort"], number> = { economy: 1, comfort: 1.1, business: 1.25, premium: 1.4 };

/** A work's labour hours on a model, rounded to the tenth of an hour as makers' manuals give them. */
export function demoHours(work: DemoWork, model: CarModel): number {
  if (!work.scales) return work.hours;
  const body = model.body === "suv" || model.body === "pickup" || model.body === "minivan" ? 1.15 : 1;
  return Math.round(work.hours * SIZE[model.comfort] * body * 10) / 10;
}

export interface DemoPart {
  article: string;
  name: string;
  brand: string;
  unit: string;
  priceRub: number;
}

const PRICE_CLASS: Record<CarModel["comfort"], number> = {
  economy: 1,
  comfort: 1.35,
  business: 1.8,
  premium: 2.6,
};
const brandCode = (brand: string) =>
  brand
    .replace(/[^A-Za-z]/g, "")
    .slice(0, 3)
    .toUpperCase();

/** A model's maintenance parts, with articles in the maker's style and list prices. */
export function demoModelParts(model: CarModel, index: number): { parts: DemoPart[]; oilLitres: number } {
  const n = String(1000 + index * 7).padStart(5, "0");
  const k = PRICE_CLASS[model.comfort];
  const b = brandCode(model.brand);
  const litres = Math.max(
    3.5,
    Math.min(8, Math.round((model.engines[0]?.displacement ?? 1.6) * 2.2 * 2) / 2),
  );
  const price = (rub: number) => Math.round((rub * k) / 10) * 10;
  return {
    oilLitres: litres,
    parts: [
      {
        article: `${b}-15208-${n}`,
        name: `Фильтр масляный ${model.brand} ${model.model}`,
        brand: model.brand,
        unit: "шт",
        priceRub: price(690),
      },
      {
        article: `${b}-16546-${n}`,
        name: `Фильтр воздушный ${model.brand} ${model.model}`,
        brand: model.brand,
        unit: "шт",
        priceRub: price(1_150),
      },
      {
        article: `${b}-27277-${n}`,
        name: `Фильтр салона ${model.brand} ${model.model}`,
        brand: model.brand,
        unit: "шт",
        priceRub: price(1_290),
      },
      {
        article: `${b}-41060-${n}`,
        name: `Колодки тормозные передние ${model.brand} ${model.model}`,
        brand: model.brand,
        unit: "компл",
        priceRub: price(4_900),
      },
    ],
  };
}

/** Oils and fluids shared by every model. */
export const DEMO_FLUIDS: readonly DemoPart[] = [
  {
    article: "OIL-5W30-1L",
    name: "Масло моторное 5W-30 синтетическое",
    brand: "Лукойл Genesis",
    unit: "л",
    priceRub: 890,
  },
  {
    article: "OIL-0W20-1L",
    name: "Масло моторное 0W-20 синтетическое",
    brand: "Toyota",
    unit: "л",
    priceRub: 1_450,
  },
  { article: "BRAKE-DOT4-1L", name: "Жидкость тормозная DOT 4", brand: "Sintec", unit: "л", priceRub: 520 },
  { article: "BAT-60AH", name: "Аккумулятор 60 А·ч", brand: "Тюмень", unit: "шт", priceRub: 8_900 },
];

export interface DemoSchedule {
  make: string;
  model: string;
  intervalKm: number;
  intervalMonths: number;
  works: string[];
  parts: { article: string; quantity: number }[];
}

/** Everything the demo writes into the catalog, derived from the car catalog. */
export function demoServiceCatalog() {
  const parts: DemoPart[] = [...DEMO_FLUIDS];
  const schedules: DemoSchedule[] = [];
  const times: { code: string; make: string; model: string; hours: number }[] = [];
  CAR_CATALOG.forEach((model, i) => {
    const own = demoModelParts(model, i);
    parts.push(...own.parts);
    const oil =
      model.comfort === "premium" || model.brand === "Toyota" || model.brand === "Lexus"
        ? "OIL-0W20-1L"
        : "OIL-5W30-1L";
    schedules.push({
      make: model.brand,
      model: model.model,
      intervalKm: model.maintenance.km,
      intervalMonths: model.maintenance.months,
      works: MAINTENANCE_WORKS,
      parts: [
        { article: own.parts[0]!.article, quantity: 1 },
        { article: own.parts[1]!.article, quantity: 1 },
        { article: own.parts[2]!.article, quantity: 1 },
        { article: oil, quantity: own.oilLitres },
      ],
    });
    for (const w of DEMO_WORKS) {
      const hours = demoHours(w, model);
      if (hours !== w.hours) times.push({ code: w.code, make: model.brand, model: model.model, hours });
    }
  });
  return { works: DEMO_WORKS, parts, schedules, times };
}
