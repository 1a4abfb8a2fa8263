import { randomBytes } from "node:crypto";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OrbitProcess, startOrbit } from "../../test/orbitProcess";
import { until } from "../../test/processFixture";
import { createTestDatabase } from "../../test/testDatabase";

// Two worker processes on one database and one NATS JetStream stream: PostgreSQL and a NATS server.
const NATS_URL = process.env.TEST_NATS_URL;
const ready = process.env.ORBIT_TEST_DB === "postgres" && Boolean(NATS_URL);
const run = randomBytes(4).toString("hex");
const stream = `ORBIT_EVENTS_SCALE_${run}`;
const prefix = `scale${run}.events`;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let nc: NatsConnection;
let workers: OrbitProcess[] = [];

beforeAll(async () => {
  if (!ready) return;
  t = await createTestDatabase();
  const env = {
    ORBIT_EVENTS_NATS_URL: NATS_URL!,
    ORBIT_EVENTS_NATS_STREAM: stream,
    ORBIT_EVENTS_NATS_SUBJECT: prefix,
  };
  // One after the other: the first creates the stream and the shared consumer, the second finds them.
  workers = [await startOrbit("worker", t.url!, env)];
  workers.push(await startOrbit("worker", t.url!, env));
  nc = await connect({ servers: NATS_URL! });
}, 120_000);
afterAll(async () => {
  if (!ready) return;
  await Promise.all(workers.map((w) => w.stop()));
  await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {});
  await nc?.close();
  await t?.drop();
});

describe.skipIf(!ready)("events from NATS JetStream with two workers", () => {
  it("stores every published event once: the workers share one consumer, and a message sent twice changes nothing", async () => {
    const js = jetstream(nc);
    const ids: string[] = [];
    for (let m = 0; m < 60; m++) {
      const events = Array.from({ length: 10 }, (_, i) => {
        const id = `broker-${run}-${m}-${i}`;
        ids.push(id);
        return {
          id,
          type: "page_view",
          occurredAt: new Date().toISOString(),
          visitorId: `v-${m}`,
          payload: { page: `/cars/${i}` },
        };
      });
      const body = JSON.stringify({ events });
      await js.publish(`${prefix}.site`, body);
      // A site's backend that did not see the broker's answer publishes again.
      if (m % 4 === 0) await js.publish(`${prefix}.site`, body);
    }
    const count = async () =>
      (
        await t.database.query<{ n: number; distinct: number }>(
          "SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM web_events WHERE id = ANY($1)",
          [ids],
        )
      )[0]!;
    await until(async () => (await count()).n === ids.length, 30_000, "every event stored");
    // Nothing arrives late as a second copy.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count()).toEqual({ n: 600, distinct: 600 });
    const info = await (await jetstreamManager(nc)).consumers.info(stream, "orbit-intake");
    expect(info.num_pending).toBe(0);
    expect(info.num_ack_pending).toBe(0);
  }, 60_000);
});
