import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import type { CallEvent } from "./events";
import { ingestCallEvent, type PbxRow } from "./ingest.service";
import { userByExtension } from "./lookup";

/** The built-in PBX of the demo (no telephone system is connected): calls made from the UI. */
export const SIMULATOR_CODE = "simulator";

async function simulator(db: Db): Promise<PbxRow> {
  const [pbx] = await execRows<PbxRow>(
    db,
    sql`SELECT id, code, kind, dealership_id AS "dealershipId" FROM pbx_connections WHERE code = ${SIMULATOR_CODE} AND active`,
  );
  if (!pbx) throw conflict("The call simulator is off: it exists in the demo group only");
  return pbx;
}

/** An incoming call from the number, ringing at the extension, exactly as a PBX would report it. */
export async function simulateIncoming(db: Db, input: { from: string; extension: string }): Promise<number> {
  const pbx = await simulator(db);
  if (!(await userByExtension(db, input.extension)))
    throw invalid("body.extension", "no employee has this extension");
  const callId = randomUUID();
  const at = new Date();
  const [line] = await execRows<{ phone: string }>(
    db,
    sql`SELECT phone FROM dealerships ORDER BY id LIMIT 1`,
  );
  const base = {
    callId,
    at,
    direction: "in" as const,
    number: input.from,
    ...(line ? { line: line.phone } : {}),
  };
  await ingestCallEvent(db, pbx, { ...base, eventId: `${callId}:start`, type: "started" });
  const rung = await ingestCallEvent(db, pbx, {
    ...base,
    eventId: `${callId}:ring`,
    type: "ringing",
    extension: input.extension,
  });
  return rung.callId as number;
}

/** What the employee's phone would report next: picked up, or hung up (missed when never picked up). */
export async function simulateNext(db: Db, callId: number, action: "answer" | "end"): Promise<void> {
  const pbx = await simulator(db);
  const [call] = await execRows<{
    external_id: string;
    extension: string | null;
    state: string;
    pbx_id: number;
  }>(db, sql`SELECT external_id, extension, state, pbx_id FROM calls WHERE id = ${callId}`);
  if (!call || call.pbx_id !== pbx.id) throw notFound("Simulated call");
  const e: CallEvent = {
    eventId: `${call.external_id}:${action}`,
    callId: call.external_id,
    at: new Date(),
    type: action === "answer" ? "answered" : "ended",
    ...(call.extension ? { extension: call.extension } : {}),
  };
  await ingestCallEvent(db, pbx, e);
  if (action === "end" && call.state === "answered") {
    await ingestCallEvent(db, pbx, {
      eventId: `${call.external_id}:recording`,
      callId: call.external_id,
      at: new Date(),
      type: "recording",
      recordingUrl: `orbit-demo:${call.external_id}`,
    });
  }
}
