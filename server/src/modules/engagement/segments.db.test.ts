import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/testDatabase";
import { type Database, execRows } from "../../platform/db/database";
import { createRng } from "../demo/random";
import { type SegmentFacts, segmentOf, segmentSql } from "./segments";

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(async () => drop());

describe("the segment rules in SQL", () => {
  it("give every client the segment segmentOf gives", async () => {
    const rng = createRng("segments");
    const today = 20_000;
    const facts: SegmentFacts[] = Array.from({ length: 600 }, () => {
      const firstContactDay = today - rng.int(0, 2000);
      const activityDays = Array.from({ length: rng.int(0, 8) }, () => rng.int(firstContactDay, today));
      return {
        today,
        firstContactDay,
        activityDays,
        purchases: Math.min(activityDays.length, rng.int(0, 3)),
        blocked: rng.chance(0.05),
      };
    });
    // Each rule exactly at its threshold, and one day either side.
    for (const d of [-1, 0, 1]) {
      const base = { today, firstContactDay: today - 1500, purchases: 0, blocked: false };
      facts.push(
        { ...base, firstContactDay: today - 180 + d, activityDays: [] },
        { ...base, activityDays: [today - 365 + d] },
        { ...base, activityDays: [today - 500, today - 500 + 365 + d] },
        { ...base, activityDays: [today - 30, today - 20], purchases: 2 + d },
        { ...base, activityDays: Array.from({ length: 5 + d }, (_, k) => today - 100 + k * 10) },
      );
    }
    const rows = facts.map((f, i) => {
      const days = [...f.activityDays].sort((a, b) => b - a);
      return {
        i,
        first: f.firstContactDay,
        last: days[0] ?? null,
        previous: days[1] ?? null,
        days: days.length,
        purchases: f.purchases,
        blocked: f.blocked,
      };
    });
    const expr = segmentSql({
      today: sql`${today}`,
      firstDay: sql`f.first`,
      last: sql`f.last`,
      previous: sql`f.previous`,
      days: sql`f.days`,
      purchases: sql`f.purchases`,
      blocked: sql`f.blocked`,
    });
    const got = await execRows<{ i: number; segment: string }>(
      database.db,
      sql`SELECT f.i, ${expr} AS segment FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            AS f(i int, first int, last int, previous int, days int, purchases int, blocked boolean) ORDER BY f.i`,
    );
    const expected = facts.map((f) => segmentOf(f));
    expect(got.map((r) => r.segment)).toEqual(expected);
    expect(new Set(expected).size).toBe(6);
  });
});
