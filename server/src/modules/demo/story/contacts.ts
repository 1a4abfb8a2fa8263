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
  if (rng.chance(0.25)) {
    const sessions = rng.int(1, 3);
    for (let s = 0; s < sessions; s++) {
      const day = rng.int(c.firstDay, w.today);
      const views = rng.int(1, 6);
      for (let v = 0; v < views; v++) {
        interaction(w, {
          partyId: c.partyId,
          day,
          minute: rng.int(19 * 60, 23 * 60),
          channel: "web",
          direction: "in",
          dealershipId: home.id,
          userId: null,
          subject: `Просмотр на сайте: ${rng.pick(["кроссоверы", "седаны", "автомобили с пробегом", "сервисные акции", "трейд-ин калькулятор", "кредитный калькулятор"])}`,
        });
      }
    }
  }
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
