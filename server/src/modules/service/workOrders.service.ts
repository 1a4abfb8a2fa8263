import type { StatusChange, WalkInInput, WorkOrder, WorkOrderStatus } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, forbidden, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { interactions } from "../engagement/schema";
import { earnCashback, refundWorkOrder } from "../loyalty/ledger.service";
import type { ActingAs, Actor } from "../staff/actor";
import { canAccessDealership } from "../staff/scope";
import { createFollowUpTask } from "../tasks/tasks.service";
import { recordMileage } from "../vehicles/vehicles.service";
import { lockWorkOrder, placeJob, specifyJob, writeLines } from "./bookings.service";
import { scheduleFor } from "./catalog.service";
import { dayClock, localDay } from "./localTime";
import { nextMaintenance } from "./nextMaintenance";
import { recordStatusChange } from "./statusEvents";
import { canMove, nextStatuses } from "./statusFlow";
import { getWorkshop } from "./workshop.service";

interface Row {
  id: number;
  number: string;
  dealership_id: number;
  party_id: number;
  display_name: string;
  phone: string | null;
  vehicle_id: number;
  vehicle: string | null;
  vin: string | null;
  kind: WorkOrder["kind"];
  status: WorkOrderStatus;
  booking_channel: WorkOrder["bookingChannel"];
  summary: string;
  advisor_id: number | null;
  advisor: string | null;
  post_id: number | null;
  post_name: string | null;
  technician_id: number | null;
  technician_name: string | null;
  planned_start: Date | null;
  planned_end: Date | null;
  opened_at: Date;
  arrived_at: Date | null;
  closed_at: Date | null;
  mileage_km: number | null;
  amount_kopecks: number;
  next_maintenance_on: string | null;
  next_maintenance_km: number | null;
  lines: {
    id: number;
    kind: "work" | "part";
    code: string | null;
    name: string;
    quantity: number;
    labour_minutes: number | null;
    price_kopecks: number;
    amount_kopecks: number;
  }[];
}

const SELECT = sql`SELECT w.id, w.number, w.dealership_id, w.party_id, p.display_name,
    (SELECT c.value FROM contact_points c WHERE c.party_id = w.party_id AND c.kind = 'phone' AND c.valid_to IS NULL
      ORDER BY c.is_primary DESC, c.id LIMIT 1) AS phone,
    w.vehicle_id, nullif(concat_ws(' ', v.make, v.model, v.plate), '') AS vehicle, v.vin, w.kind, w.status,
    w.booking_channel, w.summary, w.advisor_id, u.full_name AS advisor, w.post_id, sp.name AS post_name,
    w.technician_id, t.full_name AS technician_name, w.planned_start, w.planned_end, w.opened_at, w.arrived_at,
    w.closed_at, w.mileage_km, w.amount_kopecks, w.next_maintenance_on::text, w.next_maintenance_km,
    coalesce((SELECT json_agg(json_build_object('id', l.id, 'kind', l.kind, 'code', l.code, 'name', l.name,
        'quantity', l.quantity::float8, 'labour_minutes', l.labour_minutes, 'price_kopecks', l.price_kopecks,
        'amount_kopecks', l.amount_kopecks) ORDER BY l.kind DESC, l.id)
      FROM work_order_lines l WHERE l.work_order_id = w.id), '[]') AS lines
  FROM work_orders w
  JOIN parties p ON p.id = w.party_id
  JOIN vehicles v ON v.id = w.vehicle_id
  LEFT JOIN users u ON u.id = w.advisor_id
  LEFT JOIN service_posts sp ON sp.id = w.post_id
  LEFT JOIN technicians t ON t.id = w.technician_id`;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const rub = (k: number | string) => Number(k) / 100;

function toWorkOrder(r: Row): WorkOrder {
  return {
    id: r.id,
    number: r.number,
    dealershipId: r.dealership_id,
    clientId: r.party_id,
    clientName: r.display_name,
    clientPhone: r.phone,
    vehicleId: r.vehicle_id,
    vehicle: r.vehicle,
    vin: r.vin,
    kind: r.kind,
    status: r.status,
    bookingChannel: r.booking_channel,
    summary: r.summary,
    advisorId: r.advisor_id,
    advisor: r.advisor,
    postId: r.post_id,
    postName: r.post_name,
    technicianId: r.technician_id,
    technicianName: r.technician_name,
    plannedStart: iso(r.planned_start),
    plannedEnd: iso(r.planned_end),
    openedAt: iso(r.opened_at)!,
    arrivedAt: iso(r.arrived_at),
    closedAt: iso(r.closed_at),
    mileageKm: r.mileage_km,
    amountRub: rub(r.amount_kopecks),
    nextMaintenance: r.next_maintenance_on ? { on: r.next_maintenance_on, km: r.next_maintenance_km } : null,
    lines: r.lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      code: l.code,
      name: l.name,
      quantity: Number(l.quantity),
      hours: l.labour_minutes === null ? null : Math.round((l.labour_minutes / 60) * 100) / 100,
      priceRub: rub(l.price_kopecks),
      amountRub: rub(l.amount_kopecks),
    })),
    next: [...nextStatuses(r.status)],
  };
}

async function load(db: Db, where: SQL): Promise<WorkOrder[]> {
  return (await execRows<Row>(db, sql`${SELECT} WHERE ${where}`)).map(toWorkOrder);
}

/** A work order, for staff of its dealership (group-wide staff see all). */
export async function getWorkOrder(db: Db, actor: Actor | null, id: number): Promise<WorkOrder> {
  const [w] = await load(db, sql`w.id = ${id}`);
  if (!w) throw notFound("Work order");
  if (actor && !canAccessDealership(actor, w.dealershipId))
    throw forbidden("This is another dealership's work order");
  return w;
}

/**
 * A client's work orders with their live status, newest first: what the client portal shows (it reads
 * the same service as staff screens) and what a status notification refers to.
 */
export async function clientWorkOrders(db: Db, partyId: number, limit = 20): Promise<WorkOrder[]> {
  return load(db, sql`w.party_id = ${partyId} ORDER BY w.opened_at DESC LIMIT ${limit}`);
}

/**
 * Opens a work order for a car that came in without a booking, prefilled from the catalog (the model's
 * maintenance, or the works named) and placed on the earliest free post today; if the day is full it
 * waits unplanned for the advisor to place it on the board.
 */
export async function openWalkIn(
  db: Db,
  by: ActingAs,
  actor: Actor,
  input: z.infer<typeof WalkInInput>,
  now = new Date(),
): Promise<WorkOrder> {
  if (!canAccessDealership(actor, input.dealershipId))
    throw forbidden("This is another dealership's workshop");
  const [owner] = await execRows<{ ok: boolean }>(
    db,
    sql`SELECT true AS ok FROM vehicle_ownerships WHERE vehicle_id = ${input.vehicleId} AND party_id = ${input.clientId} AND valid_to IS NULL`,
  );
  if (!owner) throw invalid("body.vehicleId", "the client does not own this car (any more)");
  const [car] = await execRows<{
    id: number;
    make: string | null;
    model: string | null;
    plate: string | null;
  }>(db, sql`SELECT id, make, model, plate FROM vehicles WHERE id = ${input.vehicleId}`);
  const workshop = await getWorkshop(db, input.dealershipId);
  const job = await specifyJob(db, car!, input.works, workshop.rules.stepMinutes);
  const today = localDay(workshop.timezone, now.getTime());
  const closes = workshop.openingHours[(new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7];
  const until = closes
    ? dayClock(workshop.timezone, today)(Number(closes.close.slice(0, 2)) * 60)
    : now.getTime();
  const id = await placeJob(
    db,
    input.dealershipId,
    job.plan,
    { channel: "walk_in", atField: "body", walkInUntil: until },
    async (tx, slot) => {
      const start = slot ? new Date(slot.start).toISOString() : null;
      const end = slot ? new Date(slot.end).toISOString() : null;
      const [row] = await execRows<{ id: number; number: string }>(
        tx,
        sql`WITH n AS (SELECT nextval(pg_get_serial_sequence('work_orders', 'id'))::int AS id)
            INSERT INTO work_orders (id, number, dealership_id, party_id, vehicle_id, advisor_id, kind, status, booking_channel,
                                     summary, opened_at, arrived_at, mileage_km, promised_at, post_id, technician_id, planned_start, planned_end)
            SELECT n.id, split_part(d.code, '-', 2) || '-' || to_char(${now.toISOString()}::timestamptz, 'YY') || '-W' || n.id,
                   d.id, ${input.clientId}, ${input.vehicleId}, ${actor.userId}, ${job.kind}, 'arrived', 'walk_in',
                   ${input.note ? `${job.summary}. ${input.note}`.slice(0, 500) : job.summary}, ${now.toISOString()}::timestamptz,
                   ${now.toISOString()}::timestamptz, ${input.mileageKm ?? null}, ${end}::timestamptz,
                   ${slot?.postId ?? null}, ${slot?.technicianId ?? null}, ${start}::timestamptz, ${end}::timestamptz
              FROM n, dealerships d WHERE d.id = ${input.dealershipId}
            RETURNING id, number`,
      );
      await writeLines(tx, row!.id, job, Math.round(workshop.labourRateRub * 100));
      if (input.mileageKm !== undefined)
        await recordMileage(tx, input.vehicleId, today, input.mileageKm, "service");
      await recordStatusChange(
        tx,
        by,
        {
          workOrderId: row!.id,
          number: row!.number,
          partyId: input.clientId,
          dealershipId: input.dealershipId,
          from: null,
          to: "arrived",
          at: now.toISOString(),
        },
        { channel: "walk_in", plannedStart: start, postId: slot?.postId ?? null },
      );
      return row!.id;
    },
    now,
  );
  return getWorkOrder(db, actor, id);
}

/**
 * Moves a work order along its statuses. Arrival and delivery take the odometer; delivery sets the next
 * maintenance from the model's schedule and makes the follow-ups: the NPS survey call for the next day
 * and a review request to the client. Each change is in the action log as "service.<status>".
 */
export async function changeStatus(
  db: Db,
  by: ActingAs,
  actor: Actor | null,
  id: number,
  change: z.infer<typeof StatusChange>,
  now = new Date(),
): Promise<WorkOrder> {
  const w = await lockWorkOrder(db, id);
  if (actor && !canAccessDealership(actor, w.dealership_id))
    throw forbidden("This is another dealership's work order");
  if (!canMove(w.status, change.status)) {
    const allowed = nextStatuses(w.status);
    throw conflict(
      `a work order that is ${w.status} cannot become ${change.status}${allowed.length ? ` (it can become ${allowed.join(", ")})` : ""}`,
      [{ field: "body.status", message: `not after ${w.status}` }],
    );
  }
  const [info] = await execRows<{
    vehicle_id: number;
    make: string | null;
    model: string | null;
    kind: string;
    advisor_id: number | null;
    last_km: number | null;
    amount_kopecks: string;
  }>(
    db,
    sql`SELECT w.vehicle_id, v.make, v.model, w.kind, w.advisor_id, w.amount_kopecks,
               (SELECT km FROM mileage_readings r WHERE r.vehicle_id = w.vehicle_id ORDER BY read_on DESC, id DESC LIMIT 1) AS last_km
          FROM work_orders w JOIN vehicles v ON v.id = w.vehicle_id WHERE w.id = ${id}`,
  );
  const workshop = await getWorkshop(db, w.dealership_id);
  const today = localDay(workshop.timezone, now.getTime());
  if (change.mileageKm !== undefined && info!.last_km !== null && change.mileageKm < info!.last_km - 100) {
    throw invalid("body.mileageKm", `below the last reading (${info!.last_km} km)`);
  }
  const stamp = now.toISOString();
  const set: SQL[] = [sql`status = ${change.status}`];
  if (change.status === "arrived") set.push(sql`arrived_at = ${stamp}::timestamptz`);
  if (change.status === "booked") set.push(sql`arrived_at = NULL`);
  if (change.mileageKm !== undefined) set.push(sql`mileage_km = ${change.mileageKm}`);
  if (["delivered", "cancelled", "no_show"].includes(change.status))
    set.push(sql`closed_at = ${stamp}::timestamptz`);
  if (!info!.advisor_id && actor?.role === "service_advisor") set.push(sql`advisor_id = ${actor.userId}`);
  let next: { on: string; km: number | null } | null = null;
  if (change.status === "delivered" && info!.kind === "maintenance") {
    const schedule = await scheduleFor(db, info!.make, info!.model);
    if (schedule) {
      next = nextMaintenance(today, change.mileageKm ?? null, schedule);
      set.push(sql`next_maintenance_on = ${next.on}::date, next_maintenance_km = ${next.km}`);
    }
  }
  await db.execute(sql`UPDATE work_orders SET ${sql.join(set, sql`, `)} WHERE id = ${id}`);
  if (change.mileageKm !== undefined)
    await recordMileage(db, info!.vehicle_id, today, change.mileageKm, "service");
  if (change.status === "delivered")
    await afterDelivery(
      db,
      w,
      info!.vehicle_id,
      info!.advisor_id ?? actor?.userId ?? null,
      now,
      workshop.timezone,
    );
  // The client's points: cashback on a delivered bill, points put on a visit that did not happen back.
  const loyal = { id, number: w.number, partyId: w.party_id, amountKopecks: Number(info!.amount_kopecks) };
  if (change.status === "delivered") await earnCashback(db, by, loyal, now);
  if (change.status === "cancelled" || change.status === "no_show") await refundWorkOrder(db, by, loyal);
  await recordStatusChange(
    db,
    by,
    {
      workOrderId: id,
      number: w.number,
      partyId: w.party_id,
      dealershipId: w.dealership_id,
      from: w.status,
      to: change.status,
      at: stamp,
    },
    {
      ...(change.mileageKm !== undefined ? { mileageKm: change.mileageKm } : {}),
      ...(change.note ? { note: change.note } : {}),
      ...(next ? { nextMaintenance: next } : {}),
    },
  );
  return getWorkOrder(db, null, id);
}

/** The NPS survey call (the advisor's, the next day at 11:00) and the review request message. */
async function afterDelivery(
  db: Db,
  w: { id: number; number: string; dealership_id: number; party_id: number },
  vehicleId: number,
  advisorId: number | null,
  now: Date,
  timezone: string,
): Promise<void> {
  const tomorrow = localDay(timezone, now.getTime() + 86_400_000);
  const dueAt = new Date(dayClock(timezone, tomorrow)(11 * 60));
  await createFollowUpTask(db, {
    partyId: w.party_id,
    vehicleId,
    dealershipId: w.dealership_id,
    reasonCode: "nps_survey",
    reasonParams: { number: w.number, deliveredOn: localDay(timezone, now.getTime()) },
    needKey: `nps:${w.id}`,
    dueAt,
    windowEnd: new Date(dueAt.getTime() + 7 * 86_400_000),
    assigneeUserId: advisorId,
  });
  await db.insert(interactions).values({
    partyId: w.party_id,
    occurredAt: now,
    channel: "sms",
    direction: "out",
    dealershipId: w.dealership_id,
    userId: null,
    vehicleId,
    subject: "Просьба оставить отзыв о визите",
    body: `Спасибо, что доверили нам автомобиль (заказ-наряд ${w.number}). Оцените визит и оставьте отзыв — это займёт минуту.`,
    refType: "work_order",
    refId: w.id,
    payload: { kind: "review_request" },
  });
}

const OPEN_FOR_LINES: readonly WorkOrderStatus[] = ["booked", "arrived", "in_work", "waiting_parts"];

/** Adds works (at the centre's labour rate, timed for the car's model) and parts (at list price). */
export async function addLines(
  db: Db,
  by: ActingAs,
  actor: Actor,
  id: number,
  input: { works: string[]; parts: { article: string; quantity: number }[] },
): Promise<WorkOrder> {
  const w = await lockWorkOrder(db, id);
  if (!canAccessDealership(actor, w.dealership_id))
    throw forbidden("This is another dealership's work order");
  if (!OPEN_FOR_LINES.includes(w.status))
    throw conflict(`a work order that is ${w.status} takes no more lines`);
  if (input.works.length === 0 && input.parts.length === 0)
    throw invalid("body", "name works or parts to add");
  const [car] = await execRows<{
    id: number;
    make: string | null;
    model: string | null;
    plate: string | null;
  }>(
    db,
    sql`SELECT v.id, v.make, v.model, v.plate FROM vehicles v JOIN work_orders w ON w.vehicle_id = v.id WHERE w.id = ${id}`,
  );
  const workshop = await getWorkshop(db, w.dealership_id);
  const job =
    input.works.length > 0
      ? await specifyJob(db, car!, input.works, workshop.rules.stepMinutes)
      : { plan: { minutes: 0, skills: [], works: [] }, parts: [] };
  await writeLines(db, id, { plan: job.plan, parts: input.parts }, Math.round(workshop.labourRateRub * 100));
  await recordAction(db, by, {
    entityType: "work_order",
    entityId: id,
    action: "lines:add",
    processStep: "service.lines",
    after: input,
    dealershipId: w.dealership_id,
  });
  return getWorkOrder(db, actor, id);
}

export async function removeLine(
  db: Db,
  by: ActingAs,
  actor: Actor,
  id: number,
  lineId: number,
): Promise<WorkOrder> {
  const w = await lockWorkOrder(db, id);
  if (!canAccessDealership(actor, w.dealership_id))
    throw forbidden("This is another dealership's work order");
  if (!OPEN_FOR_LINES.includes(w.status))
    throw conflict(`a work order that is ${w.status} cannot change its lines`);
  const [line] = await execRows<{ name: string }>(
    db,
    sql`DELETE FROM work_order_lines WHERE id = ${lineId} AND work_order_id = ${id} RETURNING name`,
  );
  if (!line) throw notFound("Line");
  await db.execute(sql`UPDATE work_orders SET amount_kopecks = (SELECT coalesce(sum(amount_kopecks), 0) FROM work_order_lines WHERE work_order_id = ${id})
                        WHERE id = ${id}`);
  await recordAction(db, by, {
    entityType: "work_order",
    entityId: id,
    action: "lines:remove",
    processStep: "service.lines",
    before: { lineId, name: line.name },
    dealershipId: w.dealership_id,
  });
  return getWorkOrder(db, actor, id);
}
