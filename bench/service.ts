// Slot search speed: `npm run bench -- service [--searches 400]`.
//
// A fresh PostgreSQL database (orbit_bench_service) with a small demo group; one centre is grown to 20
// posts and 30 technicians and its next month is booked to about 80% by the same planner bookings use.
// Then the booking engine's slot search (searchSlots: reading the centre's plan, timing the job from the
// catalog for the car's model, the pure search) answers requests from random moments of that month, one
// after another as an advisor's screen would ask. The reference, measured in the same run, is the raw
// SQL that reads the centre's plan for the month, straight over pg: what a search reads when it does not
// window its reads by the week (Orbit reads a week, and more only when the week has too few slots).
import pg from "pg";
import pino from "pino";
import { generateDemoGroup } from "../server/src/modules/demo/generate";
import { searchSlots } from "../server/src/modules/service/bookings.service";
import { findSlots, type PlannedJob } from "../server/src/modules/service/slots";
import { loadPlan } from "../server/src/modules/service/workshop.service";
import { percentile } from "./lib/load";
import { databaseUrl, freshDatabase, machine } from "./lib/pgDatabase";

const NAME = "orbit_bench_service";
const POSTS = 20;
const TECHNICIANS = 30;
const DAYS = 30;

const ms = (v: number) => `${v.toFixed(2)} ms`;

export default async function serviceBench(args: string[]): Promise<void> {
  const searches = Number(args[args.indexOf("--searches") + 1] ?? 400) || 400;
  console.log(`machine: ${await machine()}`);
  const database = await freshDatabase(NAME);
  const db = database.db;
  try {
    const started = Date.now();
    await generateDemoGroup(database, {
      clients: 300,
      seed: 3,
      log: pino({ level: "silent" }),
      match: false,
    });
    const [centre] = await database.query<{ id: number }>(
      "SELECT id FROM dealerships WHERE code = 'SPB-SERVICE'",
    );
    const dealershipId = centre!.id;
    // Grow the centre to 20 posts and 30 technicians (general posts, weekday and 2/2 shifts).
    await database.query(
      `INSERT INTO service_posts (dealership_id, name, skills)
       SELECT $1, 'Пост Б' || g, ARRAY['maintenance','diagnostics','repair','electrics']
         FROM generate_series(1, $2 - (SELECT count(*) FROM service_posts WHERE dealership_id = $1)) g`,
      [dealershipId, POSTS],
    );
    await database.query(
      `INSERT INTO technicians (dealership_id, full_name, skills, shift)
       SELECT $1, 'Мастер ' || g, ARRAY['maintenance','diagnostics','repair','electrics'],
              CASE WHEN g % 2 = 0
                THEN '{"schedule":"weekdays","weekdays":[1,2,3,4,5,6],"start":"08:00","end":"20:00","breakStart":"13:00","breakEnd":"14:00"}'::jsonb
                ELSE jsonb_build_object('schedule', '2/2', 'weekdays', '[]'::jsonb, 'anchor', (current_date + (g % 4)::int)::text,
                       'start', '08:00', 'end', '20:00', 'breakStart', '12:00', 'breakEnd', '12:30') END
         FROM generate_series(1, $2 - (SELECT count(*) FROM technicians WHERE dealership_id = $1)) g`,
      [dealershipId, TECHNICIANS],
    );
    const cars = await database.query<{ party_id: number; vehicle_id: number }>(
      `SELECT o.party_id, o.vehicle_id FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
         JOIN maintenance_schedules s ON s.make = v.make AND s.model = v.model
        WHERE o.valid_to IS NULL ORDER BY o.vehicle_id LIMIT 50`,
    );

    // A month of bookings at about 80% of post time: jobs of 1-4 hours placed by the planner.
    const now = Date.now();
    const plan = await loadPlan(
      db,
      dealershipId,
      new Date(now - 86_400_000),
      new Date(now + (DAYS + 2) * 86_400_000),
    );
    plan.rules = { ...plan.rules, leadMinutes: 0 };
    let seed = 17;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const jobs: PlannedJob[] = [...plan.jobs];
    const rows: unknown[] = [];
    let failures = 0;
    for (let cursor = now; cursor < now + DAYS * 86_400_000 && failures < 200; ) {
      const minutes = 60 + Math.floor(rand() * 12) * 15;
      const [slot] = findSlots(
        { ...plan, jobs },
        { durationMinutes: minutes, skills: ["maintenance"], online: false, now, from: cursor, limit: 1 },
      );
      if (!slot) {
        failures++;
        cursor += 86_400_000;
        continue;
      }
      jobs.push({
        postId: slot.postId,
        technicianId: slot.technicianId,
        start: slot.start,
        end: slot.end,
        online: rand() < 0.3,
      });
      const car = cars[rows.length % cars.length]!;
      rows.push({
        party: car.party_id,
        vehicle: car.vehicle_id,
        post: slot.postId,
        tech: slot.technicianId,
        start: new Date(slot.start).toISOString(),
        end: new Date(slot.end).toISOString(),
        channel: jobs.at(-1)!.online ? "web" : "call",
      });
      // Leave about a fifth of each day free, in random places, as a real plan does.
      if (rand() < 0.2) cursor = slot.start + Math.floor(rand() * 4) * 15 * 60_000;
    }
    for (let i = 0; i < rows.length; i += 2000) {
      await database.query(
        `INSERT INTO work_orders (number, dealership_id, party_id, vehicle_id, kind, status, booking_channel, summary, opened_at,
                                  post_id, technician_id, planned_start, planned_end)
         SELECT 'BENCH-' || (row_number() OVER () + $3), $2, party, vehicle, 'maintenance', 'booked', channel, 'ТО', start, post, tech, start, "end"
           FROM json_to_recordset($1::json) AS x(party int, vehicle int, post int, tech int, start timestamptz, "end" timestamptz, channel text)`,
        [JSON.stringify(rows.slice(i, i + 2000)), dealershipId, i],
      );
    }
    await database.query("ANALYZE");
    const [load] = await database.query<{ booked: number; hours: number }>(
      `SELECT count(*)::int AS booked, (sum(extract(epoch FROM planned_end - planned_start)) / 3600)::int AS hours
         FROM work_orders WHERE dealership_id = $1 AND planned_start > now()`,
      [dealershipId],
    );
    console.log(
      `centre: ${POSTS} posts, ${TECHNICIANS} technicians, ${load!.booked} bookings over the next ${DAYS} days (${load!.hours} post-hours); set up in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );

    // Warm up, then measure: each search from a random moment of the month for a random car.
    const request = (i: number) => ({
      dealershipId,
      vehicleId: cars[i % cars.length]!.vehicle_id,
      works: [] as string[],
      channel: (i % 3 === 0 ? "web" : "call") as "web" | "call",
      limit: 8,
      from: new Date(now + Math.floor(rand() * DAYS * 24) * 3_600_000),
    });
    for (let i = 0; i < 30; i++) await searchSlots(db, request(i));
    const times: number[] = [];
    const found: number[] = [];
    for (let i = 0; i < searches; i++) {
      const t0 = performance.now();
      const answer = await searchSlots(db, request(i));
      times.push(performance.now() - t0);
      found.push(answer.slots.length);
    }
    // The pure search alone, on the plan as loaded once.
    const loaded = await loadPlan(
      db,
      dealershipId,
      new Date(now - 86_400_000),
      new Date(now + 370 * 86_400_000),
    );
    const pure: number[] = [];
    for (let i = 0; i < searches; i++) {
      const t0 = performance.now();
      findSlots(loaded, {
        durationMinutes: 135,
        skills: ["maintenance"],
        online: i % 3 === 0,
        now,
        from: request(i).from.getTime(),
        limit: 8,
        perDay: 3,
      });
      pure.push(performance.now() - t0);
    }

    // Reference: the rows the search reads, as raw SQL over pg.
    const client = new pg.Client({ connectionString: databaseUrl(NAME) });
    await client.connect();
    const raw: number[] = [];
    for (let i = 0; i < searches; i++) {
      const t0 = performance.now();
      await client.query(
        `SELECT post_id, technician_id, planned_start, planned_end, booking_channel FROM work_orders
          WHERE dealership_id = $1 AND planned_start IS NOT NULL AND planned_start < now() + interval '370 days'
            AND planned_end > now() - interval '1 day' AND status NOT IN ('cancelled', 'no_show')`,
        [dealershipId],
      );
      await client.query("SELECT id, skills FROM service_posts WHERE dealership_id = $1 AND active", [
        dealershipId,
      ]);
      await client.query(
        `SELECT t.id, t.skills, t.shift, a.from_day, a.to_day FROM technicians t
           LEFT JOIN technician_absences a ON a.technician_id = t.id WHERE t.dealership_id = $1 AND t.active`,
        [dealershipId],
      );
      raw.push(performance.now() - t0);
    }
    await client.end();

    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const [api, fn, ref] = [sorted(times), sorted(pure), sorted(raw)];
    console.log("");
    console.log(
      `slot search (searchSlots)   ${searches} searches  p50 ${ms(percentile(api, 50))}  p95 ${ms(percentile(api, 95))}  max ${ms(api.at(-1)!)}`,
    );
    console.log(`  of which the pure search  p50 ${ms(percentile(fn, 50))}  p95 ${ms(percentile(fn, 95))}`);
    console.log(
      `reference: the month's plan as raw SQL  p50 ${ms(percentile(ref, 50))}  p95 ${ms(percentile(ref, 95))}`,
    );
    console.log(
      `slots found per search: min ${Math.min(...found)}, mean ${(found.reduce((a, b) => a + b, 0) / found.length).toFixed(1)}`,
    );
    console.log("");
    console.log(
      `slot search p95 ${ms(percentile(api, 95))} (target < 20 ms), ${(percentile(api, 95) / percentile(ref, 95)).toFixed(2)}x the raw SQL reading the month's plan`,
    );
  } finally {
    await database.close();
  }
}
