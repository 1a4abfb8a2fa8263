import type { CallEvent } from "./events";

/**
 * Mango Office VPBX API events (the "events/call", "events/summary" and "events/recording" notifications
 * Mango posts to the integration's address, form fields vpbx_api_key, sign, json).
 *
 * events/call: one per change of a call leg: call_state Appeared | Connected | OnHold | Disconnected,
 * location ivr | queue | abonent, from/to { number, extension }, entry_id (the whole call), call_id (the
 * leg), seq, timestamp (Unix seconds). events/summary: once per call when it is over: call_direction
 * (1 incoming, 2 outgoing, 0 internal), create_time, forward_time, talk_time, end_time, entry_result
 * (1 answered, 0 not), disconnect_reason. events/recording: recording_id, recording_state
 * (Started | Continued | Completed), entry_id, call_id, extension, timestamp.
 */
export type MangoKind = "call" | "summary" | "recording";

interface Party {
  number?: string;
  extension?: string;
  line_number?: string;
}

export class MangoFormatError extends Error {}

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
const num = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};
const party = (v: unknown): Party => (v && typeof v === "object" ? (v as Party) : {});
const unix = (s: number | undefined): Date => {
  if (s === undefined) throw new MangoFormatError("timestamp missing");
  return new Date(s * 1000);
};

/** Null for notifications that change nothing Orbit tracks (IVR hops, holds, internal calls). */
export function fromMango(
  kind: MangoKind,
  body: Record<string, unknown>,
  recordingUrl: (id: string) => string,
): CallEvent | null {
  const entryId = str(body.entry_id);
  if (!entryId) throw new MangoFormatError("entry_id missing");
  if (kind === "call") {
    const from = party(body.from);
    const to = party(body.to);
    const seq = num(body.seq);
    const callId = str(body.call_id) ?? entryId;
    const at = unix(num(body.timestamp));
    const state = str(body.call_state);
    const location = str(body.location);
    // An employee calling out: the leg starts at their extension; the client is "to".
    const outgoing = Boolean(from.extension) && !to.extension;
    const base = {
      eventId: `call:${callId}:${seq ?? at.getTime()}:${state}`,
      callId: entryId,
      at,
      direction: outgoing ? ("out" as const) : ("in" as const),
    };
    const number = outgoing ? str(to.number) : str(from.number);
    const line = str(to.line_number) ?? (outgoing ? str(from.number) : str(to.number));
    const withNumbers = { ...base, ...(number ? { number } : {}), ...(line ? { line } : {}) };
    if (state === "Appeared") {
      if (outgoing) return { ...withNumbers, type: "started", extension: from.extension as string };
      if (location === "abonent" && to.extension)
        return { ...withNumbers, type: "ringing", extension: to.extension };
      return { ...withNumbers, type: "started" };
    }
    if (state === "Connected" && location === "abonent") {
      const extension = outgoing ? from.extension : to.extension;
      return extension ? { ...withNumbers, type: "answered", extension } : null;
    }
    return null;
  }
  if (kind === "summary") {
    const direction = num(body.call_direction);
    if (direction === 0) return null;
    const out = direction === 2;
    const from = party(body.from);
    const to = party(body.to);
    const answered = num(body.entry_result) === 1;
    const number = out ? str(to.number) : str(from.number);
    const line = str(body.line_number);
    return {
      eventId: `summary:${entryId}`,
      callId: entryId,
      type: "ended",
      at: unix(num(body.end_time)),
      direction: out ? "out" : "in",
      ...(number ? { number } : {}),
      ...(line ? { line } : {}),
      reason: answered ? "completed" : "no_answer",
    };
  }
  const recordingId = str(body.recording_id);
  if (!recordingId) throw new MangoFormatError("recording_id missing");
  if (str(body.recording_state) !== "Completed") return null;
  return {
    eventId: `recording:${recordingId}`,
    callId: entryId,
    type: "recording",
    at: unix(num(body.timestamp)),
    recordingUrl: recordingUrl(recordingId),
  };
}

/** What Orbit stores as a Mango recording's address; played through Mango's recording/post query. */
export const MANGO_RECORDING = "mango-recording:";
