import { AckPolicy, type JsMsg, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { EventBatch, WebEvent } from "@orbit/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import type { Database } from "../../platform/db/database";
import { isDatabaseUnavailable } from "../../platform/http/errorHandler";
import type { MatcherProvider } from "../identity/matcher";
import { ingestEvents } from "./events.service";

export const EVENT_SOURCES = ["site", "portal", "app"] as const;
type Source = (typeof EVENT_SOURCES)[number];
type Event = z.output<typeof WebEvent>;

export interface EventBrokerOptions {
  url: string;
  /** The JetStream stream that keeps the events until Orbit has stored them. */
  stream: string;
  /** Subjects are <prefix>.site, <prefix>.portal and <prefix>.app: the subject names the sender. */
  subjectPrefix: string;
  /** One durable consumer shared by every worker: each message goes to one of them. */
  durable?: string;
  batch?: number;
  /** How long a taken message may stay unacknowledged before another worker gets it (default 60). */
  ackWaitSeconds?: number;
}

type Parsed = { ok: true; source: Source; events: Event[] } | { ok: false; reason: string };

/** A message is a batch ({ events: [...] }, as POST /api/events takes) or one event. */
export function parseEventMessage(subject: string, prefix: string, body: string): Parsed {
  const source = subject.startsWith(`${prefix}.`) ? subject.slice(prefix.length + 1) : "";
  if (!(EVENT_SOURCES as readonly string[]).includes(source)) {
    return { ok: false, reason: `subject ${subject} names no sender (site, portal or app)` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const asBatch = EventBatch.safeParse(json);
  if (asBatch.success) return { ok: true, source: source as Source, events: asBatch.data.events };
  const single = WebEvent.safeParse(json);
  if (single.success) return { ok: true, source: source as Source, events: [single.data] };
  const issue = asBatch.error.issues[0];
  return { ok: false, reason: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` };
}

/**
 * Takes web, portal and app events from NATS JetStream instead of HTTP: a site's backend publishes to
 * <prefix>.site and goes on, the stream keeps the events while Orbit or its database is away. A message
 * is acknowledged only after its events are stored (ids make a redelivered message change nothing); a
 * message that can never be stored (not JSON, not events) is terminated and logged, not retried.
 */
export async function startEventBroker(
  database: Database,
  matchers: MatcherProvider,
  log: FastifyBaseLogger,
  options: EventBrokerOptions,
): Promise<{ stop(): Promise<void> }> {
  const nc: NatsConnection = await connect({ servers: options.url, name: "orbit-worker" });
  const jsm = await jetstreamManager(nc);
  const subjects = [`${options.subjectPrefix}.*`];
  await jsm.streams.info(options.stream).catch(() => jsm.streams.add({ name: options.stream, subjects }));
  const durable = options.durable ?? "orbit-intake";
  await jsm.consumers.info(options.stream, durable).catch(() =>
    jsm.consumers.add(options.stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: (options.ackWaitSeconds ?? 60) * 1e9,
    }),
  );
  const consumer = await jetstream(nc).consumers.get(options.stream, durable);
  let stopping = false;

  const handle = async (messages: JsMsg[]) => {
    const bySource = new Map<Source, { events: Event[]; messages: JsMsg[] }>();
    for (const m of messages) {
      const parsed = parseEventMessage(m.subject, options.subjectPrefix, m.string());
      if (!parsed.ok) {
        log.warn({ subject: m.subject, seq: m.seq, reason: parsed.reason }, "event message refused");
        m.term(); // (the reason goes to the log: a NATS server before 2.10 does not take one with +TERM)
        continue;
      }
      const group = bySource.get(parsed.source) ?? { events: [], messages: [] };
      group.events.push(...parsed.events);
      group.messages.push(m);
      bySource.set(parsed.source, group);
    }
    for (const [source, group] of bySource) {
      try {
        const matcher = await matchers.get(database.db);
        const result = await database.db.transaction((tx) => ingestEvents(tx, matcher, source, group.events));
        for (const m of group.messages) m.ack();
        log.debug({ source, ...result }, "events from the broker stored");
      } catch (err) {
        // The database away: the messages come back later. Anything else is logged and retried too.
        for (const m of group.messages) m.nak(isDatabaseUnavailable(err) ? 5_000 : 30_000);
        log.error({ err, source, messages: group.messages.length }, "events from the broker not stored");
      }
    }
  };

  const loop = (async () => {
    while (!stopping) {
      try {
        const batch = await consumer.fetch({ max_messages: options.batch ?? 500, expires: 1_000 });
        const messages: JsMsg[] = [];
        for await (const m of batch) messages.push(m);
        if (messages.length) await handle(messages);
      } catch (err) {
        if (stopping) break;
        log.error({ err }, "event broker fetch failed; retrying");
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      await loop;
      await nc.drain();
    },
  };
}
