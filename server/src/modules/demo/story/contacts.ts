import { moment } from "../world";
import { type ClientStory, call, interaction } from "./context";
import type { OwnedCar } from "./garage";

const NEWSLETTERS = [
  "Сезонное сервисное предложение",
  "Скидка на шиномонтаж",
  "Новые модели в шоуруме",
  "Специальные условия кредитования",
  "Приглашение на день открытых дверей",
];
const CALL_OUTCOMES = ["reached", "no_answer", "call_later", "reached", "reached"] as const;

/**
 * What happens between purchases and visits: the salesperson's contact-standard calls, newsletters
 * and SMS offers to those who agreed, browsing on the web site, and the odd note.
 */
export function everydayContacts(c: ClientStory, cars: readonly OwnedCar[]): void {
  const { rng, w, home } = c;
  const salesperson = w.staff(home.id, "salesperson", rng.next());
  for (const car of cars) {
    if (car.from < c.firstDay) continue;
    // The standard: three months after delivery, then every six months while the client keeps the car.
    for (let day = car.from + 90; day <= Math.min(car.to ?? w.today, w.today); day += 182) {
      if (!rng.chance(0.5)) continue;
      call(c, day + rng.int(-5, 5), "out", home.id, salesperson, "Плановый звонок владельцу", {
        vehicleId: car.vehicleId,
        outcome: rng.pick(CALL_OUTCOMES),
      });
    }
  }
  // Campaign mailings to those who agreed: e-mail each quarter, SMS each half-year, not every one sent.
  const campaigns = (
    channel: "email" | "sms",
    everyMonths: number,
    share: number,
    fromHour: number,
    toHour: number,
  ) => {
    const months = Math.max(1, Math.round((w.today - c.firstDay) / 30));
    for (let m = 0; m < months; m += everyMonths) {
      if (!rng.chance(share)) continue;
      interaction(w, {
        partyId: c.partyId,
        day: c.firstDay + m * 30 + rng.int(0, 25),
        minute: rng.int(fromHour * 60, toHour * 60),
        channel,
        direction: "out",
        dealershipId: home.id,
        userId: null,
        subject: rng.pick(NEWSLETTERS),
        outcome: channel === "email" && rng.chance(0.25) ? "opened" : null,
      });
    }
  };
  if (c.hasEmail && c.consent.email) campaigns("email", 3, 0.4, 9, 12);
  if (c.consent.sms) campaigns("sms", 6, 0.35, 11, 19);
  webFootprint(c);

  if (rng.chance(0.15)) {
    interaction(w, {
      partyId: c.partyId,
      day: rng.int(c.firstDay, w.today),
      minute: rng.int(10 * 60, 19 * 60),
      channel: "note",
      direction: null,
      dealershipId: home.id,
      userId: salesperson,
      subject: rng.pick([
        "Предпочитает звонки после 18:00",
        "Планирует смену автомобиля в следующем году",
        "Интересуется гибридами",
        "Жена тоже ездит на этом автомобиле",
        "Просил не звонить по выходным",
      ]),
    });
  }
}

const SEGMENT_MODELS: Record<string, string[]> = {
  crossover: ["Haval Jolion", "Chery Tiggo 7 Pro", "Geely Coolray", "Kia Sportage", "Exeed LX", "Omoda C5"],
  suv: ["Tank 300", "Haval H9", "Toyota Land Cruiser Prado", "Haval Dargo"],
  sedan: ["Lada Vesta", "Kia K5", "Toyota Camry", "Hyundai Solaris", "Chery Arrizo 8"],
  minivan: ["Lada Largus", "Hyundai Staria"],
};
const SEGMENTS = Object.keys(SEGMENT_MODELS);
const PAGES = ["/service/offers", "/trade-in", "/credit", "/used", "/service/booking"];

/** The demo's "now" is 09:00 on the as-of day: the site's events of that day happened in the night before. */
const DEMO_NOW_MINUTE = 9 * 60;

function webEvent(
  c: ClientStory,
  k: number,
  day: number,
  minute: number,
  type: string,
  payload: Record<string, unknown>,
) {
  if (day > c.w.today) return;
  if (day === c.w.today && minute >= DEMO_NOW_MINUTE) day -= 1;
  c.w.add("web_events", [
    `demo-${c.partyId}-${k}`,
    "site",
    type,
    moment(day, minute),
    `v-${c.partyId}`,
    c.partyId,
    JSON.stringify(payload),
  ]);
}

/**
 * What a client does on the group's web site over the years (browsing cars and offers), and for a few
 * the last days' tell-tale behaviour the scenarios look for: a run of views of one class of car, a service
 * booking begun and left, a request sent.
 */
function webFootprint(c: ClientStory): void {
  const { rng, w } = c;
  if (!rng.chance(0.3)) return;
  w.add("visitors", [`v-${c.partyId}`, c.partyId, moment(c.firstDay, 600), moment(c.firstDay, 600)]);
  let k = 0;
  for (let s = rng.int(1, 3); s > 0; s--) {
    const day = rng.int(c.firstDay, w.today - 11);
    for (let v = rng.int(1, 5); v > 0; v--) {
      const segment = rng.pick(SEGMENTS);
      webEvent(c, k++, day, rng.int(19 * 60, 23 * 60), rng.chance(0.7) ? "car_view" : "page_view", {
        segment,
        model: rng.pick(SEGMENT_MODELS[segment]!),
        page: rng.pick(PAGES),
      });
    }
  }
  // The last ten days: about one browsing client in eight is choosing a car right now.
  if (rng.chance(0.12)) {
    const segment = rng.pick(SEGMENTS);
    const start = w.today - rng.int(2, 8);
    for (let v = rng.int(3, 8); v > 0; v--) {
      webEvent(c, k++, start + rng.int(0, 1), rng.int(9 * 60, 23 * 60), "car_view", {
        segment,
        model: rng.pick(SEGMENT_MODELS[segment]!),
      });
    }
  }
  if (rng.chance(0.03)) {
    const draftId = `d-${c.partyId}`;
    const day = w.today - rng.int(0, 2);
    webEvent(c, k++, day, rng.int(8 * 60, 11 * 60), "booking_started", {
      draftId,
      work: "ТО",
      dealershipId: c.home.id,
    });
    if (rng.chance(0.6)) webEvent(c, k++, day, 11 * 60 + rng.int(0, 60), "booking_completed", { draftId });
  }
  if (rng.chance(0.02)) {
    webEvent(c, k++, w.today - rng.int(0, 1), rng.int(9 * 60, 11 * 60), "request_submitted", {
      topic: rng.pick(["test_drive", "credit", "trade_in", "service"]),
      dealershipId: c.home.id,
      comment: rng.pick([
        "Хочу записаться на тест-драйв в выходные",
        "Интересует кредит на новый автомобиль",
        "Оцените мой автомобиль в трейд-ин",
        "Стук в подвеске, нужна диагностика",
      ]),
    });
  }
}
