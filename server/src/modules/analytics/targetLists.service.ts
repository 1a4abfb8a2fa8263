import type { TargetListFilter, TargetListPreview, TargetListTasksInput } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Database, type Db, execRows } from "../../platform/db/database";
import type { ActingAs } from "../staff/actor";
import { createCampaignTasks } from "../tasks/campaign.service";

type Filter = { segments: string[]; dealershipId?: number; inactiveDays?: number };

/**
 * The clients a campaign may contact: not merged, not blocked, of the chosen segments and home
 * dealership, and with no delivered work order in the last `inactiveDays` days.
 */
function targetClients(f: Filter, columns: SQL): SQL {
  return sql`SELECT ${columns} FROM parties p
              WHERE p.merged_into_id IS NULL AND p.status = 'active' AND NOT p.blocked
                ${f.segments.length ? sql`AND p.segment = ANY(${`{${f.segments.join(",")}}`}::text[])` : sql``}
                ${f.dealershipId === undefined ? sql`` : sql`AND p.home_dealership_id = ${f.dealershipId}`}
                ${
                  f.inactiveDays === undefined
                    ? sql``
                    : sql`AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.party_id = p.id AND w.status = 'delivered'
                                           AND w.opened_at >= now() - make_interval(days => ${f.inactiveDays}))`
                }`;
}

const PHONE = sql`(SELECT cp.value FROM contact_points cp WHERE cp.party_id = p.id AND cp.kind = 'phone' AND cp.valid_to IS NULL
                    ORDER BY cp.is_primary DESC, cp.id LIMIT 1)`;

export async function previewTargetList(db: Db, f: Filter): Promise<TargetListPreview> {
  const [count] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (${targetClients(f, sql`1`)}) l`,
  );
  const sample = await execRows<TargetListPreview["sample"][number]>(
    db,
    sql`${targetClients(f, sql`p.id, p.display_name AS name, ${PHONE} AS phone, p.segment`)} ORDER BY p.id LIMIT 50`,
  );
  return { total: count?.n ?? 0, sample };
}

/** The whole list as CSV (Orbit ID, name, phone, segment, home dealership), streamed by COPY. */
export function targetListCsv(database: Database, f: Filter): AsyncIterable<Uint8Array> {
  return database.copyOut(
    sql`SELECT p.id AS orbit_id, p.display_name AS name, ${PHONE} AS phone, p.segment,
               (SELECT d.name FROM dealerships d WHERE d.id = p.home_dealership_id) AS dealership
          FROM (${targetClients(f, sql`p.id`)}) l JOIN parties p ON p.id = l.id ORDER BY p.id`,
  );
}

export async function targetListTasks(
  db: Db,
  by: ActingAs,
  input: TargetListTasksInput & { filter: Filter },
): Promise<{ created: number }> {
  const dealership = input.filter.dealershipId ?? null;
  return createCampaignTasks(
    db,
    by,
    targetClients(
      input.filter,
      sql`p.id AS party_id, ${dealership === null ? sql`p.home_dealership_id` : sql`${dealership}::int`} AS dealership_id`,
    ),
    { campaign: input.campaign, dueOn: input.dueOn, queue: input.queue },
  );
}

export type { TargetListFilter };
