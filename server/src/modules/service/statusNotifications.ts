import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { interactions } from "../engagement/schema";
import type { StatusChangeEvent } from "./statusEvents";

/**
 * What the client is told when a work order changes status: the booking confirmed with its exact time,
 * the car ready for collection. The message is recorded on the client's timeline (the SMS gateway or
 * the portal's push sends it); other statuses are shown, not sent.
 */
export async function notifyClientOfStatus(db: Db, e: StatusChangeEvent): Promise<{ sent: boolean }> {
  if (e.to !== "booked" && e.to !== "ready") return { sent: false };
  const [w] = await execRows<{
    vehicle_id: number;
    planned_start: Date | null;
    name: string;
    address: string;
    timezone: string;
  }>(
    db,
    sql`SELECT w.vehicle_id, w.planned_start, d.name, d.address, d.timezone
          FROM work_orders w JOIN dealerships d ON d.id = w.dealership_id WHERE w.id = ${e.workOrderId} AND w.status = ${e.to}`,
  );
  // The order moved on (or was cancelled) before the message went: nothing stale is sent.
  if (!w) return { sent: false };
  const when = w.planned_start
    ? new Intl.DateTimeFormat("ru-RU", {
        timeZone: w.timezone,
        day: "numeric",
        month: "long",
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(w.planned_start))
    : null;
  const body =
    e.to === "booked"
      ? `Вы записаны в ${w.name} на ${when ?? "ближайшее время"} (${w.address}). Заказ-наряд ${e.number}.`
      : `Ваш автомобиль готов к выдаче в ${w.name}. Заказ-наряд ${e.number}.`;
  await db.insert(interactions).values({
    partyId: e.partyId,
    occurredAt: new Date(),
    channel: "sms",
    direction: "out",
    dealershipId: e.dealershipId,
    userId: null,
    vehicleId: w.vehicle_id,
    subject: e.to === "booked" ? "Подтверждение записи на сервис" : "Автомобиль готов к выдаче",
    body,
    refType: "work_order",
    refId: e.workOrderId,
    payload: { kind: `status:${e.to}` },
  });
  return { sent: true };
}
