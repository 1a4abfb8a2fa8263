import { daysFromCivil, dayToIso, isoToDay } from "../dates";
import { generateServiceReadings } from "../mileage";
import type { WorldDealership } from "../world";
import { moment } from "../world";
import { type ClientStory, call, interaction, rub } from "./context";
import { kmOn, type OwnedCar } from "./garage";
import { visitHabits } from "./traits";

const CHANNELS = ["call", "web", "portal", "app", "walk_in"] as const;
const CHANNEL_WEIGHTS = [45, 15, 10, 5, 25];
const REPAIRS: [string, number, number][] = [
  ["Замена тормозных колодок", 6_000, 14_000],
  ["Диагностика подвески, замена стоек стабилизатора", 7_000, 18_000],
  ["Замена аккумулятора", 9_000, 22_000],
  ["Ремонт кондиционера", 8_000, 35_000],
  ["Замена сцепления", 35_000, 90_000],
  ["Кузовной ремонт после ДТП", 40_000, 250_000],
  ["Замена ремня ГРМ", 18_000, 45_000],
  ["Компьютерная диагностика двигателя", 2_500, 5_000],
];
const COMFORT_FACTOR: Record<string, number> = { economy: 1, comfort: 1.4, business: 2.2, premium: 3.2 };

export interface ServiceNeeds {
  /** Where the client usually services, and the other dealerships of the same city. */
  usual: WorldDealership;
  others: readonly WorldDealership[];
  /** Changes tyres at the dealership twice a year. */
  tyres: boolean;
  /** First day the client came to the group (service-only clients start here). */
  since: number;
  /** The card the client has at a dealership: their own, or a duplicate another dealership created. */
  cardAt: (d: WorldDealership, day: number) => number;
}

interface Visit {
  day: number;
  kind: "maintenance" | "repair" | "tyres";
  summary: string;
  amountRub: number;
  km: number | null;
}

/** Every service visit of one car at the group: maintenance by time or km, repairs, seasonal tyres. */
export function serviceHistory(c: ClientStory, car: OwnedCar, needs: ServiceNeeds): void {
  const { rng, w } = c;
  const from = Math.max(car.from, needs.since);
  const until = Math.min(car.to ?? w.today + 14, w.today + 14);
  const factor = COMFORT_FACTOR[car.model.comfort] ?? 1;
  const visits: Visit[] = [];

  const readings = generateServiceReadings(car.profile, rng, {
    maintenance: car.model.maintenance,
    until: dayToIso(until),
    ...visitHabits(c.traits),
  });
  let n = 0;
  for (const r of readings) {
    n++;
    const day = isoToDay(r.date);
    if (day < from) continue;
    const interval = Math.round(r.trueKm / 1000) * 1000;
    visits.push({
      day,
      kind: "maintenance",
      summary: `ТО-${n} (${interval.toLocaleString("ru-RU")} км)`,
      amountRub: Math.round(rng.int(9_000, 24_000) * factor),
      km: r.km,
    });
  }
  const years = Math.max(0, (until - from) / 365);
  const repairs = Math.round(years * 0.25 + rng.next() * 0.8);
  for (let i = 0; i < repairs; i++) {
    const [summary, lo, hi] = rng.pick(REPAIRS);
    const day = rng.int(from, until);
    visits.push({
      day,
      kind: "repair",
      summary,
      amountRub: Math.round(rng.int(lo, hi) * factor),
      km: kmOn(car, day),
    });
  }
  if (needs.tyres) {
    for (let y = Number(dayToIso(from).slice(0, 4)); y <= Number(dayToIso(until).slice(0, 4)); y++) {
      for (const [month, d0] of [
        [4, 5],
        [10, 15],
      ] as const) {
        const day = daysFromCivil(y, month, d0) + rng.int(0, 25);
        if (day >= from && day <= until) {
          visits.push({
            day,
            kind: "tyres",
            summary: "Сезонная замена шин",
            amountRub: Math.round(rng.int(3_000, 6_000) * factor),
            km: kmOn(car, day),
          });
        }
      }
    }
  }
  visits.sort((a, b) => a.day - b.day);
  for (const v of visits) workOrder(c, car, v, needs);
}

function workOrder(c: ClientStory, car: OwnedCar, v: Visit, needs: ServiceNeeds): void {
  const { rng, w } = c;
  // Now and then a client goes to another dealership of the city: the cross-dealership case Orbit ID is for.
  const dealership = needs.others.length && rng.chance(0.03) ? rng.pick(needs.others) : needs.usual;
  const partyId = needs.cardAt(dealership, v.day);
  const advisor = w.staff(dealership.id, "service_advisor", rng.next());
  const channel = rng.weighted(CHANNELS, CHANNEL_WEIGHTS);
  const future = v.day > w.today;
  const noShow = !future && v.day < w.today - 1 && channel !== "walk_in" && rng.chance(0.05);
  const status = future
    ? "booked"
    : noShow
      ? "no_show"
      : v.day >= w.today - 1
        ? rng.pick(["in_work", "ready", "arrived"])
        : "delivered";
  const openMinute = rng.int(8 * 60 + 30, 12 * 60);
  const hours = v.kind === "repair" ? rng.int(3, 30) : rng.int(2, 5);
  const done = status === "delivered";
  const id = w.nextId("workOrder");
  w.add("work_orders", [
    id,
    w.workOrderNumber(dealership, v.day),
    dealership.id,
    partyId,
    car.vehicleId,
    advisor,
    v.kind,
    status,
    channel,
    v.summary,
    done ? v.km : null,
    done ? rub(v.amountRub) : 0,
    moment(v.day, openMinute),
    moment(v.day, openMinute + hours * 60),
    done
      ? moment(
          v.day + Math.floor((openMinute + hours * 60) / (20 * 60)),
          (openMinute + hours * 60) % (20 * 60),
        )
      : null,
  ]);
  if (done && v.km !== null) w.add("mileage_readings", [car.vehicleId, dayToIso(v.day), v.km, "service"]);
  if (done && partyId === c.partyId) c.activity.push(v.day);

  const ref = { refType: "work_order", refId: id, vehicleId: car.vehicleId };
  const booked = v.day - rng.int(1, 7);
  if (channel === "call")
    call({ ...c, partyId }, booked, "in", dealership.id, advisor, `Запись на сервис: ${v.summary}`, ref);
  else if (channel !== "walk_in") {
    interaction(w, {
      partyId,
      day: booked,
      minute: rng.int(0, 1439),
      channel: channel === "app" ? "app" : "web",
      direction: "in",
      dealershipId: dealership.id,
      userId: null,
      subject: `Онлайн-запись на сервис: ${v.summary}`,
      ...ref,
    });
  }
  if (c.consent.sms && channel !== "walk_in" && rng.chance(0.4)) {
    interaction(w, {
      partyId,
      day: v.day - 1,
      minute: 18 * 60,
      channel: "sms",
      direction: "out",
      dealershipId: dealership.id,
      userId: null,
      subject: "Напоминание о записи на сервис",
      ...ref,
    });
  }
  if (noShow || future) return;
  interaction(w, {
    partyId,
    day: v.day,
    minute: openMinute,
    channel: "visit",
    direction: "in",
    dealershipId: dealership.id,
    userId: advisor,
    subject: `Сервис: ${v.summary}`,
    ...ref,
  });
  if (!done) return;
  if (c.consent.sms && rng.chance(0.3)) {
    interaction(w, {
      partyId,
      day: v.day,
      minute: Math.min(20 * 60, openMinute + hours * 60),
      channel: "sms",
      direction: "out",
      dealershipId: dealership.id,
      userId: null,
      subject: "Автомобиль готов к выдаче",
      ...ref,
    });
  }
  if (rng.chance(0.3)) {
    const score = rng.weighted([10, 9, 8, 7, 6, 5, 3, 0], [38, 22, 14, 9, 6, 5, 3, 3]);
    interaction(w, {
      partyId,
      day: v.day + 1,
      minute: rng.int(10 * 60, 21 * 60),
      channel: "sms",
      direction: "in",
      dealershipId: dealership.id,
      userId: null,
      subject: "Оценка визита (NPS)",
      outcome: `nps:${score}`,
      ...ref,
    });
  }
}
