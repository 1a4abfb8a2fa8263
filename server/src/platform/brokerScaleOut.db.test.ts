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
const streams = [stream];

/** A worker's settings for reading `onStream` under the subjects `<onPrefix>.*`. */
const brokerEnv = (onStream: string, onPrefix: string, more: Record<string, string> = {}) => ({
  ORBIT_EVENTS_NATS_URL: NATS_URL!,
  ORBIT_EVENTS_NATS_STREAM: onStream,
  ORBIT_EVENTS_NATS_SUBJECT: onPrefix,
  ...more,
});

/** Message `m`: a batch of ten page views, ids `<tag>-<run>-<m>-<i>`, each id added to `ids`. */
const batchOf = (tag: string, m: number, ids: string[]) =>
  JSON.stringify({
    events: Array.from({ length: 10 }, (_, i) => {
      const id = `${tag}-${run}-${m}-${i}`;
      ids.push(id);
      return {
        id,
        type: "page_view",
        occurredAt: new Date().toISOString(),
        visitorId: `${tag}-${m % 50}`,
        payload: { page: `/cars/${i}` },
      };
    }),
  });

beforeAll(async () => {
  if (!ready) return;
  t = await createTestDatabase();
  const env = brokerEnv(stream, prefix);
  // One after the other: the first creates the stream and the shared consumer, the second finds them.
  workers = [await startOrbit("worker", t.url!, env)];
  workers.push(await startOrbit("worker", t.url!, env));
  nc = await connect({ servers: NATS_URL! });
}, 120_000);
afterAll(async () => {
  if (!ready) return;
  await Promise.all(workers.map((w) => w.stop()));
  const jsm = await jetstreamManager(nc);
  for (const s of streams) await jsm.streams.delete(s).catch(() => {});
  await nc?.close();
  await t?.drop();
});

const stored = async (ids: string[]) =>
  (
    await t.database.query<{ n: number; distinct: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM web_events WHERE id = ANY($1)",
      [ids],
    )
  )[0]!;

describe.skipIf(!ready)("events from NATS JetStream with two workers", () => {
  it("stores every published event once: the workers share one consumer, and a message sent twice changes nothing", async () => {
    const js = jetstream(nc);
    const ids: string[] = [];
    for (let m = 0; m < 60; m++) {
      const body = batchOf("broker", m, ids);
      await js.publish(`${prefix}.site`, body);
      // A site's backend that did not see the broker's answer publishes again.
      if (m % 4 === 0) await js.publish(`${prefix}.site`, body);
    }
    const count = () => stored(ids);
    await until(async () => (await count()).n === ids.length, 30_000, "every event stored");
    // Nothing arrives late as a second copy.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count()).toEqual({ n: 600, distinct: 600 });
    const info = await (await jetstreamManager(nc)).consumers.info(stream, "orbit-intake");
    expect(info.num_pending).toBe(0);
    expect(info.num_ack_pending).toBe(0);
  }, 60_000);

  it("a worker killed with messages in hand: after the acknowledgement wait they are stored once, none lost", async () => {
    // A stream of its own, its consumer created with a 3 s acknowledgement wait so the test need not wait 60.
    const killStream = `${stream}_KILL`;
    const killPrefix = `${prefix}kill`;
    streams.push(killStream);
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: killStream, subjects: [`${killPrefix}.*`] });
    const js = jetstream(nc);
    const ids: string[] = [];
    // 1,500 messages of 10 events: three fetches of 500, so the worker dies with one batch stored and
    // another in hand.
    for (let m = 0; m < 1500; m++) await js.publish(`${killPrefix}.site`, batchOf("kill", m, ids));
    const worker = await startOrbit(
      "worker",
      t.url!,
      brokerEnv(killStream, killPrefix, { ORBIT_EVENTS_NATS_ACK_WAIT_SECONDS: "3" }),
    );
    workers.push(worker);
    const inHand = async () => (await jsm.consumers.info(killStream, "orbit-intake")).num_ack_pending;
    await until(
      async () => (await stored(ids)).n > 0 && (await inHand()) > 0,
      60_000,
      "a batch stored and the next one taken",
    );
    await worker.kill();
    expect(await inHand()).toBeGreaterThan(0);
    expect((await stored(ids)).n).toBeLessThan(ids.length);

    await worker.restart();
    await until(
      async () => (await stored(ids)).n === ids.length,
      60_000,
      "every event stored after the restart",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await stored(ids)).toEqual({ n: ids.length, distinct: ids.length });
    const info = await jsm.consumers.info(killStream, "orbit-intake");
    expect(info.num_pending).toBe(0);
    expect(info.num_ack_pending).toBe(0);
  }, 120_000);
});
