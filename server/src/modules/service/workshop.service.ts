import {
  BookingRules,
  type OpeningHours,
  type ServicePost,
  type ServicePostInput,
  type Technician,
  type TechnicianInput,
  type Workshop,
  type WorkshopUpdate,
} from "@orbit/contracts";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { forbidden, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs, Actor } from "../staff/actor";
import { dealerships } from "../staff/schema";
import { canAccessDealership } from "../staff/scope";
import { servicePosts, technicianAbsences, technicians, workshops } from "./schema";
import type { WorkshopPlan } from "./slots";

/** A centre that has not set its hours yet: the usual dealer workshop week. */
export const DEFAULT_OPENING_HOURS: OpeningHours = [
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "09:00", close: "18:00" },
  null,
];
export const DEFAULT_LABOUR_RATE_KOPECKS = 3_200_00;

export function assertDealership(actor: Actor, dealershipId: number): void {
  if (!canAccessDealership(actor, dealershipId)) throw forbidden("This is another dealership's workshop");
}

export async function getWorkshop(db: Db, dealershipId: number): Promise<Workshop> {
  const [d] = await db
    .select({ id: dealerships.id, timezone: dealerships.timezone })
    .from(dealerships)
    .where(eq(dealerships.id, dealershipId));
  if (!d) throw notFound("Dealership");
  const [w] = await db.select().from(workshops).where(eq(workshops.dealershipId, dealershipId));
  return {
    dealershipId,
    openingHours: w?.openingHours ?? DEFAULT_OPENING_HOURS,
    rules: BookingRules.parse(w?.rules ?? {}),
    labourRateRub: (w?.labourRateKopecks ?? DEFAULT_LABOUR_RATE_KOPECKS) / 100,
    timezone: d.timezone,
  };
}

export async function updateWorkshop(
  db: Db,
  by: ActingAs,
  dealershipId: number,
  patch: z.infer<typeof WorkshopUpdate>,
): Promise<Workshop> {
  const before = await getWorkshop(db, dealershipId);
  const rules = BookingRules.parse({ ...before.rules, ...patch.rules });
  const openingHours = patch.openingHours ?? before.openingHours;
  const labourRateKopecks = Math.round((patch.labourRateRub ?? before.labourRateRub) * 100);
  await db
    .insert(workshops)
    .values({ dealershipId, openingHours, rules, labourRateKopecks, updatedByUserId: by.userId })
    .onConflictDoUpdate({
      target: workshops.dealershipId,
      set: { openingHours, rules, labourRateKopecks, updatedByUserId: by.userId, updatedAt: new Date() },
    });
  const after = await getWorkshop(db, dealershipId);
  await recordAction(db, by, {
    entityType: "workshop",
    entityId: dealershipId,
    action: "update",
    processStep: "service.setup",
    before,
    after,
    dealershipId,
  });
  return after;
}

const toPost = (p: typeof servicePosts.$inferSelect): ServicePost => ({
  id: p.id,
  dealershipId: p.dealershipId,
  name: p.name,
  skills: p.skills,
  active: p.active,
});

export async function listPosts(db: Db, dealershipId: number): Promise<ServicePost[]> {
  const rows = await db
    .select()
    .from(servicePosts)
    .where(eq(servicePosts.dealershipId, dealershipId))
    .orderBy(asc(servicePosts.id));
  return rows.map(toPost);
}

export async function savePost(
  db: Db,
  by: ActingAs,
  input: z.infer<typeof ServicePostInput>,
  id?: number,
): Promise<ServicePost> {
  const [clash] = await db
    .select({ id: servicePosts.id })
    .from(servicePosts)
    .where(and(eq(servicePosts.dealershipId, input.dealershipId), eq(servicePosts.name, input.name)));
  if (clash && clash.id !== id) throw invalid("body.name", "another post of this workshop has this name");
  let before: ServicePost | null = null;
  let row: typeof servicePosts.$inferSelect | undefined;
  if (id === undefined) {
    [row] = await db.insert(servicePosts).values(input).returning();
  } else {
    const [old] = await db.select().from(servicePosts).where(eq(servicePosts.id, id));
    if (!old) throw notFound("Post");
    if (old.dealershipId !== input.dealershipId)
      throw invalid("body.dealershipId", "a post stays in its workshop");
    before = toPost(old);
    [row] = await db.update(servicePosts).set(input).where(eq(servicePosts.id, id)).returning();
  }
  const post = toPost(row!);
  await recordAction(db, by, {
    entityType: "service_post",
    entityId: post.id,
    action: before ? "update" : "create",
    processStep: "service.setup",
    before,
    after: post,
    dealershipId: post.dealershipId,
  });
  return post;
}

type TechnicianRow = typeof technicians.$inferSelect;

async function absencesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, Technician["absences"]>();
  const rows = await execRows<{ technician_id: number; from_day: string; to_day: string; reason: string }>(
    db,
    sql`SELECT technician_id, from_day::text, to_day::text, reason FROM technician_absences
         WHERE technician_id = ANY(${sql.param(ids)}::int[]) AND to_day >= current_date - 30 ORDER BY from_day`,
  );
  const out = new Map<number, Technician["absences"]>();
  for (const r of rows) {
    out.set(r.technician_id, [
      ...(out.get(r.technician_id) ?? []),
      { from: r.from_day, to: r.to_day, reason: r.reason },
    ]);
  }
  return out;
}

const toTechnician = (t: TechnicianRow, absences: Technician["absences"]): Technician => ({
  id: t.id,
  dealershipId: t.dealershipId,
  fullName: t.fullName,
  skills: t.skills,
  shift: t.shift,
  active: t.active,
  absences,
});

export async function listTechnicians(db: Db, dealershipId: number): Promise<Technician[]> {
  const rows = await db
    .select()
    .from(technicians)
    .where(eq(technicians.dealershipId, dealershipId))
    .orderBy(asc(technicians.fullName), asc(technicians.id));
  const absences = await absencesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTechnician(r, absences.get(r.id) ?? []));
}

export async function saveTechnician(
  db: Db,
  by: ActingAs,
  input: z.infer<typeof TechnicianInput>,
  id?: number,
): Promise<Technician> {
  let before: TechnicianRow | undefined;
  let row: TechnicianRow | undefined;
  if (id === undefined) {
    [row] = await db.insert(technicians).values(input).returning();
  } else {
    [before] = await db.select().from(technicians).where(eq(technicians.id, id));
    if (!before) throw notFound("Technician");
    if (before.dealershipId !== input.dealershipId)
      throw invalid("body.dealershipId", "a technician stays in their workshop");
    [row] = await db.update(technicians).set(input).where(eq(technicians.id, id)).returning();
  }
  await recordAction(db, by, {
    entityType: "technician",
    entityId: row!.id,
    action: before ? "update" : "create",
    processStep: "service.setup",
    before: before ?? null,
    after: row,
    dealershipId: row!.dealershipId,
  });
  const absences = await absencesOf(db, [row!.id]);
  return toTechnician(row!, absences.get(row!.id) ?? []);
}

/**
 * Records a technician's absence. Jobs already planned for them on those days stay (the advisor moves
 * them on the board, where they show); the answer says how many there are.
 */
export async function addAbsence(
  db: Db,
  by: ActingAs,
  technicianId: number,
  a: { from: string; to: string; reason: string },
  actor: Actor,
): Promise<{ technician: Technician; jobsToMove: number }> {
  const [t] = await db.select().from(technicians).where(eq(technicians.id, technicianId));
  if (!t) throw notFound("Technician");
  assertDealership(actor, t.dealershipId);
  await db
    .insert(technicianAbsences)
    .values({ technicianId, fromDay: a.from, toDay: a.to, reason: a.reason });
  await recordAction(db, by, {
    entityType: "technician",
    entityId: technicianId,
    action: "absence",
    processStep: "service.setup",
    after: a,
    dealershipId: t.dealershipId,
  });
  const [n] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM work_orders w JOIN dealerships d ON d.id = w.dealership_id
         WHERE w.technician_id = ${technicianId} AND w.status IN ('booked', 'arrived')
           AND (w.planned_start AT TIME ZONE d.timezone)::date BETWEEN ${a.from}::date AND ${a.to}::date`,
  );
  const [tech] = (await listTechnicians(db, t.dealershipId)).filter((x) => x.id === technicianId);
  return { technician: tech!, jobsToMove: n?.n ?? 0 };
}

/**
 * Everything the slot search needs for a centre over a period: opening hours, rules, active posts and
 * technicians with their absences, and the jobs planned then (but the one being moved). One statement:
 * the search runs on every booking screen, and round trips are most of its time.
 */
export async function loadPlan(
  db: Db,
  dealershipId: number,
  from: Date,
  to: Date,
  exceptWorkOrderId?: number,
): Promise<
  WorkshopPlan & { workshop: Workshop; postNames: Map<number, string>; technicianNames: Map<number, string> }
> {
  const [row] = await execRows<{
    timezone: string;
    workshop: { opening_hours: OpeningHours; rules: unknown; labour_rate_kopecks: number } | null;
    posts: { id: number; name: string; skills: WorkshopPlan["posts"][number]["skills"] }[];
    technicians: {
      id: number;
      name: string;
      skills: string[];
      shift: Technician["shift"];
      absences: { from: string; to: string }[];
    }[];
    jobs: [number | null, number | null, number, number, boolean][];
  }>(
    db,
    sql`SELECT d.timezone,
          (SELECT row_to_json(w) FROM workshops w WHERE w.dealership_id = d.id) AS workshop,
          coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'skills', p.skills) ORDER BY p.id)
                      FROM service_posts p WHERE p.dealership_id = d.id AND p.active), '[]') AS posts,
          coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.full_name, 'skills', t.skills, 'shift', t.shift,
                      'absences', coalesce((SELECT json_agg(json_build_object('from', a.from_day, 'to', a.to_day))
                                              FROM technician_absences a
                                             WHERE a.technician_id = t.id AND a.to_day >= ${from.toISOString()}::date - 1), '[]')) ORDER BY t.id)
                      FROM technicians t WHERE t.dealership_id = d.id AND t.active), '[]') AS technicians,
          coalesce((SELECT json_agg(json_build_array(w.post_id, w.technician_id, extract(epoch FROM w.planned_start) * 1000,
                                                     extract(epoch FROM w.planned_end) * 1000, w.booking_channel IN ('web', 'portal', 'app')))
                      FROM work_orders w
                     WHERE w.dealership_id = d.id AND w.planned_start IS NOT NULL
                       AND w.planned_start < ${to.toISOString()}::timestamptz AND w.planned_end > ${from.toISOString()}::timestamptz
                       AND w.status NOT IN ('cancelled', 'no_show')
                       ${exceptWorkOrderId ? sql`AND w.id <> ${exceptWorkOrderId}` : sql``}), '[]') AS jobs
        FROM dealerships d WHERE d.id = ${dealershipId}`,
  );
  if (!row) throw notFound("Dealership");
  const workshop: Workshop = {
    dealershipId,
    openingHours: row.workshop?.opening_hours ?? DEFAULT_OPENING_HOURS,
    rules: BookingRules.parse(row.workshop?.rules ?? {}),
    labourRateRub: Number(row.workshop?.labour_rate_kopecks ?? DEFAULT_LABOUR_RATE_KOPECKS) / 100,
    timezone: row.timezone,
  };
  return {
    workshop,
    timezone: workshop.timezone,
    openingHours: workshop.openingHours,
    rules: workshop.rules,
    posts: row.posts.map((p) => ({ id: p.id, skills: p.skills })),
    technicians: row.technicians.map((t) => ({
      id: t.id,
      skills: t.skills,
      shift: t.shift,
      absences: t.absences,
    })),
    jobs: row.jobs.map(([postId, technicianId, start, end, online]) => ({
      postId,
      technicianId,
      start: Number(start),
      end: Number(end),
      online,
    })),
    postNames: new Map(row.posts.map((p) => [p.id, p.name])),
    technicianNames: new Map(row.technicians.map((t) => [t.id, t.name])),
  };
}
