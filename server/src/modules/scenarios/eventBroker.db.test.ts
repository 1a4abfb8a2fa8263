import { randomBytes } from "node:crypto";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/testApp";
import { startEventBroker } from "./eventBroker";

// The NATS server with JetStream that .ci/run finds (or starts) on the machine.
const NATS_URL = process.env.TEST_NATS_URL;
const run = randomBytes(4).toString("hex");
const stream = `ORBIT_EVENTS_TEST_${run}`;
const prefix = `test${run}.events`;

let t: TestApp;
let nc: NatsConnection;

beforeAll(async () => {
  if (!NATS_URL) return;
  t = await createTestApp();
  nc = await connect({ servers: NATS_URL });
});
afterAll(async () => {
  if (!NATS_URL) return;
  await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {});
  await nc?.close();
  await t?.close();
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `nats-${run}-${i}`);
const stored = async (eventIds: string[]) =>
  (
    await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM web_events WHERE id = ANY($1)", [
      eventIds,
    ])
  )[0]?.n ?? 0;

async function eventually(check: () => Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("not reached in time");
}

describe.skipIf(!NATS_URL)("events from NATS JetStream", () => {
  it("stores each event once, ties a known phone to its client, refuses garbage, and keeps what arrives while Orbit is away", async () => {
    const admin = await t.signIn("admin");
    const created = await t.as(admin, "POST", "/api/clients", {
      kind: "person",
      lastName: "Шевченко",
      firstName: "Тарас",
      phones: ["+7 915 555-01-23"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const clientId = (created.json() as { clientId: number }).clientId;

    const [view, request, later] = ids(3);
    const batch = {
      events: [
        {
          id: view,
          type: "car_view",
          occurredAt: new Date().toISOString(),
          visitorId: `anon-${run}`,
          payload: { model: "Tank 300", segment: "suv" },
        },
        {
          id: request,
          type: "request_submitted",
          occurredAt: new Date().toISOString(),
          visitorId: `known-${run}`,
          client: { phone: "8 (915) 555-01-23", name: "Тарас" },
          payload: { topic: "test_drive" },
        },
      ],
    };
    const broker = await startEventBroker(t.database, t.matchers, pino({ level: "silent" }), {
      url: NATS_URL!,
      stream,
      subjectPrefix: prefix,
    });
    const js = jetstream(nc);
    await js.publish(`${prefix}.site`, JSON.stringify(batch));
    await js.publish(`${prefix}.site`, JSON.stringify(batch)); // the site's retry of the same batch
    await js.publish(`${prefix}.site`, "{ not json");
    await js.publish(`${prefix}.fax`, JSON.stringify(batch));

    await eventually(async () => (await stored([view!, request!])) === 2);
    const [visitor] = await t.database.query<{ party_id: number }>(
      "SELECT party_id FROM visitors WHERE visitor_id = $1",
      [`known-${run}`],
    );
    expect(visitor?.party_id).toBe(clientId);
    // Every message answered: stored ones acknowledged, garbage terminated, none left to redeliver.
    const jsm = await jetstreamManager(nc);
    await eventually(async () => {
      const info = await jsm.consumers.info(stream, "orbit-intake");
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });

    // Orbit's worker stops; the site keeps publishing; the event waits in the stream.
    await broker.stop();
    await js.publish(
      `${prefix}.portal`,
      JSON.stringify({
        id: later,
        type: "booking_started",
        occurredAt: new Date().toISOString(),
        visitorId: `known-${run}`,
        payload: { draftId: "d-1", work: "maintenance" },
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored([later!])).toBe(0);
    const again = await startEventBroker(t.database, t.matchers, pino({ level: "silent" }), {
      url: NATS_URL!,
      stream,
      subjectPrefix: prefix,
    });
    try {
      await eventually(async () => (await stored([later!])) === 1);
      const [row] = await t.database.query<{ source: string; party_id: number }>(
        "SELECT source, party_id FROM web_events WHERE id = $1",
        [later],
      );
      expect(row).toEqual({ source: "portal", party_id: clientId });
      expect(await stored([view!, request!])).toBe(2);
    } finally {
      await again.stop();
    }
  });
});
