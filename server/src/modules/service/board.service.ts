import type { Board, BoardItem, ShowUpRates } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { clockMinutes, dayClock, isoWeekday, nextDay } from "./localTime";
import { shiftOn } from "./shifts";
import { getWorkshop, listPosts, listTechnicians } from "./workshop.service";

const LOAD_DAYS = 14;

interface ItemRow {
  id: number;
  number: string;
  status: BoardItem["status"];
  kind: BoardItem["kind"];
  summary: string;
  display_name: string;
  vehicle: string | null;
  post_id: number | null;
  technician_id: number | null;
  s: Date;
  e: Date | null;
  booking_channel: BoardItem["channel"];
}

/**
 * The planning board of a centre's day: posts with their jobs, technicians on shift, the day's bookings
 * that hold no post yet, and the load of this day and the next two weeks (booked post minutes over open
 * post minutes).
 */
export async function planningBoard(db: Db, dealershipId: number, day: string): Promise<Board> {
  const workshop = await getWorkshop(db, dealershipId);
  const [posts, techs] = await Promise.all([listPosts(db, dealershipId), listTechnicians(db, dealershipId)]);
  const at = dayClock(workshop.timezone, day);
  const from = new Date(at(0)).toISOString();
  const to = new Date(at(24 * 60)).toISOString();
  const rows = await execRows<ItemRow>(
    db,
    sql`SELECT w.id, w.number, w.status, w.kind, w.summary, p.display_name,
               nullif(concat_ws(' ', v.make, v.model, v.plate), '') AS vehicle, w.post_id, w.technician_id,
               coalesce(w.planned_start, w.opened_at) AS s, w.planned_end AS e, w.booking_channel
          FROM work_orders w JOIN parties p ON p.id = w.party_id JOIN vehicles v ON v.id = w.vehicle_id
         WHERE w.dealership_id = ${dealershipId} AND w.status NOT IN ('cancelled')
           AND ((w.planned_start < ${to}::timestamptz AND w.planned_end > ${from}::timestamptz)
             OR (w.planned_start IS NULL AND w.opened_at >= ${from}::timestamptz AND w.opened_at < ${to}::timestamptz
                 AND w.status NOT IN ('delivered', 'no_show')))
         ORDER BY s, w.id`,
  );
  const item = (r: ItemRow): BoardItem => ({
    id: r.id,
    number: r.number,
    status: r.status,
    kind: r.kind,
    summary: r.summary,
    clientName: r.display_name,
    vehicle: r.vehicle,
    postId: r.post_id,
    technicianId: r.technician_id,
    start: new Date(r.s).toISOString(),
    end: new Date(r.e ?? new Date(r.s).getTime() + 3_600_000).toISOString(),
    channel: r.booking_channel,
  });
  const hours = workshop.openingHours[isoWeekday(day) - 1] ?? null;
  return {
    dealershipId,
    day,
    timezone: workshop.timezone,
    open: hours?.open ?? null,
    close: hours?.close ?? null,
    posts,
    technicians: techs
      .filter((t) => t.active)
      .map((t) => {
        const shift = shiftOn(t.shift, day, t.absences);
        return {
          id: t.id,
          fullName: t.fullName,
          skills: t.skills,
          shift: shift ? { start: t.shift.start, end: t.shift.end } : null,
        };
      }),
    items: rows.filter((r) => r.post_id !== null).map(item),
    unplanned: rows.filter((r) => r.post_id === null).map(item),
    load: await dayLoads(db, dealershipId, day, posts.filter((p) => p.active).length),
  };
}

async function dayLoads(db: Db, dealershipId: number, firstDay: string, posts: number) {
  const workshop = await getWorkshop(db, dealershipId);
  const days = Array.from({ length: LOAD_DAYS }, (_, i) => nextDay(firstDay, i));
  const from = new Date(dayClock(workshop.timezone, days[0]!)(0)).toISOString();
  const to = new Date(dayClock(workshop.timezone, days.at(-1)!)(24 * 60)).toISOString();
  const rows = await execRows<{ day: string; minutes: number }>(
    db,
    sql`SELECT (planned_start AT TIME ZONE ${workshop.timezone})::date::text AS day,
               sum(extract(epoch FROM planned_end - planned_start) / 60)::float8 AS minutes
          FROM work_orders
         WHERE dealership_id = ${dealershipId} AND post_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show')
           AND planned_start >= ${from}::timestamptz AND planned_start < ${to}::timestamptz
         GROUP BY 1`,
  );
  const booked = new Map(rows.map((r) => [r.day, Number(r.minutes)]));
  return days.map((day) => {
    const h = workshop.openingHours[isoWeekday(day) - 1];
    const capacity = h ? posts * (clockMinutes(h.close) - clockMinutes(h.open)) : 0;
    return { day, bookedMinutes: Math.round(booked.get(day) ?? 0), capacityMinutes: capacity };
  });
}

/**
 * Show-up rate by booking channel over the bookings due in a period: of those whose day has come, the
 * share whose car arrived (no-shows are the rest; cancellations in advance are not counted).
 */
export async function showUpRates(
  db: Db,
  scope: "all" | number[],
  q: { dealershipId?: number | undefined; from: string; to: string },
): Promise<z.infer<typeof ShowUpRates>> {
  const rows = await execRows<{ channel: string; arrived: number; no_show: number }>(
    db,
    sql`SELECT booking_channel AS channel,
               count(*) FILTER (WHERE status NOT IN ('no_show', 'booked', 'cancelled'))::int AS arrived,
               count(*) FILTER (WHERE status = 'no_show')::int AS no_show
          FROM work_orders
         WHERE booking_channel <> 'walk_in'
           AND coalesce(planned_start, opened_at) >= (${q.from}::date)::timestamp AT TIME ZONE 'Europe/Moscow'
           AND coalesce(planned_start, opened_at) < (${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow'
           AND coalesce(planned_start, opened_at) < now()
           ${q.dealershipId ? sql`AND dealership_id = ${q.dealershipId}` : sql``}
           ${scope === "all" ? sql`` : sql`AND dealership_id = ANY(${sql.param(scope)}::int[])`}
         GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => {
    const booked = r.arrived + r.no_show;
    return {
      channel: r.channel as z.infer<typeof ShowUpRates>[number]["channel"],
      booked,
      arrived: r.arrived,
      noShow: r.no_show,
      rate: booked ? Math.round((r.arrived / booked) * 1000) / 1000 : null,
    };
  });
}
