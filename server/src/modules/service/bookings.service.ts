import type { BookingChannel, SlotAnswer, WorkOrderStatus } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { catalogEntries, partsByArticle, scheduleFor } from "./catalog.service";
import { type CatalogEntry, type JobPlan, planJob } from "./jobPlan";
import type { WORK_ORDER_KINDS } from "./schema";
import { findSlots, type SlotOption } from "./slots";
import { recordStatusChange } from "./statusEvents";
import { MOVABLE } from "./statusFlow";
import { getWorkshop, loadPlan } from "./workshop.service";

type Kind = (typeof WORK_ORDER_KINDS)[number];
const ONLINE: readonly BookingChannel[] = ["web", "portal", "app"];
const DAY = 86_400_000;
/** Advisory lock namespace of workshop plans (the second key is the dealership). */
const PLAN_LOCK = 7_240_008;

/** What a visit of a kind is booked as when no works are named: the catalog's first step for it. */
export const DEFAULT_WORKS: Record<Exclude<Kind, "maintenance">, string> = {
  repair: "DIAG-COMP",
  diagnostics: "DIAG-COMP",
  warranty: "DIAG-COMP",
  tyres: "TYRE-SWAP",
  bodywork: "BODY-INSPECT",
};

interface Car {
  id: number;
  make: string | null;
  model: string | null;
  plate: string | null;
  /** The model's maintenance works and parts, when the catalog has a schedule for it. */
  schedule?: { works: string[]; parts: { article: string; quantity: number }[] } | null;
}

async function loadCar(db: Db, vehicleId: number, field: string): Promise<Car> {
  const [car] = await execRows<Car>(
    db,
    sql`SELECT id, make, model, plate FROM vehicles WHERE id = ${vehicleId}`,
  );
  if (!car) throw invalid(field, "no such car");
  return car;
}

export interface JobSpec {
  kind: Kind;
  entries: CatalogEntry[];
  parts: { article: string; quantity: number }[];
  plan: JobPlan;
  summary: string;
}

/**
 * The job a booking is for: the named works, or the car's regular maintenance by its model's schedule
 * (its works and parts), or the first step of the kind of visit asked for.
 */
export async function specifyJob(
  db: Db,
  car: Car,
  works: readonly string[],
  stepMinutes: number,
  kind?: Kind,
  field = "body.works",
): Promise<JobSpec> {
  let codes = [...works];
  let parts: JobSpec["parts"] = [];
  if (codes.length === 0) {
    if (!kind || kind === "maintenance") {
      const schedule = car.schedule !== undefined ? car.schedule : await scheduleFor(db, car.make, car.model);
      if (!schedule) {
        throw invalid(
          field,
          `the catalog has no maintenance schedule for ${car.make ?? "?"} ${car.model ?? "?"}: name the works`,
        );
      }
      codes = schedule.works;
      parts = schedule.parts;
      kind = "maintenance";
    } else {
      codes = [DEFAULT_WORKS[kind]];
    }
  }
  const entries = await catalogEntries(db, codes, field);
  const plan = planJob(entries, car, stepMinutes);
  const resolvedKind: Kind =
    kind ?? (entries.some((e) => e.code.startsWith("TO-")) ? "maintenance" : kindOfWorks(entries));
  const summary = entries.map((e) => e.name).join(", ");
  return { kind: resolvedKind, entries, parts, plan, summary: summary.slice(0, 300) };
}

function kindOfWorks(entries: CatalogEntry[]): Kind {
  const skills = new Set(entries.map((e) => e.skill));
  if (skills.has("maintenance")) return "maintenance";
  if (skills.has("tyres") || skills.has("alignment")) return "tyres";
  if (skills.has("bodywork") || skills.has("painting")) return "bodywork";
  if (skills.size === 1 && skills.has("diagnostics")) return "diagnostics";
  return "repair";
}

export interface SlotSearch {
  dealershipId: number;
  vehicleId: number;
  works: readonly string[];
  channel: BookingChannel;
  from?: Date;
  limit: number;
  kind?: Kind;
}

/** The earliest slots for a car's job at a centre, with the job's duration and skills. */
export async function searchSlots(db: Db, q: SlotSearch, now = new Date()): Promise<SlotAnswer> {
  const from = Math.max(now.getTime(), q.from?.getTime() ?? 0);
  // The plan is read a week at a time from where the search starts (most answers are within days);
  // a fuller workshop widens the window. The plan and the car are read at once, on two connections.
  let [car, plan] = await Promise.all([
    loadCar(db, q.vehicleId, "query.vehicleId"),
    loadPlan(db, q.dealershipId, new Date(from - DAY), new Date(from + 8 * DAY)),
  ]);
  const job = await specifyJob(db, car, q.works, plan.rules.stepMinutes, q.kind, "query.works");
  const request = {
    durationMinutes: job.plan.minutes,
    skills: job.plan.skills,
    online: ONLINE.includes(q.channel),
    now: now.getTime(),
    from,
    limit: q.limit,
    perDay: 3,
  };
  let searched = 7;
  let slots = findSlots(plan, { ...request, until: from + searched * DAY });
  for (const days of [35, 370]) {
    if (slots.length >= q.limit || from + searched * DAY > now.getTime() + plan.rules.horizonDays * DAY)
      break;
    plan = await loadPlan(db, q.dealershipId, new Date(from - DAY), new Date(from + (days + 1) * DAY));
    slots = findSlots(plan, { ...request, until: from + days * DAY });
    searched = days;
  }
  return {
    durationMinutes: job.plan.minutes,
    skills: job.plan.skills,
    works: job.plan.works.map((w) => ({
      code: w.code,
      name: w.name,
      hours: Math.round((w.minutes / 60) * 100) / 100,
    })),
    slots: slots.map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      postId: s.postId,
      postName: plan.postNames.get(s.postId) ?? "",
      technicianId: s.technicianId,
      technicianName: plan.technicianNames.get(s.technicianId) ?? "",
    })),
  };
}

export interface BookingRequest {
  dealershipId: number;
  partyId: number;
  vehicleId: number;
  works: readonly string[];
  channel: BookingChannel;
  /** The time asked for; without it the earliest slot that fits. */
  at?: Date;
  postId?: number;
  technicianId?: number;
  kind?: Kind;
  summary?: string;
  advisorId?: number | null;
  /** Where a refusal points in the caller's request ("body.at", "body.booking.at"). */
  atField?: string;
  worksField?: string;
}

export interface Booked {
  id: number;
  number: string;
  start: Date;
  end: Date;
  postId: number;
  technicianId: number;
}

const isOverlap = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23P01" || e?.cause?.code === "23P01";
};

/**
 * Places a job on the plan and writes it with `write` inside a savepoint. Two requests can find the same
 * free slot at once; the database's no-overlap constraints let one of them in, and the other searches
 * again on what is now planned (the earliest slot moves on; an asked time may still fit another post or
 * technician, or is refused with the nearest free time).
 */
export async function placeJob<T>(
  db: Db,
  dealershipId: number,
  job: JobPlan,
  o: {
    at?: Date;
    postId?: number;
    technicianId?: number;
    channel: BookingChannel;
    exceptId?: number;
    atField: string;
    /** A car already here: no lead time, and only a slot before `until` (else it waits unplanned). */
    walkInUntil?: number;
  },
  write: (tx: Db, slot: SlotOption | null) => Promise<T>,
  now = new Date(),
): Promise<T> {
  // Bookings of one centre take turns from reading the plan to writing the job (a lock held to the end
  // of the transaction): without it, a burst of requests for the same earliest slot would each find it
  // free and all but one retry. The no-overlap constraints stay the guarantee for every other writer.
  await db.execute(sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK}, ${dealershipId})`);
  for (let attempt = 0; attempt < 8; attempt++) {
    const from = new Date(Math.min(now.getTime(), o.at?.getTime() ?? now.getTime()) - DAY);
    const plan = await loadPlan(db, dealershipId, from, new Date(now.getTime() + 370 * DAY), o.exceptId);
    if (o.walkInUntil !== undefined) plan.rules = { ...plan.rules, leadMinutes: 0 };
    const request = {
      durationMinutes: job.minutes,
      skills: job.skills,
      online: ONLINE.includes(o.channel),
      now: now.getTime(),
      limit: 1,
      ...(o.postId ? { postId: o.postId } : {}),
      ...(o.technicianId ? { technicianId: o.technicianId } : {}),
    };
    const [slot] = findSlots(plan, o.at ? { ...request, exactStart: o.at.getTime() } : request);
    if (o.walkInUntil !== undefined && (!slot || slot.start > o.walkInUntil)) {
      return db.transaction((sp) => write(sp, null));
    }
    if (!slot) {
      if (!o.at)
        throw conflict(
          `no free time for this job (${job.minutes} min) within ${plan.rules.horizonDays} days`,
        );
      const [nearest] = findSlots(plan, { ...request, from: o.at.getTime() });
      const hint = nearest ? `; the nearest free time is ${new Date(nearest.start).toISOString()}` : "";
      throw conflict(`the time asked for is not free for this job (${job.minutes} min)${hint}`, [
        { field: o.atField, message: `not free${hint}` },
      ]);
    }
    try {
      return await db.transaction((sp) => write(sp, slot));
    } catch (err) {
      if (!isOverlap(err)) throw err;
    }
  }
  throw conflict("the workshop plan is changing too fast; try again");
}

/**
 * Books a visit into real workshop capacity: the earliest slot that fits the job (or the time asked for,
 * if free), a work order in "booked" with its post, technician, times and priced lines, numbered
 * <dealership>-<yy>-B<id> (B for booked in Orbit, never colliding with the DMS's numbers).
 */

export async function book(db: Db, by: ActingAs, r: BookingRequest, now = new Date()): Promise<Booked> {
  const [owner] = await execRows<{ ok: boolean }>(
    db,
    sql`SELECT true AS ok FROM vehicle_ownerships WHERE vehicle_id = ${r.vehicleId} AND party_id = ${r.partyId} AND valid_to IS NULL`,
  );
  if (!owner) throw invalid("body.vehicleId", "the client does not own this car (any more)");
  const car = await loadCar(db, r.vehicleId, "body.vehicleId");
  const workshop = await getWorkshop(db, r.dealershipId);
  const job = await specifyJob(
    db,
    car,
    r.works,
    workshop.rules.stepMinutes,
    r.kind,
    r.worksField ?? "body.works",
  );
  if (r.at && !(r.at > now)) throw invalid(r.atField ?? "body.at", "must be in the future");
  const labourRate = Math.round(workshop.labourRateRub * 100);
  return placeJob(
    db,
    r.dealershipId,
    job.plan,
    {
      ...(r.at ? { at: r.at } : {}),
      ...(r.postId ? { postId: r.postId } : {}),
      ...(r.technicianId ? { technicianId: r.technicianId } : {}),
      channel: r.channel,
      atField: r.atField ?? "body.at",
    },
    async (tx, slot) => {
      if (!slot) throw conflict("no free time for this job");
      const start = new Date(slot.start).toISOString();
      const end = new Date(slot.end).toISOString();
      const [row] = await execRows<{ id: number; number: string }>(
        tx,
        sql`WITH n AS (SELECT nextval(pg_get_serial_sequence('work_orders', 'id'))::int AS id)
            INSERT INTO work_orders (id, number, dealership_id, party_id, vehicle_id, advisor_id, kind, status, booking_channel,
                                     summary, opened_at, promised_at, post_id, technician_id, planned_start, planned_end)
            SELECT n.id, split_part(d.code, '-', 2) || '-' || to_char(${start}::timestamptz, 'YY') || '-B' || n.id,
                   d.id, ${r.partyId}, ${r.vehicleId}, ${r.advisorId ?? null}, ${job.kind}, 'booked', ${r.channel},
                   ${r.summary ?? job.summary}, ${start}::timestamptz, ${end}::timestamptz, ${slot.postId}, ${slot.technicianId},
                   ${start}::timestamptz, ${end}::timestamptz
              FROM n, dealerships d WHERE d.id = ${r.dealershipId}
            RETURNING id, number`,
      );
      if (!row) throw notFound("Dealership");
      await writeLines(tx, row.id, job, labourRate);
      await recordStatusChange(
        tx,
        by,
        {
          workOrderId: row.id,
          number: row.number,
          partyId: r.partyId,
          dealershipId: r.dealershipId,
          from: null,
          to: "booked",
          at: now.toISOString(),
        },
        {
          channel: r.channel,
          plannedStart: start,
          plannedEnd: end,
          postId: slot.postId,
          technicianId: slot.technicianId,
        },
      );
      return {
        id: row.id,
        number: row.number,
        start: new Date(slot.start),
        end: new Date(slot.end),
        postId: slot.postId,
        technicianId: slot.technicianId,
      };
    },
    now,
  );
}

/** The works at the centre's labour rate and the schedule's parts at their price-list price. */
export async function writeLines(
  db: Db,
  workOrderId: number,
  job: Pick<JobSpec, "plan" | "parts">,
  labourRateKopecks: number,
) {
  const parts = await partsByArticle(
    db,
    job.parts.map((p) => p.article),
    "body.parts",
  );
  const values = [
    ...job.plan.works.map((w) => {
      const price = Math.round((labourRateKopecks * w.minutes) / 60);
      return {
        kind: "work",
        work_id: w.id,
        part_id: null,
        code: w.code,
        name: w.name,
        quantity: 1,
        labour_minutes: w.minutes,
        price,
        amount: price,
      };
    }),
    ...parts.map((p, i) => {
      const quantity = job.parts[i]!.quantity;
      return {
        kind: "part",
        work_id: null,
        part_id: p.id,
        code: p.article,
        name: p.name,
        quantity,
        labour_minutes: null,
        price: p.priceKopecks,
        amount: Math.round(p.priceKopecks * quantity),
      };
    }),
  ];
  if (values.length) {
    await db.execute(sql`INSERT INTO work_order_lines (work_order_id, kind, work_id, part_id, code, name, quantity, labour_minutes, price_kopecks, amount_kopecks)
      SELECT ${workOrderId}, kind, work_id, part_id, code, name, quantity, labour_minutes, price, amount
        FROM json_to_recordset(${JSON.stringify(values)}::json)
          AS x(kind text, work_id int, part_id int, code text, name text, quantity numeric, labour_minutes int, price bigint, amount bigint)`);
  }
  await db.execute(sql`UPDATE work_orders SET amount_kopecks = (SELECT coalesce(sum(amount_kopecks), 0) FROM work_order_lines WHERE work_order_id = ${workOrderId})
                        WHERE id = ${workOrderId}`);
}

interface PlannedRow {
  id: number;
  number: string;
  dealership_id: number;
  party_id: number;
  status: WorkOrderStatus;
  booking_channel: BookingChannel;
  planned_start: Date | null;
  planned_end: Date | null;
  post_id: number | null;
  technician_id: number | null;
}

export async function lockWorkOrder(db: Db, id: number): Promise<PlannedRow> {
  const [row] = await execRows<PlannedRow>(
    db,
    sql`SELECT id, number, dealership_id, party_id, status, booking_channel, planned_start, planned_end, post_id, technician_id
          FROM work_orders WHERE id = ${id} FOR UPDATE`,
  );
  if (!row) throw notFound("Work order");
  return row;
}

/**
 * Moves a booked (or arrived, not yet started) job to another time, post or technician: the same checks
 * as a booking, the job keeping its duration.
 */
export async function reschedule(
  db: Db,
  by: ActingAs,
  id: number,
  to: { at: Date; postId?: number; technicianId?: number },
  now = new Date(),
): Promise<void> {
  const w = await lockWorkOrder(db, id);
  if (!MOVABLE.includes(w.status)) throw conflict(`a work order that is ${w.status} cannot be moved`);
  const [skills] = await execRows<{ skills: string[]; minutes: number }>(
    db,
    sql`SELECT coalesce(array_agg(DISTINCT s.skill) FILTER (WHERE s.skill IS NOT NULL), '{}') AS skills,
               coalesce(sum(l.labour_minutes), 0)::int AS minutes
          FROM work_order_lines l JOIN service_works s ON s.id = l.work_id WHERE l.work_order_id = ${id}`,
  );
  // The job takes its works' time on the grid (a long job's pause over a break is added again where it
  // lands); an order without catalog works keeps the length it had.
  const { rules } = await getWorkshop(db, w.dealership_id);
  const minutes =
    (skills?.minutes ?? 0) > 0 || !w.planned_start || !w.planned_end
      ? Math.max(rules.stepMinutes, Math.ceil((skills?.minutes ?? 0) / rules.stepMinutes) * rules.stepMinutes)
      : Math.round((new Date(w.planned_end).getTime() - new Date(w.planned_start).getTime()) / 60_000);
  if (!(to.at > now)) throw invalid("body.at", "must be in the future");
  await placeJob(
    db,
    w.dealership_id,
    { minutes, skills: (skills?.skills ?? []) as JobPlan["skills"], works: [] },
    {
      at: to.at,
      ...(to.postId ? { postId: to.postId } : {}),
      ...(to.technicianId ? { technicianId: to.technicianId } : {}),
      // The client's own booking is not held to the online share when staff move it.
      channel: "call",
      exceptId: id,
      atField: "body.at",
    },
    async (tx, slot) => {
      if (!slot) throw conflict("no free time for this job");
      const start = new Date(slot.start).toISOString();
      const end = new Date(slot.end).toISOString();
      await tx.execute(sql`UPDATE work_orders SET planned_start = ${start}::timestamptz, planned_end = ${end}::timestamptz,
                                 promised_at = ${end}::timestamptz, post_id = ${slot.postId}, technician_id = ${slot.technicianId},
                                 opened_at = CASE WHEN status = 'booked' THEN ${start}::timestamptz ELSE opened_at END
                            WHERE id = ${id}`);
      await recordAction(tx, by, {
        entityType: "work_order",
        entityId: id,
        action: "reschedule",
        processStep: "service.reschedule",
        before: {
          plannedStart: w.planned_start,
          plannedEnd: w.planned_end,
          postId: w.post_id,
          technicianId: w.technician_id,
        },
        after: { plannedStart: start, plannedEnd: end, postId: slot.postId, technicianId: slot.technicianId },
        dealershipId: w.dealership_id,
      });
    },
    now,
  );
}

/**
 * Books a visit from a call (the work list's "booked" outcome): the same engine as every booking, the
 * asked time if it is free, else an error naming the nearest free time.
 */
export async function bookVisit(
  db: Db,
  by: ActingAs,
  b: {
    dealershipId: number;
    partyId: number;
    vehicleId: number;
    kind: Kind;
    summary?: string;
    at: Date;
    channel: BookingChannel;
    advisorId?: number | null;
  },
): Promise<{ id: number; number: string }> {
  const booked = await book(db, by, {
    dealershipId: b.dealershipId,
    partyId: b.partyId,
    vehicleId: b.vehicleId,
    works: [],
    kind: b.kind,
    channel: b.channel,
    at: b.at,
    advisorId: b.advisorId ?? null,
    atField: "body.booking.at",
    worksField: "body.booking.kind",
    ...(b.summary ? { summary: b.summary } : {}),
  });
  return { id: booked.id, number: booked.number };
}
