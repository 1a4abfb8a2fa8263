import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/testDatabase";
import { type Database, openDatabase } from "./db/database";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("periodic tasks run in one process at a time", () => {
  it("runs the task while holding the lock, and its queries still get a connection from a pool of one", async () => {
    const tiny: Database = t.url
      ? await openDatabase({ kind: "postgres", url: t.url, poolSize: 1 })
      : t.database;
    try {
      let ran = false;
      const done = await tiny.runExclusive(7_249_001, async () => {
        const [row] = await tiny.query<{ one: number }>("SELECT 1 AS one");
        ran = row?.one === 1;
      });
      expect(done).toBe(true);
      expect(ran).toBe(true);
    } finally {
      if (tiny !== t.database) await tiny.close();
    }
  });

  it.skipIf(process.env.ORBIT_TEST_DB !== "postgres")(
    "skips in a second process while the first holds the lock, and runs once it is released",
    async () => {
      const other = await openDatabase({ kind: "postgres", url: t.url!, poolSize: 2 });
      try {
        let release!: () => void;
        const held = new Promise<void>((r) => {
          release = r;
        });
        let entered!: () => void;
        const inside = new Promise<void>((r) => {
          entered = r;
        });
        const first = t.database.runExclusive(7_249_002, async () => {
          entered();
          await held;
        });
        await inside;
        expect(await other.runExclusive(7_249_002, async () => {})).toBe(false);
        release();
        expect(await first).toBe(true);
        expect(await other.runExclusive(7_249_002, async () => {})).toBe(true);
      } finally {
        await other.close();
      }
    },
  );
});
