import { randomBytes } from "node:crypto";
import type {
  CallScript,
  CallScriptInput,
  EscalationChain,
  EscalationChainInput,
  PbxConnection,
  PbxConnectionInput,
  PointsRule,
  PointsRuleInput,
} from "@orbit/contracts";
import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { callScripts, escalationChains, pbxConnections, pointsRules } from "./schema";

type ChainRow = typeof escalationChains.$inferSelect;

const toChain = (r: ChainRow): EscalationChain => ({
  id: r.id,
  name: r.name,
  dealershipId: r.dealershipId,
  strategy: r.strategy,
  steps: r.steps as EscalationChain["steps"],
  callbackQueue: r.callbackQueue,
  callbackSlaMinutes: r.callbackSlaMinutes,
  updatedAt: r.updatedAt.toISOString(),
});

/** Used when no chain is configured at all: the journal, the way most dealerships start. */
const FALLBACK: EscalationChain = {
  id: 0,
  name: "default",
  dealershipId: null,
  strategy: "journal",
  steps: [],
  callbackQueue: "call_center",
  callbackSlaMinutes: 30,
  updatedAt: new Date(0).toISOString(),
};

/** The dealership's own chain, else the group's default. */
export async function chainFor(db: Db, dealershipId: number | null): Promise<EscalationChain> {
  const rows = await db.select().from(escalationChains);
  const own = dealershipId === null ? undefined : rows.find((r) => r.dealershipId === dealershipId);
  const row = own ?? rows.find((r) => r.dealershipId === null);
  return row ? toChain(row) : FALLBACK;
}

export async function chainById(db: Db, id: number | null): Promise<EscalationChain | null> {
  if (id === null) return null;
  const [row] = await db.select().from(escalationChains).where(eq(escalationChains.id, id));
  return row ? toChain(row) : null;
}

export async function listChains(db: Db): Promise<EscalationChain[]> {
  return (await db.select().from(escalationChains).orderBy(asc(escalationChains.id))).map(toChain);
}

export async function saveChain(
  db: Db,
  by: ActingAs,
  id: number | null,
  input: z.output<typeof EscalationChainInput>,
): Promise<EscalationChain> {
  const clash = await execRows<{ id: number }>(
    db,
    sql`SELECT id FROM escalation_chains WHERE coalesce(dealership_id, 0) = ${input.dealershipId ?? 0}
         AND id <> ${id ?? 0}`,
  );
  if (clash.length) {
    throw conflict("This dealership already has a chain", [
      { field: "dealershipId", message: "already has a chain" },
    ]);
  }
  const values = { ...input, updatedByUserId: by.userId, updatedAt: new Date() };
  let before: ChainRow | undefined;
  let row: ChainRow | undefined;
  if (id === null) {
    [row] = await db.insert(escalationChains).values(values).returning();
  } else {
    [before] = await db.select().from(escalationChains).where(eq(escalationChains.id, id));
    if (!before) throw notFound("Escalation chain");
    [row] = await db.update(escalationChains).set(values).where(eq(escalationChains.id, id)).returning();
  }
  const saved = toChain(row as ChainRow);
  await recordAction(db, by, {
    entityType: "escalation_chain",
    entityId: saved.id,
    action: id === null ? "create" : "update",
    processStep: "telephony.configure",
    before: before ? toChain(before) : undefined,
    after: saved,
  });
  return saved;
}

type ScriptRow = typeof callScripts.$inferSelect;
const toScript = (r: ScriptRow): CallScript => ({
  id: r.id,
  name: r.name,
  targetS: r.targetS,
  steps: r.steps as CallScript["steps"],
  active: r.active,
  updatedAt: r.updatedAt.toISOString(),
});

/** The script an operator follows on a call: the active one changed last. */
export async function defaultScript(db: Db): Promise<CallScript | null> {
  const [row] = await db
    .select()
    .from(callScripts)
    .where(eq(callScripts.active, true))
    .orderBy(sql`${callScripts.updatedAt} DESC`)
    .limit(1);
  return row ? toScript(row) : null;
}

export async function scriptById(db: Db, id: number | null): Promise<CallScript | null> {
  if (id === null) return null;
  const [row] = await db.select().from(callScripts).where(eq(callScripts.id, id));
  return row ? toScript(row) : null;
}

export async function listScripts(db: Db): Promise<CallScript[]> {
  return (await db.select().from(callScripts).orderBy(asc(callScripts.id))).map(toScript);
}

export async function saveScript(
  db: Db,
  by: ActingAs,
  id: number | null,
  input: z.output<typeof CallScriptInput>,
): Promise<CallScript> {
  const values = { ...input, updatedByUserId: by.userId, updatedAt: new Date() };
  let before: ScriptRow | undefined;
  let row: ScriptRow | undefined;
  if (id === null) [row] = await db.insert(callScripts).values(values).returning();
  else {
    [before] = await db.select().from(callScripts).where(eq(callScripts.id, id));
    if (!before) throw notFound("Call script");
    [row] = await db.update(callScripts).set(values).where(eq(callScripts.id, id)).returning();
  }
  const saved = toScript(row as ScriptRow);
  await recordAction(db, by, {
    entityType: "call_script",
    entityId: saved.id,
    action: id === null ? "create" : "update",
    processStep: "telephony.configure",
    before: before ? toScript(before) : undefined,
    after: saved,
  });
  return saved;
}

type RuleRow = typeof pointsRules.$inferSelect;
export const toRule = (r: RuleRow): PointsRule => ({
  id: r.id,
  code: r.code,
  event: r.event,
  points: r.points,
  multiplier: r.multiplier === null ? null : Number(r.multiplier),
  withinS: r.withinS,
  alsoAdvisor: r.alsoAdvisor,
  active: r.active,
});

export async function listRules(db: Db): Promise<PointsRule[]> {
  return (await db.select().from(pointsRules).orderBy(asc(pointsRules.id))).map(toRule);
}

export async function saveRule(
  db: Db,
  by: ActingAs,
  id: number | null,
  input: z.output<typeof PointsRuleInput>,
): Promise<PointsRule> {
  const [clash] = await db.select().from(pointsRules).where(eq(pointsRules.code, input.code));
  if (clash && clash.id !== id)
    throw conflict("A rule with this code exists", [{ field: "code", message: "taken" }]);
  const values = { ...input, updatedAt: new Date() };
  let before: RuleRow | undefined;
  let row: RuleRow | undefined;
  if (id === null) [row] = await db.insert(pointsRules).values(values).returning();
  else {
    [before] = await db.select().from(pointsRules).where(eq(pointsRules.id, id));
    if (!before) throw notFound("Points rule");
    [row] = await db.update(pointsRules).set(values).where(eq(pointsRules.id, id)).returning();
  }
  const saved = toRule(row as RuleRow);
  await recordAction(db, by, {
    entityType: "points_rule",
    entityId: saved.id,
    action: id === null ? "create" : "update",
    processStep: "telephony.configure",
    before: before ? toRule(before) : undefined,
    after: saved,
  });
  return saved;
}

type PbxRow = typeof pbxConnections.$inferSelect;
export const toPbx = (r: PbxRow): PbxConnection => {
  const ami = r.ami as {
    host: string;
    port: number;
    username: string;
    incomingContexts: string[];
    recordingsUrl: string | null;
  } | null;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    dealershipId: r.dealershipId,
    active: r.active,
    ami: ami
      ? {
          host: ami.host,
          port: ami.port,
          username: ami.username,
          incomingContexts: ami.incomingContexts,
          recordingsUrl: ami.recordingsUrl,
        }
      : null,
    apiUrl: r.apiUrl,
    createdAt: r.createdAt.toISOString(),
  };
};

export async function listPbx(db: Db): Promise<PbxConnection[]> {
  return (await db.select().from(pbxConnections).orderBy(asc(pbxConnections.id))).map(toPbx);
}

export async function pbxByCode(db: Db, code: string): Promise<PbxRow | null> {
  const [row] = await db.select().from(pbxConnections).where(eq(pbxConnections.code, code));
  return row?.active ? row : null;
}

export async function createPbx(
  db: Db,
  by: ActingAs,
  input: z.output<typeof PbxConnectionInput>,
): Promise<PbxConnection & { secret: string }> {
  const [clash] = await db.select().from(pbxConnections).where(eq(pbxConnections.code, input.code));
  if (clash) throw conflict("A connection with this code exists", [{ field: "code", message: "taken" }]);
  if (input.kind === "mango" && !input.apiKey)
    throw conflictField("apiKey", "Mango Office needs vpbx_api_key");
  if (input.kind === "mango" && !input.secret)
    throw conflictField("secret", "Mango Office needs vpbx_api_salt");
  if (input.kind === "asterisk" && (!input.ami || !input.secret))
    throw conflictField("ami", "Asterisk needs the AMI address and secret");
  const secret = input.secret ?? randomBytes(24).toString("base64url");
  const [row] = await db
    .insert(pbxConnections)
    .values({
      code: input.code,
      kind: input.kind,
      name: input.name,
      dealershipId: input.dealershipId,
      secret,
      apiKey: input.apiKey ?? null,
      apiUrl: input.apiUrl ?? (input.kind === "mango" ? "https://app.mango-office.ru/vpbx" : null),
      ami: input.ami ?? null,
    })
    .returning();
  const saved = toPbx(row as PbxRow);
  await recordAction(db, by, {
    entityType: "pbx_connection",
    entityId: saved.id,
    action: "create",
    processStep: "telephony.configure",
    after: saved,
  });
  return { ...saved, secret };
}

const conflictField = (field: string, message: string) => invalid(`body.${field}`, message);
