// The demo group's workshops: the service catalog, each centre's posts, technicians and hours, and the
// story's visits of yesterday, today and the coming two weeks placed on posts and technicians by the
// same slot search bookings use, so every centre's planning board looks like a working day.
import { BookingRules, type OpeningHours, ShiftPattern, type Skill } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Database, type Db, execRows } from "../../platform/db/database";
import { type CatalogEntry, modelKey, planJob } from "../service/jobPlan";
import { localDay, nextDay } from "../service/localTime";
import {
  maintenanceSchedules,
  serviceParts,
  servicePosts,
  serviceWorks,
  serviceWorkTimes,
  technicians,
  workshops,
} from "../service/schema";
import { findSlots, type PlannedJob, type WorkshopPlan } from "../service/slots";
import { dayToIso, isoToDay } from "./dates";
import type { DemoDealership } from "./orgStructure";
import { generatePerson } from "./people";
import type { Rng } from "./random";
import { demoServiceCatalog, MAINTENANCE_WORKS, REPAIR_WORKS } from "./serviceCatalog";

const WEEK: OpeningHours = [
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "08:00", close: "20:00" },
  { open: "09:00", close: "18:00" },
  null,
];
const SEVEN_DAYS: OpeningHours = [...WEEK.slice(0, 6), { open: "10:00", close: "18:00" }];

const GENERAL: Skill[] = ["maintenance", "diagnostics", "repair", "electrics"];

interface CentrePlan {
  posts: { name: string; skills: Skill[] }[];
  technicians: number;
  hours: OpeningHours;
  labourRateRub: number;
}

function centreOf(d: DemoDealership): CentrePlan {
  const big = !d.sells;
  const posts: CentrePlan["posts"] = [];
  const general = big ? 8 : 5;
  for (let i = 1; i <= general; i++) posts.push({ name: `Пост ${i}`, skills: GENERAL });
  posts.push({
    name: `Пост ${general + 1} (шиномонтаж, развал)`,
    skills: ["tyres", "alignment", "maintenance"],
  });
  if (big) posts.push({ name: `Пост ${general + 2} (кузов и окраска)`, skills: ["bodywork", "painting"] });
  const premium = d.brands.some((b) => ["Toyota", "Lexus", "Tank"].includes(b));
  return {
    posts,
    technicians: big ? 12 : 8,
    hours: big ? SEVEN_DAYS : WEEK,
    labourRateRub: premium ? 3_900 : big ? 2_900 : 3_300,
  };
}

/** Writes the catalog and every centre's workshop; technicians get generated Russian names. */
export async function seedDemoWorkshops(
  db: Db,
  dealerships: readonly (DemoDealership & { id: number })[],
  rng: Rng,
): Promise<void> {
  const catalog = demoServiceCatalog();
  await db.transaction(async (tx) => {
    const works = await tx
      .insert(serviceWorks)
      .values(
        catalog.works.map((w) => ({
          code: w.code,
          name: w.name,
          kind: w.kind,
          skill: w.skill,
          labourMinutes: Math.round(w.hours * 60),
        })),
      )
      .returning({ id: serviceWorks.id, code: serviceWorks.code });
    const workId = new Map(works.map((w) => [w.code, w.id]));
    for (let i = 0; i < catalog.times.length; i += 1000) {
      await tx.insert(serviceWorkTimes).values(
        catalog.times.slice(i, i + 1000).map((t) => ({
          workId: workId.get(t.code)!,
          make: t.make,
          model: t.model,
          labourMinutes: Math.round(t.hours * 60),
        })),
      );
    }
    await tx
      .insert(serviceParts)
      .values(
        catalog.parts.map((p) => ({ ...p, priceKopecks: p.priceRub * 100, source: "1С:УАТ прайс-лист" })),
      );
    await tx.insert(maintenanceSchedules).values(catalog.schedules);

    for (const d of dealerships) {
      const centre = centreOf(d);
      const r = rng.fork(d.code);
      await tx.insert(workshops).values({
        dealershipId: d.id,
        openingHours: centre.hours,
        rules: BookingRules.parse({
          stepMinutes: 15,
          bufferMinutes: 15,
          leadMinutes: 60,
          overrunMinutes: 30,
          onlineShare: 0.7,
        }),
        labourRateKopecks: centre.labourRateRub * 100,
      });
      await tx.insert(servicePosts).values(centre.posts.map((p) => ({ dealershipId: d.id, ...p })));
      const staff = Array.from({ length: centre.technicians }, (_, i) => {
        const person = generatePerson(r.fork(`tech:${i}`));
        const skills: Skill[] =
          i === 0 && !d.sells
            ? ["bodywork", "painting"]
            : i % 4 === 2
              ? ["tyres", "alignment", "maintenance"]
              : [...GENERAL];
        // Half work weekdays (early and late), half two-on two-off in two phases, so every open hour of
        // every day has general technicians; tyre fitters work weekdays.
        const shift =
          i % 2 === 0
            ? ShiftPattern.parse({
                schedule: "weekdays",
                weekdays: [1, 2, 3, 4, 5],
                start: i % 4 === 0 ? "08:00" : "11:00",
                end: i % 4 === 0 ? "17:00" : "20:00",
                breakStart: i % 4 === 0 ? "12:00" : "15:00",
                breakEnd: i % 4 === 0 ? "13:00" : "16:00",
              })
            : ShiftPattern.parse({
                schedule: "2/2",
                anchor: dayToIso(isoToDay("2026-01-05") + (i % 4 === 1 ? 0 : 2)),
                start: "08:00",
                end: "20:00",
                breakStart: "13:00",
                breakEnd: "14:00",
              });
        return {
          dealershipId: d.id,
          fullName: `${person.lastName} ${person.firstName} ${person.patronymic ?? ""}`.trim(),
          skills,
          shift,
        };
      });
      await tx.insert(technicians).values(staff);
    }
  });
}

interface Visit {
  id: number;
  dealership_id: number;
  kind: string;
  status: string;
  summary: string;
  booking_channel: string;
  opened_at: Date;
  make: string | null;
  model: string | null;
}

/**
 * Places the story's open and coming visits (yesterday to two weeks ahead) on posts and technicians,
 * each as near its drawn time as the workshop allows; visits a full day cannot take stay unplanned (the
 * board lists them). Today's jobs get the status their time implies at "now": done ones ready or
 * delivered, running ones in work, later ones booked. Lines are priced as a booking prices them.
 */
export async function planDemoWorkshops(database: Database, asOf: string, now: Date, rng: Rng, log: Logger) {
  const db = database.db;
  const started = Date.now();
  const catalog = demoServiceCatalog();
  const works = await execRows<{
    id: number;
    code: string;
    name: string;
    skill: Skill;
    labour_minutes: number;
  }>(db, sql`SELECT id, code, name, skill, labour_minutes FROM service_works`);
  const byModel = new Map<string, Map<string, number>>();
  for (const t of catalog.times) {
    const m = byModel.get(t.code) ?? new Map<string, number>();
    m.set(modelKey(t.make, t.model), Math.round(t.hours * 60));
    byModel.set(t.code, m);
  }
  const entry = new Map<string, CatalogEntry>(
    works.map((w) => [
      w.code,
      {
        id: w.id,
        code: w.code,
        name: w.name,
        skill: w.skill,
        minutes: w.labour_minutes,
        byModel: byModel.get(w.code) ?? new Map(),
      },
    ]),
  );
  const parts = new Map(
    (
      await execRows<{ id: number; article: string; name: string; price_kopecks: number }>(
        db,
        sql`SELECT id, article, name, price_kopecks FROM service_parts`,
      )
    ).map((p) => [p.article, p]),
  );
  const schedules = new Map(catalog.schedules.map((s) => [modelKey(s.make, s.model), s]));
  const from = dayToIso(isoToDay(asOf) - 1);
  const to = dayToIso(isoToDay(asOf) + 15);
  const visits = await execRows<Visit>(
    db,
    sql`SELECT w.id, w.dealership_id, w.kind, w.status, w.summary, w.booking_channel, w.opened_at, v.make, v.model
          FROM work_orders w JOIN vehicles v ON v.id = w.vehicle_id
         WHERE w.opened_at >= ${from}::date AND w.opened_at < ${to}::date
           AND w.status IN ('booked', 'arrived', 'in_work', 'ready', 'delivered')
         ORDER BY w.dealership_id, w.opened_at, w.id`,
  );
  const centres = await execRows<{
    dealership_id: number;
    opening_hours: OpeningHours;
    rules: BookingRules;
    rate: number;
    timezone: string;
  }>(
    db,
    sql`SELECT w.dealership_id, w.opening_hours, w.rules, w.labour_rate_kopecks AS rate, d.timezone
          FROM workshops w JOIN dealerships d ON d.id = w.dealership_id`,
  );
  const posts = await execRows<{ id: number; dealership_id: number; skills: string[] }>(
    db,
    sql`SELECT id, dealership_id, skills FROM service_posts WHERE active`,
  );
  const techs = await execRows<{ id: number; dealership_id: number; skills: string[]; shift: ShiftPattern }>(
    db,
    sql`SELECT id, dealership_id, skills, shift FROM technicians WHERE active`,
  );

  const planned: {
    id: number;
    post: number;
    tech: number;
    start: string;
    end: string;
    status: string;
    channel: string;
  }[] = [];
  const lines: unknown[] = [];
  let unplanned = 0;
  for (const c of centres) {
    const plan: WorkshopPlan & { jobs: PlannedJob[] } = {
      timezone: c.timezone,
      openingHours: c.opening_hours,
      // Story visits were booked days ago: no lead time, and no online cap on the past's decisions.
      rules: { ...BookingRules.parse(c.rules), leadMinutes: 0, onlineShare: 1 },
      posts: posts.filter((p) => p.dealership_id === c.dealership_id),
      technicians: techs
        .filter((t) => t.dealership_id === c.dealership_id)
        .map((t) => ({ id: t.id, skills: t.skills, shift: t.shift, absences: [] })),
      jobs: [],
    };
    const failures = new Map<string, number>();
    for (const v of visits) {
      if (v.dealership_id !== c.dealership_id) continue;
      const day = localDay(c.timezone, new Date(v.opened_at).getTime());
      // A day that refused five visits in a row is full: the rest of its visits wait unplanned.
      if ((failures.get(day) ?? 0) >= 5) {
        unplanned++;
        continue;
      }
      const codes = v.kind === "maintenance" ? MAINTENANCE_WORKS : (REPAIR_WORKS[v.summary] ?? ["DIAG-COMP"]);
      const job = planJob(
        codes.map((code) => entry.get(code)!),
        v,
        plan.rules.stepMinutes,
      );
      const dayStart = new Date(`${day}T00:00:00Z`).getTime() - 14 * 3_600_000;
      const [slot] = findSlots(plan, {
        durationMinutes: job.minutes,
        skills: job.skills,
        online: false,
        now: dayStart,
        from: new Date(v.opened_at).getTime() - 2 * 3_600_000,
        until: new Date(`${nextDay(day)}T00:00:00Z`).getTime(),
        limit: 1,
      });
      if (!slot) {
        failures.set(day, (failures.get(day) ?? 0) + 1);
        unplanned++;
        continue;
      }
      failures.set(day, 0);
      plan.jobs.push({
        postId: slot.postId,
        technicianId: slot.technicianId,
        start: slot.start,
        end: slot.end,
        online: false,
      });
      const status = todayStatus(
        v.status,
        slot.start,
        slot.end,
        now.getTime(),
        day === asOf,
        rng.fork(`wo:${v.id}`),
      );
      planned.push({
        id: v.id,
        post: slot.postId,
        tech: slot.technicianId,
        start: new Date(slot.start).toISOString(),
        end: new Date(slot.end).toISOString(),
        status,
        channel: v.booking_channel === "walk_in" && status === "booked" ? "call" : v.booking_channel,
      });
      for (const w of job.works) {
        const price = Math.round((Number(c.rate) * w.minutes) / 60);
        lines.push({
          wo: v.id,
          kind: "work",
          work_id: w.id,
          part_id: null,
          code: w.code,
          name: w.name,
          quantity: 1,
          minutes: w.minutes,
          price,
          amount: price,
        });
      }
      const schedule = v.kind === "maintenance" ? schedules.get(modelKey(v.make, v.model)) : undefined;
      for (const p of schedule?.parts ?? []) {
        const part = parts.get(p.article);
        if (!part) continue;
        const price = Number(part.price_kopecks);
        lines.push({
          wo: v.id,
          kind: "part",
          work_id: null,
          part_id: part.id,
          code: part.article,
          name: part.name,
          quantity: p.quantity,
          minutes: null,
          price,
          amount: Math.round(price * p.quantity),
        });
      }
    }
  }
  for (let i = 0; i < planned.length; i += 2000) {
    await db.execute(sql`UPDATE work_orders w SET post_id = x.post, technician_id = x.tech, planned_start = x.start, planned_end = x.end,
                                opened_at = x.start, promised_at = x.end, status = x.status, booking_channel = x.channel,
                                arrived_at = CASE WHEN x.status <> 'booked' THEN x.start END,
                                closed_at = CASE WHEN x.status = 'delivered' THEN x.end END
                           FROM json_to_recordset(${JSON.stringify(planned.slice(i, i + 2000))}::json)
                             AS x(id int, post int, tech int, start timestamptz, "end" timestamptz, status text, channel text)
                          WHERE w.id = x.id`);
  }
  for (let i = 0; i < lines.length; i += 5000) {
    await db.execute(sql`INSERT INTO work_order_lines (work_order_id, kind, work_id, part_id, code, name, quantity, labour_minutes, price_kopecks, amount_kopecks)
      SELECT wo, kind, work_id, part_id, code, name, quantity, minutes, price, amount
        FROM json_to_recordset(${JSON.stringify(lines.slice(i, i + 5000))}::json)
          AS x(wo int, kind text, work_id int, part_id int, code text, name text, quantity numeric, minutes int, price bigint, amount bigint)`);
  }
  await db.execute(sql`UPDATE work_orders w SET amount_kopecks = l.total
                         FROM (SELECT work_order_id, sum(amount_kopecks) AS total FROM work_order_lines GROUP BY 1) l
                        WHERE l.work_order_id = w.id AND w.amount_kopecks = 0`);
  const summary = {
    planned: planned.length,
    unplanned,
    lines: lines.length,
    seconds: (Date.now() - started) / 1000,
  };
  log.info(summary, "demo workshops planned");
  return summary;
}

/** A job's status at "now" on the demo's day: done ones ready or delivered, running ones in work. */
function todayStatus(
  drawn: string,
  start: number,
  end: number,
  now: number,
  today: boolean,
  rng: Rng,
): string {
  if (!today) return drawn === "booked" || start > now ? "booked" : drawn;
  if (start > now) return "booked";
  if (end <= now) return rng.chance(0.6) ? "delivered" : "ready";
  return rng.chance(0.15) ? "waiting_parts" : "in_work";
}
