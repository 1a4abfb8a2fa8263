import type { ActionLogEntry, ActionLogQuery } from "@orbit/contracts";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { ActingAs } from "../staff/actor";
import { users } from "../staff/schema";
import { actionLog } from "./schema";

export interface ActionRecord {
  entityType: string;
  entityId: string | number;
  action: string;
  /** The business process step, e.g. "deal.appraisal" or "staff.onboarding"; mined for cycle times. */
  processStep?: string | null;
  before?: unknown;
  after?: unknown;
  dealershipId?: number | null;
}

const SECRET_KEYS = new Set(["password", "passwordHash", "password_hash", "csrfToken", "token"]);

/** Secrets never reach the log, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? "[redacted]" : redactSecrets(v);
    return out;
  }
  return value;
}

/** Appends to the action log. Call it inside the same transaction as the write it describes. */
export async function recordAction(db: Db, by: ActingAs, entry: ActionRecord): Promise<void> {
  await recordActions(db, by, [entry]);
}

export async function recordActions(db: Db, by: ActingAs, entries: readonly ActionRecord[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(actionLog).values(
    entries.map((e) => ({
      actorUserId: by.userId,
      actorRole: by.role,
      dealershipId: e.dealershipId === undefined ? by.dealershipId : e.dealershipId,
      entityType: e.entityType,
      entityId: String(e.entityId),
      action: e.action,
      processStep: e.processStep ?? null,
      before: e.before === undefined ? null : redactSecrets(e.before),
      after: e.after === undefined ? null : redactSecrets(e.after),
      requestId: by.requestId,
    })),
  );
}

/** Newest first, paged by id; dealership-scoped staff see only their dealership's entries. */
export async function listActions(
  db: Db,
  query: ActionLogQuery,
  scope: "all" | number[],
): Promise<ActionLogEntry[]> {
  const where: SQL[] = [];
  if (query.entityType) where.push(eq(actionLog.entityType, query.entityType));
  if (query.entityId) where.push(eq(actionLog.entityId, query.entityId));
  if (query.actorUserId) where.push(eq(actionLog.actorUserId, query.actorUserId));
  if (query.before) where.push(lt(actionLog.id, query.before));
  if (scope !== "all") where.push(inArray(actionLog.dealershipId, scope));
  const rows = await db
    .select({ log: actionLog, actorName: users.fullName })
    .from(actionLog)
    .leftJoin(users, eq(users.id, actionLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(actionLog.id))
    .limit(query.limit);
  return rows.map(({ log, actorName }) => ({
    id: log.id,
    at: log.at.toISOString(),
    actorUserId: log.actorUserId,
    actorName,
    actorRole: log.actorRole,
    dealershipId: log.dealershipId,
    entityType: log.entityType,
    entityId: log.entityId,
    action: log.action,
    processStep: log.processStep,
    before: log.before,
    after: log.after,
    requestId: log.requestId,
  }));
}
