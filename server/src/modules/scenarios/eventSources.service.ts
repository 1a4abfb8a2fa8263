import { createHash, randomBytes } from "node:crypto";
import type { EventSource, EventSourceCreated } from "@orbit/contracts";
import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, notFound, unauthorized } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { eventSources } from "./schema";

type Source = "site" | "portal" | "app";
type Row = typeof eventSources.$inferSelect;
const toDto = (r: Row): EventSourceDto => ({
  id: r.id,
  name: r.name,
  source: r.source,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
});
type EventSourceDto = z.infer<typeof EventSource>;

export const keyHash = (key: string) => createHash("sha256").update(key).digest("hex");

// Every batch carries the key; a minute's cache spares a query per batch. A disabled key may be
// accepted for up to that minute.
const KEY_CACHE_MS = 60_000;
const cache = new Map<string, { source: Source; name: string; at: number }>();

/** The sender of a batch, by its key. */
export async function eventSourceByKey(db: Db, key: string | undefined) {
  if (!key || key.length > 200) throw unauthorized("An event source key is required (X-Orbit-Key)");
  const hash = keyHash(key);
  const cached = cache.get(hash);
  if (cached && Date.now() - cached.at < KEY_CACHE_MS) return cached;
  const [row] = await execRows<{ source: Source; name: string }>(
    db,
    sql`SELECT source, name FROM event_sources WHERE key_hash = ${hash} AND active`,
  );
  if (!row) throw unauthorized("Unknown or disabled event source key");
  const entry = { ...row, at: Date.now() };
  cache.set(hash, entry);
  return entry;
}

export async function listEventSources(db: Db): Promise<EventSourceDto[]> {
  return (await db.select().from(eventSources).orderBy(asc(eventSources.id))).map(toDto);
}

/**
 * Connects a new sender. `key` is given by the caller (the demo's fixed key) or made here; either way
 * it is returned once and only its hash is stored.
 */
export async function createEventSource(
  db: Db,
  by: ActingAs,
  input: { name: string; source: Source },
  key = randomBytes(24).toString("base64url"),
): Promise<z.infer<typeof EventSourceCreated>> {
  const [row] = await db
    .insert(eventSources)
    .values({ name: input.name, source: input.source, keyHash: keyHash(key) })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`An event source named "${input.name}" already exists`);
  await recordAction(db, by, {
    entityType: "event_source",
    entityId: row.id,
    action: "create",
    processStep: "scenarios.sources",
    after: toDto(row),
  });
  return { ...toDto(row), key };
}

/** Switches a sender's key off (a leaked key) or back on. */
export async function setEventSourceActive(
  db: Db,
  by: ActingAs,
  id: number,
  active: boolean,
): Promise<EventSourceDto> {
  const [before] = await db.select().from(eventSources).where(eq(eventSources.id, id)).for("update");
  if (!before) throw notFound("Event source");
  const [after] = await db.update(eventSources).set({ active }).where(eq(eventSources.id, id)).returning();
  if (!active) cache.clear();
  await recordAction(db, by, {
    entityType: "event_source",
    entityId: id,
    action: "update",
    processStep: "scenarios.sources",
    before: toDto(before),
    after: toDto(after!),
  });
  return toDto(after!);
}
