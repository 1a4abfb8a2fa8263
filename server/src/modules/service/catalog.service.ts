import type {
  CatalogWork,
  CatalogWorkInput,
  MaintenanceSchedule,
  MaintenanceScheduleInput,
  Part,
  PartListQuery,
  PriceListImportResult,
} from "@orbit/contracts";
import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { type CatalogEntry, modelKey } from "./jobPlan";
import { PriceListError, type PriceRow, parsePriceList } from "./priceList";
import { maintenanceSchedules, serviceParts, serviceWorks, serviceWorkTimes } from "./schema";

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export async function listWorks(db: Db): Promise<CatalogWork[]> {
  const rows = await execRows<{
    id: number;
    code: string;
    name: string;
    kind: CatalogWork["kind"];
    skill: CatalogWork["skill"];
    labour_minutes: number;
    by_model: { make: string; model: string; minutes: number }[];
  }>(
    db,
    sql`SELECT w.id, w.code, w.name, w.kind, w.skill, w.labour_minutes,
               coalesce((SELECT json_agg(json_build_object('make', t.make, 'model', t.model, 'minutes', t.labour_minutes)
                                  ORDER BY t.make, t.model)
                           FROM service_work_times t WHERE t.work_id = w.id), '[]') AS by_model
          FROM service_works w ORDER BY w.kind, w.code`,
  );
  return rows.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    kind: w.kind,
    skill: w.skill,
    hours: hours(w.labour_minutes),
    byModel: w.by_model.map((m) => ({ make: m.make, model: m.model, hours: hours(m.minutes) })),
  }));
}

/** Creates or replaces a work of the catalog by its code, with its labour time per model. */
export async function saveWork(
  db: Db,
  by: ActingAs,
  input: z.infer<typeof CatalogWorkInput>,
): Promise<CatalogWork> {
  const minutes = Math.round(input.hours * 60);
  const [row] = await db
    .insert(serviceWorks)
    .values({
      code: input.code,
      name: input.name,
      kind: input.kind,
      skill: input.skill,
      labourMinutes: minutes,
    })
    .onConflictDoUpdate({
      target: serviceWorks.code,
      set: {
        name: input.name,
        kind: input.kind,
        skill: input.skill,
        labourMinutes: minutes,
        updatedAt: new Date(),
      },
    })
    .returning({ id: serviceWorks.id });
  await db.delete(serviceWorkTimes).where(eq(serviceWorkTimes.workId, row!.id));
  const seen = new Set<string>();
  for (const [i, m] of input.byModel.entries()) {
    const key = modelKey(m.make, m.model);
    if (seen.has(key)) throw invalid(`body.byModel.${i}`, `${m.make} ${m.model} is listed twice`);
    seen.add(key);
  }
  if (input.byModel.length) {
    await db.insert(serviceWorkTimes).values(
      input.byModel.map((m) => ({
        workId: row!.id,
        make: m.make,
        model: m.model,
        labourMinutes: Math.round(m.hours * 60),
      })),
    );
  }
  await recordAction(db, by, {
    entityType: "service_work",
    entityId: row!.id,
    action: "save",
    processStep: "service.catalog",
    after: input,
    dealershipId: null,
  });
  const work = (await listWorks(db)).find((w) => w.id === row!.id);
  return work!;
}

/** The catalog's works by code, with their time per model, for planning a job. Unknown codes are an error. */
export async function catalogEntries(
  db: Db,
  codes: readonly string[],
  field = "body.works",
): Promise<CatalogEntry[]> {
  if (codes.length === 0) return [];
  const rows = await execRows<{
    id: number;
    code: string;
    name: string;
    skill: CatalogEntry["skill"];
    labour_minutes: number;
    by_model: { key: string; minutes: number }[] | null;
  }>(
    db,
    sql`SELECT w.id, w.code, w.name, w.skill, w.labour_minutes,
               (SELECT json_agg(json_build_object('key', lower(t.make) || '|' || lower(t.model), 'minutes', t.labour_minutes))
                  FROM service_work_times t WHERE t.work_id = w.id) AS by_model
          FROM service_works w WHERE w.code = ANY(${sql.param([...codes])}::text[])`,
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((code, i) => {
    const r = byCode.get(code);
    if (!r) throw invalid(`${field}.${i}`, `no work "${code}" in the catalog`);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      skill: r.skill,
      minutes: r.labour_minutes,
      byModel: new Map((r.by_model ?? []).map((m) => [m.key, m.minutes])),
    };
  });
}

const toPart = (p: typeof serviceParts.$inferSelect): Part => ({
  id: p.id,
  article: p.article,
  name: p.name,
  brand: p.brand,
  unit: p.unit,
  priceRub: p.priceKopecks / 100,
  updatedAt: p.updatedAt.toISOString(),
});

export async function listParts(
  db: Db,
  q: z.infer<typeof PartListQuery>,
): Promise<{ total: number; parts: Part[] }> {
  const term = q.q?.trim();
  const where = term
    ? sql`article LIKE ${`${term
        .replace(/\s+/g, "")
        .toUpperCase()
        .replace(/[%_\\]/g, "\\$&")}%`} OR name ILIKE ${`%${term.replace(/[%_\\]/g, "\\$&")}%`}`
    : sql`true`;
  const [count] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM service_parts WHERE ${where}`,
  );
  const rows = await db
    .select()
    .from(serviceParts)
    .where(where)
    .orderBy(asc(serviceParts.article))
    .limit(q.limit)
    .offset(q.offset);
  return { total: count?.n ?? 0, parts: rows.map(toPart) };
}

/**
 * Loads an ERP price list: new articles are added, known ones get the new name and price; the whole
 * file is one transaction (a price list is applied entirely or not at all) with one action-log entry.
 */
export async function importPriceList(
  db: Db,
  by: ActingAs,
  text: string,
  source: string,
): Promise<PriceListImportResult> {
  let parsed: ReturnType<typeof parsePriceList>;
  try {
    parsed = parsePriceList(text);
  } catch (err) {
    if (err instanceof PriceListError) throw invalid("body", err.message);
    throw invalid("body", `the file is not readable CSV: ${(err as Error).message}`);
  }
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (let i = 0; i < parsed.rows.length; i += 2000) {
    const chunk = parsed.rows.slice(i, i + 2000);
    const counts = await upsertParts(db, chunk, source);
    created += counts.created;
    updated += counts.updated;
    unchanged += chunk.length - counts.created - counts.updated;
  }
  const result = {
    rows: parsed.rows.length + parsed.rejected.length,
    created,
    updated,
    unchanged,
    rejected: parsed.rejected,
  };
  await recordAction(db, by, {
    entityType: "price_list",
    entityId: source,
    action: "import",
    processStep: "service.catalog",
    after: { ...result, rejected: result.rejected.length },
    dealershipId: null,
  });
  return result;
}

async function upsertParts(db: Db, rows: PriceRow[], source: string) {
  const [r] = await execRows<{ created: number; updated: number }>(
    db,
    sql`WITH input AS (
          SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json)
            AS x(article text, name text, brand text, unit text, "priceKopecks" bigint)),
        up AS (
          INSERT INTO service_parts AS p (article, name, brand, unit, price_kopecks, source)
          SELECT article, name, brand, unit, "priceKopecks", ${source} FROM input
          ON CONFLICT (article) DO UPDATE SET name = excluded.name, brand = excluded.brand, unit = excluded.unit,
                 price_kopecks = excluded.price_kopecks, source = excluded.source, updated_at = now()
           WHERE (p.name, p.brand, p.unit, p.price_kopecks) IS DISTINCT FROM
                 (excluded.name, excluded.brand, excluded.unit, excluded.price_kopecks)
          RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
  );
  return { created: r?.created ?? 0, updated: r?.updated ?? 0 };
}

/** Parts by article with their current prices. Unknown articles are an error. */
export async function partsByArticle(db: Db, articles: readonly string[], field: string) {
  if (articles.length === 0) return [];
  const rows = await execRows<{ id: number; article: string; name: string; price_kopecks: number }>(
    db,
    sql`SELECT id, article, name, price_kopecks FROM service_parts WHERE article = ANY(${sql.param([...articles])}::text[])`,
  );
  const byArticle = new Map(rows.map((r) => [r.article, r]));
  return articles.map((a, i) => {
    const p = byArticle.get(a);
    if (!p) throw invalid(`${field}.${i}`, `no part "${a}" in the price list`);
    return { id: p.id, article: p.article, name: p.name, priceKopecks: Number(p.price_kopecks) };
  });
}

const toSchedule = (s: typeof maintenanceSchedules.$inferSelect): MaintenanceSchedule => ({
  id: s.id,
  make: s.make,
  model: s.model,
  intervalKm: s.intervalKm,
  intervalMonths: s.intervalMonths,
  works: s.works,
  parts: s.parts,
});

export async function listSchedules(db: Db): Promise<MaintenanceSchedule[]> {
  const rows = await db
    .select()
    .from(maintenanceSchedules)
    .orderBy(asc(maintenanceSchedules.make), asc(maintenanceSchedules.model));
  return rows.map(toSchedule);
}

export async function saveSchedule(
  db: Db,
  by: ActingAs,
  input: z.infer<typeof MaintenanceScheduleInput>,
): Promise<MaintenanceSchedule> {
  await catalogEntries(db, input.works);
  await partsByArticle(
    db,
    input.parts.map((p) => p.article),
    "body.parts",
  );
  const values = { ...input, updatedAt: new Date() };
  const [row] = await db
    .insert(maintenanceSchedules)
    .values(values)
    .onConflictDoUpdate({ target: [maintenanceSchedules.make, maintenanceSchedules.model], set: values })
    .returning();
  await recordAction(db, by, {
    entityType: "maintenance_schedule",
    entityId: row!.id,
    action: "save",
    processStep: "service.catalog",
    after: input,
    dealershipId: null,
  });
  return toSchedule(row!);
}

/** The model's maintenance schedule, or null when the catalog has none for it. */
export async function scheduleFor(
  db: Db,
  make: string | null,
  model: string | null,
): Promise<MaintenanceSchedule | null> {
  if (!make || !model) return null;
  const [row] = await db
    .select()
    .from(maintenanceSchedules)
    .where(
      sql`lower(${maintenanceSchedules.make}) = lower(${make}) AND lower(${maintenanceSchedules.model}) = lower(${model})`,
    );
  return row ? toSchedule(row) : null;
}

export async function getSchedule(db: Db, id: number): Promise<MaintenanceSchedule> {
  const [row] = await db.select().from(maintenanceSchedules).where(eq(maintenanceSchedules.id, id));
  if (!row) throw notFound("Maintenance schedule");
  return toSchedule(row);
}
