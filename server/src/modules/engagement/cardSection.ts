import type { TimelinePage } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

/**
 * The newest entries of the client's one timeline: interactions (calls, messages, visits, notes, task
 * outcomes) and web, portal and app events, one more than asked so the card knows there are more.
 * Entries are ordered by time, then by id, so `before` (the cursor of the last entry shown) continues
 * exactly where the page ended even when several entries share a moment.
 */
export function timelineSection(partyId: number, limit: number, before?: TimelineCursor): SQL {
  const older = (at: string, id: string) =>
    before
      ? sql` AND ${sql.raw(at)} <= ${before.at}::timestamptz
             AND (${sql.raw(at)} < ${before.at}::timestamptz OR ${sql.raw(id)} < ${before.id} COLLATE "C")`
      : sql``;
  return sql`coalesce((SELECT json_agg(x ORDER BY x.occurred_at DESC, x.id DESC) FROM (
      (SELECT ('i' || i.id) COLLATE "C" AS id, i.occurred_at, i.channel, i.direction, i.dealership_id, u.full_name AS employee, i.vehicle_id,
              i.subject, i.outcome, i.duration_s, i.recording_url, i.ref_type, i.ref_id
         FROM interactions i LEFT JOIN users u ON u.id = i.user_id
        WHERE i.party_id = ${partyId}${older("i.occurred_at", "('i' || i.id)")}
        ORDER BY i.occurred_at DESC, ('i' || i.id) COLLATE "C" DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT ('e' || e.id) COLLATE "C", e.occurred_at, CASE WHEN e.source = 'site' THEN 'web' ELSE 'app' END, 'in', NULL, NULL, NULL,
              e.type, coalesce(e.payload->>'model', e.payload->>'work', e.payload->>'topic', e.payload->>'page'), NULL, NULL, 'event', NULL
         FROM web_events e
        WHERE e.party_id = ${partyId}${older("e.occurred_at", "('e' || e.id)")}
        ORDER BY e.occurred_at DESC, ('e' || e.id) COLLATE "C" DESC LIMIT ${limit + 1})
      ORDER BY 2 DESC, 1 DESC LIMIT ${limit + 1}) x), '[]')`;
}

/** Where a timeline page ended: the exact time (to the microsecond) and id of its last entry. */
export interface TimelineCursor {
  at: string;
  id: string;
}

// A time never contains "~"; an event id (chosen by the site that sent it) may.
const CURSOR = /^([^~]+)~([ie].+)$/;

export function formatTimelineCursor(cursor: TimelineCursor): string {
  return `${cursor.at}~${cursor.id}`;
}

/** The cursor a client sent back, or null when it is not one this server wrote. */
export function parseTimelineCursor(text: string): TimelineCursor | null {
  const m = CURSOR.exec(text);
  if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
  return { at: m[1]!, id: m[2]! };
}

interface TimelineJson {
  id: string;
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

export function toTimeline(rows: TimelineJson[], limit: number): TimelinePage {
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    more: last !== undefined,
    next: last ? formatTimelineCursor({ at: last.occurred_at, id: last.id }) : null,
    entries: rows.slice(0, limit).map((i) => ({
      id: i.id,
      at: new Date(i.occurred_at).toISOString(),
      channel: i.channel,
      direction: i.direction,
      dealershipId: i.dealership_id,
      employee: i.employee,
      vehicleId: i.vehicle_id,
      subject: i.subject,
      outcome: i.outcome,
      durationS: i.duration_s,
      // Played through Orbit (GET /api/recordings/:id, supervisors only), never from the PBX directly.
      recordingUrl: i.recording_url && i.id.startsWith("i") ? `/api/recordings/${i.id.slice(1)}` : null,
      refType: i.ref_type,
      refId: i.ref_id,
    })),
  };
}
