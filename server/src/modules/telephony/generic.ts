import type { GenericCallEvent } from "@orbit/contracts";
import type { CallEvent } from "./events";

const TYPES = {
  "call.started": "started",
  "call.ringing": "ringing",
  "call.answered": "answered",
  "call.ended": "ended",
  "call.recording": "recording",
} as const;

/** The documented generic webhook (docs/telephony.md) in Orbit's terms. */
export function fromGeneric(e: GenericCallEvent): CallEvent {
  const out: CallEvent = { eventId: e.id, callId: e.callId, type: TYPES[e.type], at: new Date(e.at) };
  if (e.direction) out.direction = e.direction;
  // The client's number is "from" on an incoming call and "to" on an outgoing one.
  const number = e.direction === "out" ? e.to : e.from;
  const line = e.direction === "out" ? e.from : e.to;
  if (number) out.number = number;
  if (line) out.line = line;
  if (e.extension) out.extension = e.extension;
  if (e.reason) out.reason = e.reason;
  if (e.recordingUrl) out.recordingUrl = e.recordingUrl;
  return out;
}
