// Orbit's slot search: the earliest times a job fits a centre's workshop. Pure: the caller loads the
// posts, technicians, opening hours, rules and the planned jobs, and books what this returns.
import type { BookingRules, OpeningHours, ShiftPattern } from "@orbit/contracts";
import { clockMinutes, dayClock, isoWeekday, localDay, nextDay } from "./localTime";
import { type Absence, shiftOn } from "./shifts";

const MINUTE = 60_000;
/**
 * A job longer than this pauses over the technician's break (the car stays on the post, its end moves
 * by the break); a shorter one is planned around the break. A five-hour clutch job would otherwise fit
 * no shift that has a lunch break.
 */
export const BREAK_SPAN_MINUTES = 120;

export interface PlannedJob {
  postId: number | null;
  technicianId: number | null;
  start: number;
  end: number;
  /** Booked through an online channel (counts against the online share of the day). */
  online: boolean;
}

export interface WorkshopPlan {
  timezone: string;
  openingHours: OpeningHours;
  rules: BookingRules;
  posts: readonly { id: number; skills: readonly string[] }[];
  technicians: readonly {
    id: number;
    skills: readonly string[];
    shift: ShiftPattern;
    absences: readonly Absence[];
  }[];
  /** Jobs already planned (not cancelled, not no-shows), in any order. */
  jobs: readonly PlannedJob[];
}

export interface SlotRequest {
  durationMinutes: number;
  skills: readonly string[];
  online: boolean;
  /** The moment of the request: the lead time and horizon count from it. */
  now: number;
  /** Search from here (later than now plus the lead time, or it is moved there). */
  from?: number;
  /** Search no later than this moment (the end of one day, when planning a day). */
  until?: number;
  /** Only this start (a time the client asked for, or a card dropped on the board). */
  exactStart?: number;
  postId?: number;
  technicianId?: number;
  limit: number;
  /** At most this many start times a day, so the client sees more than one morning. */
  perDay?: number;
}

export interface SlotOption {
  start: number;
  end: number;
  postId: number;
  technicianId: number;
}

interface Gap {
  start: number;
  end: number;
}

/** [from, to) without the busy intervals (sorted by start), as free gaps. */
function freeGaps(from: number, to: number, busy: readonly Gap[]): Gap[] {
  const gaps: Gap[] = [];
  let cursor = from;
  for (const b of busy) {
    if (b.end <= cursor) continue;
    if (b.start >= to) break;
    if (b.start > cursor) gaps.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps;
}

const hasAll = (have: readonly string[], need: readonly string[]) => need.every((s) => have.includes(s));

function byResource(jobs: readonly PlannedJob[], key: "postId" | "technicianId", pad: number) {
  const out = new Map<number, Gap[]>();
  for (const j of jobs) {
    const id = j[key];
    if (id === null) continue;
    let list = out.get(id);
    if (!list) {
      list = [];
      out.set(id, list);
    }
    list.push({ start: j.start, end: j.end + pad });
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * The earliest start times at which a job of this duration and these skills fits: a post equipped for
 * every skill free for the whole job (plus the rules' buffer after it), a technician with every skill on
 * shift for the whole job outside the break and free, within the opening hours (plus the allowed
 * overrun), the lead time and the horizon, and within the online share of the day for online bookings.
 * Of several fitting post-technician pairs the tightest is taken, leaving larger gaps for longer jobs.
 */
export function findSlots(plan: WorkshopPlan, req: SlotRequest): SlotOption[] {
  const { rules, timezone } = plan;
  const duration = req.durationMinutes * MINUTE;
  const step = rules.stepMinutes * MINUTE;
  const perDay = req.perDay ?? req.limit;
  const earliest = Math.max(req.from ?? req.now, req.now + rules.leadMinutes * MINUTE);
  const horizon = req.now + rules.horizonDays * 24 * 60 * MINUTE;
  if (duration <= 0 || req.limit <= 0) return [];
  if (req.exactStart !== undefined && (req.exactStart < earliest || req.exactStart > horizon)) return [];

  const posts = plan.posts.filter(
    (p) => hasAll(p.skills, req.skills) && (req.postId === undefined || p.id === req.postId),
  );
  const techs = plan.technicians.filter(
    (t) => hasAll(t.skills, req.skills) && (req.technicianId === undefined || t.id === req.technicianId),
  );
  if (posts.length === 0 || techs.length === 0) return [];
  const pad = rules.bufferMinutes * MINUTE;
  const postJobs = byResource(plan.jobs, "postId", pad);
  const techJobs = byResource(plan.jobs, "technicianId", 0);
  const overrun = rules.overrunMinutes * MINUTE;

  const out: SlotOption[] = [];
  let day = localDay(timezone, req.exactStart ?? earliest);
  const lastDay = localDay(timezone, req.exactStart ?? Math.min(horizon, req.until ?? horizon));
  for (; day <= lastDay && out.length < req.limit; day = nextDay(day)) {
    const hours = plan.openingHours[isoWeekday(day) - 1];
    if (!hours) continue;
    const at = dayClock(timezone, day);
    const open = at(clockMinutes(hours.open));
    const close = at(clockMinutes(hours.close));
    const latestEnd = close + overrun;
    if (req.online && !withinOnlineShare(plan, posts.length, open, close, duration)) continue;

    // Starts lie on the step grid counted from opening time; an exact start may be off the grid.
    const first = req.exactStart ?? open + Math.max(0, Math.ceil((earliest - open) / step)) * step;
    if (first + duration > latestEnd) continue;

    const postGaps = posts.map((p) => ({
      id: p.id,
      gaps: freeGaps(open, latestEnd + pad, postJobs.get(p.id) ?? []),
    }));
    const spansBreak = duration > BREAK_SPAN_MINUTES * MINUTE;
    const techGaps: { id: number; gaps: Gap[]; pause: Gap | null }[] = [];
    for (const t of techs) {
      const shift = shiftOn(t.shift, day, t.absences);
      if (!shift) continue;
      const from = Math.max(open, at(shift.start));
      const to = Math.min(latestEnd, at(shift.end) + overrun);
      const busy = [...(techJobs.get(t.id) ?? [])];
      const pause =
        shift.breakStart !== null && shift.breakEnd !== null
          ? { start: at(shift.breakStart), end: at(shift.breakEnd) }
          : null;
      if (pause && !spansBreak) {
        busy.push(pause);
        busy.sort((a, b) => a.start - b.start);
      }
      if (to > from)
        techGaps.push({ id: t.id, gaps: freeGaps(from, to, busy), pause: spansBreak ? pause : null });
    }

    // For every start time, the tightest pair of post gap and technician gap that holds the job.
    const best = new Map<number, { option: SlotOption; slack: number }>();
    for (const p of postGaps) {
      for (const pg of p.gaps) {
        if (pg.end - pg.start < duration + pad) continue;
        for (const t of techGaps) {
          for (const tg of t.gaps) {
            const a = Math.max(pg.start, tg.start, first);
            // The post must stay free for the buffer after the job; the technician need not.
            const b = Math.min(pg.end - pad, tg.end);
            if (b - a < duration) continue;
            const slack = pg.end - pg.start + (tg.end - tg.start);
            let accepted = 0;
            const candidates =
              req.exactStart !== undefined
                ? a === req.exactStart
                  ? [a]
                  : []
                : gridStarts(first, step, a, b - duration);
            for (const s of candidates) {
              if (accepted >= perDay) break;
              const end = endOf(s, duration, t.pause);
              if (end === null || end > b) continue;
              accepted++;
              const seen = best.get(s);
              if (!seen || slack < seen.slack) {
                best.set(s, { option: { start: s, end, postId: p.id, technicianId: t.id }, slack });
              }
            }
          }
        }
      }
    }
    const ordered = [...best.keys()].sort((x, y) => x - y).slice(0, perDay);
    for (const s of ordered) {
      if (out.length >= req.limit) break;
      out.push(best.get(s)!.option);
    }
  }
  return out;
}

/** The starts on the grid (first + k·step) within [a, lastStart], lazily. */
function* gridStarts(first: number, step: number, a: number, lastStart: number): Generator<number> {
  for (let s = first + Math.max(0, Math.ceil((a - first) / step)) * step; s <= lastStart; s += step) yield s;
}

/** A job's end from its start: later by the break it pauses over; null if it would start in the break. */
function endOf(start: number, duration: number, pause: Gap | null): number | null {
  if (!pause) return start + duration;
  if (start >= pause.start && start < pause.end) return null;
  return start < pause.start && start + duration > pause.start
    ? start + duration + (pause.end - pause.start)
    : start + duration;
}

/** Whether online bookings of the day leave room for this job within the rules' online share. */
function withinOnlineShare(
  plan: WorkshopPlan,
  posts: number,
  open: number,
  close: number,
  duration: number,
): boolean {
  const capacity = plan.posts.length * (close - open);
  let used = 0;
  for (const j of plan.jobs) {
    if (j.online && j.start < close && j.end > open) used += Math.min(j.end, close) - Math.max(j.start, open);
  }
  return posts > 0 && used + duration <= plan.rules.onlineShare * capacity;
}
