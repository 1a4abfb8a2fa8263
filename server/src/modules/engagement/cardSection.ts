import type { TimelineEntry } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

/** The newest entries of the client's timeline, one more than asked so the card knows there are more. */
export function timelineSection(partyId: number, limit: number): SQL {
  return sql`coalesce((SELECT json_agg(x ORDER BY x.occurred_at DESC, x.id DESC) FROM (
      SELECT i.id, i.occurred_at, i.channel, i.direction, i.dealership_id, u.full_name AS employee, i.vehicle_id,
             i.subject, i.outcome, i.duration_s, i.recording_url, i.ref_type, i.ref_id
        FROM interactions i LEFT JOIN users u ON u.id = i.user_id
       WHERE i.party_id = ${partyId}
       ORDER BY i.occurred_at DESC, i.id DESC LIMIT ${limit + 1}) x), '[]')`;
}

interface TimelineJson {
  id: number;
  occurred_at: string;
  channel: string;
  direction: "in" | "out" | null;
  dealership_id: number | null;
  employee: string | null;
  vehicle_id: number | null;
  subject: string;
  outcome: string | null;
  duration_s: number | null;
  recording_url: string | null;
  ref_type: string | null;
  ref_id: number | null;
}

export function toTimeline(rows: TimelineJson[], limit: number): { entries: TimelineEntry[]; more: boolean } {
  return {
    more: rows.length > limit,
    entries: rows.slice(0, limit).map((i) => ({
      id: Number(i.id),
      at: new Date(i.occurred_at).toISOString(),
      channel: i.channel,
      direction: i.direction,
      dealershipId: i.dealership_id,
      employee: i.employee,
      vehicleId: i.vehicle_id,
      subject: i.subject,
      outcome: i.outcome,
      durationS: i.duration_s,
      recordingUrl: i.recording_url,
      refType: i.ref_type,
      refId: i.ref_id,
    })),
  };
}
