import type { CsvValue } from "../copyBuffer";
import type { Rng } from "../random";
import type { DemoWorld, WorldDealership } from "../world";
import { moment } from "../world";
import type { Traits } from "./traits";

/** One client's story in the making: the facts later steps and the segment rules need. */
export interface ClientStory {
  w: DemoWorld;
  rng: Rng;
  partyId: number;
  kind: "person" | "company";
  home: WorldDealership;
  firstDay: number;
  /** Days of purchases and service visits, for the segment. */
  activity: number[];
  purchases: number;
  consent: { calls: boolean; sms: boolean; email: boolean };
  hasEmail: boolean;
  /** The client's duplicate card at another dealership, created when they first went there. */
  duplicates: Map<number, number>;
  /** Set when the client deserves a personal manager (premium car, fleet). */
  premium: boolean;
  /** What the client is like, driving their loyalty and their next purchase. */
  traits: Traits;
}

export type Channel = "call" | "sms" | "email" | "messenger" | "visit" | "web" | "app" | "note" | "task";

export interface InteractionRow {
  partyId: number;
  day: number;
  minute: number;
  channel: Channel;
  direction: "in" | "out" | null;
  dealershipId: number | null;
  userId: number | null;
  vehicleId?: number | null;
  subject: string;
  outcome?: string | null;
  durationS?: number | null;
  recordingUrl?: string | null;
  refType?: string | null;
  refId?: number | null;
}

export function interaction(w: DemoWorld, r: InteractionRow): void {
  if (r.day > w.today) return;
  const values: CsvValue[] = [
    r.partyId,
    moment(r.day, r.minute),
    r.channel,
    r.direction,
    r.dealershipId,
    r.userId,
    r.vehicleId ?? null,
    r.subject,
    r.outcome ?? null,
    r.durationS ?? null,
    r.recordingUrl ?? null,
    r.refType ?? null,
    r.refId ?? null,
  ];
  w.add("interactions", values);
}

/** A call as the telephony would log it: a recording for answered calls. */
export function call(
  c: ClientStory,
  day: number,
  direction: "in" | "out",
  dealershipId: number,
  userId: number | null,
  subject: string,
  extra: Partial<InteractionRow> = {},
): void {
  const answered = extra.outcome !== "no_answer";
  const durationS = answered ? Math.max(30, Math.round(c.rng.normal(260, 110))) : 0;
  const minute = c.rng.int(9 * 60, 20 * 60);
  interaction(c.w, {
    partyId: c.partyId,
    day,
    minute,
    channel: "call",
    direction,
    dealershipId,
    userId,
    subject,
    durationS,
    // Played as tones made from this key (telephony/wav.ts): the demo has no PBX to keep real files.
    recordingUrl: answered ? `orbit-demo:${day}/${c.partyId}-${minute}` : null,
    ...extra,
  });
}

export const rub = (roubles: number) => Math.round(roubles * 100);
export const YEAR_DAYS = 365;
