import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs, Actor } from "../staff/actor";
import { canAccessDealership } from "../staff/scope";
import { MANGO_RECORDING } from "./mango";
import { mangoSign } from "./signature";
import { DEMO_RECORDING, demoRecording } from "./wav";

export interface RecordingStream {
  contentType: string;
  length: number | null;
  body: Readable | Buffer;
}

/**
 * A call's recording, streamed through Orbit so the PBX's address (and its credentials) never reach the
 * browser, and only a supervisor may listen. Every listen is in the action log.
 */
export async function openRecording(
  db: Db,
  actor: Actor,
  by: ActingAs,
  interactionId: number,
): Promise<RecordingStream> {
  const [row] = await execRows<{
    recording_url: string | null;
    dealership_id: number | null;
    party_id: number;
    pbx_id: number | null;
  }>(
    db,
    sql`SELECT i.recording_url, i.dealership_id, i.party_id, c.pbx_id
          FROM interactions i LEFT JOIN calls c ON c.id = (i.payload->>'callId')::int
         WHERE i.id = ${interactionId} AND i.channel = 'call'`,
  );
  if (!row?.recording_url || !canAccessDealership(actor, row.dealership_id)) throw notFound("Recording");
  await recordAction(db, by, {
    entityType: "interaction",
    entityId: interactionId,
    action: "listen",
    processStep: "call.recording.listen",
    after: { clientId: row.party_id },
    dealershipId: row.dealership_id,
  });
  const url = row.recording_url;
  if (url.startsWith(DEMO_RECORDING)) {
    const body = demoRecording(url);
    return { contentType: "audio/wav", length: body.length, body };
  }
  if (url.startsWith(MANGO_RECORDING) && row.pbx_id !== null)
    return fetchMango(db, row.pbx_id, url.slice(MANGO_RECORDING.length));
  if (/^https?:\/\//.test(url)) return fetchStream(url, { method: "GET" });
  throw notFound("Recording");
}

async function fetchMango(db: Db, pbxId: number, recordingId: string): Promise<RecordingStream> {
  const [pbx] = await execRows<{ api_key: string; secret: string; api_url: string }>(
    db,
    sql`SELECT api_key, secret, api_url FROM pbx_connections WHERE id = ${pbxId}`,
  );
  if (!pbx) throw notFound("Recording");
  // Mango's "recording/post" query answers with the file (after a redirect) for action "play".
  const json = JSON.stringify({ recording_id: recordingId, action: "play" });
  const form = new URLSearchParams({
    vpbx_api_key: pbx.api_key,
    sign: mangoSign(pbx.api_key, json, pbx.secret),
    json,
  });
  return fetchStream(`${pbx.api_url.replace(/\/$/, "")}/queries/recording/post/`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
}

async function fetchStream(url: string, init: RequestInit): Promise<RecordingStream> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "follow", signal: AbortSignal.timeout(15_000) });
  } catch {
    throw new HttpError(502, "pbx_unreachable", "The telephone system does not answer; try again later");
  }
  if (!res.ok || !res.body)
    throw new HttpError(502, "pbx_failed", `The telephone system answered ${res.status}`);
  const length = Number(res.headers.get("content-length"));
  return {
    contentType: res.headers.get("content-type") ?? "audio/mpeg",
    length: Number.isFinite(length) && length > 0 ? length : null,
    body: Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
  };
}
