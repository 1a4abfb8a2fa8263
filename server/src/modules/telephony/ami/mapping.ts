import type { CallEvent } from "../events";
import type { AmiMessage } from "./protocol";

/**
 * Turns Asterisk's channel events (Asterisk 12+ names: Newchannel, DialBegin, DialEnd, BridgeEnter,
 * Hangup, VarSet) into Orbit's call events. A call is its Linkedid: the first channel (the trunk for an
 * incoming call, the employee's phone for an outgoing one) and every channel dialled from it share it.
 * Event ids are built from what Asterisk sends, so the same sequence replayed after a reconnect is
 * recognised as already seen.
 */
export interface AmiMappingOptions {
  /** Dialplan contexts where calls from outside arrive (e.g. from-trunk, from-pstn). */
  incomingContexts: readonly string[];
  /** Where the PBX serves MixMonitor's files over HTTP; null when recordings are not reachable. */
  recordingsUrl: string | null;
}

interface Tracked {
  direction: "in" | "out";
  answered: boolean;
  lastDialStatus: string | null;
  recordingFile: string | null;
}

/** PJSIP/101-00000002, SIP/101-0000a, IAX2/101-1, Local/101@from-internal-...;1 -> "101". */
export function extensionOf(channel: string | undefined): string | null {
  if (!channel) return null;
  const m = /^(?:PJSIP|SIP|IAX2|Local)\/([0-9]{2,6})(?:[-@])/.exec(channel);
  return m ? (m[1] as string) : null;
}

const REASONS: Record<string, CallEvent["reason"]> = {
  NOANSWER: "no_answer",
  BUSY: "busy",
  CANCEL: "cancelled",
  CONGESTION: "failed",
  CHANUNAVAIL: "failed",
};

export class AmiCallMapper {
  private readonly calls = new Map<string, Tracked>();
  constructor(private readonly options: AmiMappingOptions) {}

  map(e: AmiMessage, received: Date = new Date()): CallEvent[] {
    const name = e.Event;
    const linkedId = e.Linkedid ?? e.Uniqueid;
    if (!name || !linkedId) return [];
    const at = e.Timestamp ? new Date(Number(e.Timestamp) * 1000) : received;
    const first = e.Uniqueid === linkedId;
    const base = { callId: linkedId, at };
    const tracked = this.calls.get(linkedId);

    if (name === "Newchannel" && first && !tracked) {
      if (this.options.incomingContexts.includes(e.Context ?? "")) {
        this.calls.set(linkedId, {
          direction: "in",
          answered: false,
          lastDialStatus: null,
          recordingFile: null,
        });
        return [
          {
            ...base,
            eventId: `start:${linkedId}`,
            type: "started",
            direction: "in",
            ...(e.CallerIDNum ? { number: e.CallerIDNum } : {}),
            ...(e.Exten && e.Exten !== "s" ? { line: e.Exten } : {}),
          },
        ];
      }
      const extension = extensionOf(e.Channel);
      // An employee dialling a number outside (longer than an extension).
      if (extension && e.Exten && /^\+?\d{6,}$/.test(e.Exten)) {
        this.calls.set(linkedId, {
          direction: "out",
          answered: false,
          lastDialStatus: null,
          recordingFile: null,
        });
        return [
          {
            ...base,
            eventId: `start:${linkedId}`,
            type: "started",
            direction: "out",
            number: e.Exten,
            extension,
          },
        ];
      }
      return [];
    }
    if (!tracked) return [];

    if (name === "DialBegin" && tracked.direction === "in") {
      const extension = extensionOf(e.DestChannel) ?? e.DestExten ?? null;
      if (!extension) return [];
      return [{ ...base, eventId: `ring:${e.DestUniqueid ?? extension}`, type: "ringing", extension }];
    }
    if (name === "DialEnd") {
      tracked.lastDialStatus = e.DialStatus ?? null;
      if (e.DialStatus !== "ANSWER" || tracked.answered) return [];
      tracked.answered = true;
      const extension = tracked.direction === "in" ? extensionOf(e.DestChannel) : extensionOf(e.Channel);
      return extension ? [{ ...base, eventId: `answer:${linkedId}`, type: "answered", extension }] : [];
    }
    if (name === "VarSet" && e.Variable === "MIXMONITOR_FILENAME" && e.Value) {
      tracked.recordingFile = e.Value;
      return [];
    }
    if (name === "Hangup" && first) {
      this.calls.delete(linkedId);
      const reason = tracked.answered ? "completed" : (REASONS[tracked.lastDialStatus ?? ""] ?? "no_answer");
      const out: CallEvent[] = [{ ...base, eventId: `end:${linkedId}`, type: "ended", reason }];
      if (tracked.answered && tracked.recordingFile && this.options.recordingsUrl) {
        const file = tracked.recordingFile.split("/").pop() as string;
        out.push({
          ...base,
          eventId: `recording:${linkedId}`,
          type: "recording",
          recordingUrl: new URL(encodeURIComponent(file), withSlash(this.options.recordingsUrl)).toString(),
        });
      }
      return out;
    }
    return [];
  }
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
