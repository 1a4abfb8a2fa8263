import { dayToIso } from "../dates";
import type { Residence } from "../people";
import { moment } from "../world";
import { type ClientStory, call, interaction, rub } from "./context";
import { acquireCar, kmOn, type OwnedCar } from "./garage";
import { renewalChance } from "./traits";

const BANKS = ["Сбербанк", "ВТБ", "Альфа-Банк", "Газпромбанк", "Совкомбанк", "Т-Банк", "Росбанк", "Уралсиб"];
const INSURERS = [
  "Ингосстрах",
  "РЕСО-Гарантия",
  "АльфаСтрахование",
  "СОГАЗ",
  "Росгосстрах",
  "ВСК",
  "Согласие",
];
const SOURCES = ["walk_in", "web", "call", "referral"] as const;
const SOURCE_WEIGHTS = [35, 30, 25, 10];
const LOST_REASONS = [
  "Купил у конкурента",
  "Не одобрен кредит",
  "Дорого",
  "Отложил покупку",
  "Не устроил срок поставки",
];

export interface PurchaseRequest {
  day: number;
  condition: "new" | "used";
  residence: Residence;
  tradeIn?: OwnedCar;
  sourceSystem: string;
  /** A fleet purchase by a company: financed by leasing, no personal credit. */
  fleet?: boolean;
}

/** A car bought at the client's home dealership: the deal, its calls and visits, credit and insurance. */
export function purchase(c: ClientStory, req: PurchaseRequest): OwnedCar {
  const { rng, w, home } = c;
  const used = req.condition === "used";
  const registeredDay = used ? req.day - rng.int(1, 6) * 365 - rng.int(0, 200) : req.day;
  const owned = acquireCar(c, {
    registeredDay,
    ...(used ? {} : { brands: home.brands }),
    residence: req.residence,
    ownerPartyId: c.partyId,
    from: req.day,
    sourceSystem: req.sourceSystem,
  });
  const price = used
    ? Math.round((owned.car.priceRub * rng.int(55, 85)) / 100 / 10_000) * 10_000
    : owned.car.priceRub;
  const salesperson = w.staff(home.id, "salesperson", rng.next());
  const cycle = rng.int(2, 35);
  const opened = req.day - cycle;
  const source = req.fleet ? "call" : rng.weighted(SOURCES, SOURCE_WEIGHTS);
  const dealId = w.nextId("deal");
  w.add("deals", [
    dealId,
    home.id,
    c.partyId,
    used ? "used_car" : "new_car",
    "won",
    source,
    salesperson,
    owned.vehicleId,
    req.tradeIn?.vehicleId ?? null,
    rub(price - (req.tradeIn ? 0 : 0)),
    moment(opened, rng.int(10 * 60, 19 * 60)),
    moment(req.day, rng.int(11 * 60, 19 * 60)),
    dayToIso(req.day),
    null,
  ]);
  if (!used)
    w.add("mileage_readings", [owned.vehicleId, dayToIso(req.day), owned.car.odometerAtRegistration, "sale"]);
  else w.add("mileage_readings", [owned.vehicleId, dayToIso(req.day), kmOn(owned, req.day), "sale"]);
  c.activity.push(req.day);
  c.purchases++;

  const carName = `${owned.car.brand} ${owned.car.model}`;
  const ref = { refType: "deal", refId: dealId, vehicleId: owned.vehicleId };
  if (source === "web") {
    interaction(w, {
      partyId: c.partyId,
      day: opened,
      minute: rng.int(0, 1439),
      channel: "web",
      direction: "in",
      dealershipId: home.id,
      userId: null,
      subject: `Заявка с сайта: ${carName}`,
      ...ref,
    });
  }
  call(
    c,
    opened + (source === "call" ? 0 : 1),
    source === "call" ? "in" : "out",
    home.id,
    salesperson,
    `Консультация по ${carName}`,
    ref,
  );
  interaction(w, {
    partyId: c.partyId,
    day: opened + rng.int(1, Math.max(1, cycle - 1)),
    minute: rng.int(10 * 60, 19 * 60),
    channel: "visit",
    direction: "in",
    dealershipId: home.id,
    userId: salesperson,
    subject: `Визит в салон, тест-драйв ${carName}`,
    ...ref,
  });
  interaction(w, {
    partyId: c.partyId,
    day: req.day,
    minute: rng.int(11 * 60, 19 * 60),
    channel: "visit",
    direction: "in",
    dealershipId: home.id,
    userId: salesperson,
    subject: `Выдача автомобиля ${carName}`,
    outcome: "delivered",
    ...ref,
  });
  // The contact standard: the salesperson calls the day after delivery.
  call(c, req.day + 1, "out", home.id, salesperson, "Звонок после выдачи автомобиля", {
    ...ref,
    outcome: rng.chance(0.8) ? "reached" : "no_answer",
  });

  if (req.tradeIn) {
    req.tradeIn.to = req.day;
    const appraiser = w.staff(home.id, "appraiser", rng.next());
    interaction(w, {
      partyId: c.partyId,
      day: opened + 1,
      minute: rng.int(10 * 60, 18 * 60),
      channel: "visit",
      direction: "in",
      dealershipId: home.id,
      userId: appraiser,
      subject: `Оценка автомобиля в трейд-ин: ${req.tradeIn.car.brand} ${req.tradeIn.car.model}`,
      ...ref,
    });
  }
  if (!req.fleet && rng.chance(used ? 0.2 : 0.4)) credit(c, owned, dealId, price, req.day);
  const kasko = req.fleet ? rng.chance(0.5) : rng.chance(used ? 0.15 : 0.35);
  if (kasko) insurance(c, owned, dealId, "kasko", price, req.day, renewalChance(c.traits, 0.65));
  if (rng.chance(0.15 + 0.3 * c.traits.loyalty))
    insurance(c, owned, dealId, "osago", price, req.day, renewalChance(c.traits, 0.5));
  return owned;
}

function credit(c: ClientStory, owned: OwnedCar, dealId: number, price: number, day: number): void {
  const { rng, w, home } = c;
  const principal = Math.round((price * rng.int(50, 85)) / 100 / 1000) * 1000;
  const ratePct = rng.int(99, 249) / 10;
  const term = rng.pick([36, 48, 60, 84]);
  const r = ratePct / 1200;
  const monthly = Math.round((principal * r) / (1 - (1 + r) ** -term));
  w.add("credits", [
    c.partyId,
    owned.vehicleId,
    home.id,
    dealId,
    rng.pick(BANKS),
    rub(principal),
    ratePct.toFixed(2),
    term,
    rub(monthly),
    dayToIso(day),
    dayToIso(day + Math.round(term * 30.44)),
  ]);
}

/** A policy sold with the car, renewed at the dealership each year with the given probability. */
function insurance(
  c: ClientStory,
  owned: OwnedCar,
  dealId: number,
  kind: "kasko" | "osago",
  price: number,
  day: number,
  renewal: number,
): void {
  const { rng, w, home } = c;
  const fi = w.staff(home.id, "fi_specialist", rng.next());
  const insurer = rng.pick(INSURERS);
  for (let start = day, year = 0; start <= w.today; start += 365, year++) {
    if (year > 0 && !rng.chance(renewal)) break;
    const premium = kind === "kasko" ? (price * rng.int(30, 70)) / 1000 : rng.int(6_000, 16_000);
    const number =
      kind === "osago"
        ? `ХХХ ${String(rng.int(0, 9_999_999_999)).padStart(10, "0")}`
        : `КАСКО-${home.code.slice(4, 7)}-${c.partyId}-${year + 1}`;
    w.add("insurance_policies", [
      c.partyId,
      owned.vehicleId,
      home.id,
      year === 0 ? dealId : null,
      kind,
      insurer,
      number,
      dayToIso(start),
      dayToIso(start + 364),
      rub(Math.round(premium)),
      fi,
    ]);
    if (year > 0) {
      call(
        c,
        start - rng.int(5, 25),
        "out",
        home.id,
        fi,
        `Продление ${kind === "kasko" ? "КАСКО" : "ОСАГО"}`,
        {
          vehicleId: owned.vehicleId,
          outcome: "reached",
        },
      );
    }
  }
}

/** A deal that did not happen, or one still open. */
export function unclosedDeal(c: ClientStory, day: number, open: boolean): void {
  const { rng, w, home } = c;
  const salesperson = w.staff(home.id, "salesperson", rng.next());
  const dealId = w.nextId("deal");
  w.add("deals", [
    dealId,
    home.id,
    c.partyId,
    rng.chance(0.75) ? "new_car" : "used_car",
    open ? "open" : "lost",
    rng.weighted(SOURCES, SOURCE_WEIGHTS),
    salesperson,
    null,
    null,
    null,
    moment(day, rng.int(10 * 60, 19 * 60)),
    open ? null : moment(day + rng.int(3, 40), rng.int(10 * 60, 19 * 60)),
    null,
    open ? null : rng.pick(LOST_REASONS),
  ]);
  call(c, day, "in", home.id, salesperson, "Интерес к покупке автомобиля", {
    refType: "deal",
    refId: dealId,
  });
}
