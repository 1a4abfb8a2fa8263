import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../../platform/db/database";
import { ingestCallEvent } from "../ingest.service";
import { AmiClient } from "./client";
import { AmiCallMapper } from "./mapping";

interface AsteriskRow {
  id: number;
  code: string;
  kind: string;
  dealership_id: number | null;
  secret: string;
  ami: {
    host: string;
    port: number;
    username: string;
    incomingContexts: string[];
    recordingsUrl: string | null;
  };
}

/**
 * Keeps one AMI connection per active Asterisk server and applies its calls' events in order. Several
 * workers may each hold one: events are keyed by what Asterisk sent, so each is applied once.
 */
export function startAmiConnections(database: Database, log: FastifyBaseLogger): { stop(): Promise<void> } {
  const clients = new Map<number, AmiClient>();
  let stopped = false;

  const attach = (row: AsteriskRow) => {
    const mapper = new AmiCallMapper({
      incomingContexts: row.ami.incomingContexts,
      recordingsUrl: row.ami.recordingsUrl,
    });
    const pbx = { id: row.id, code: row.code, kind: row.kind, dealershipId: row.dealership_id };
    // One event after another: an answer must not overtake the ringing it follows.
    let chain = Promise.resolve();
    const client = new AmiClient({
      host: row.ami.host,
      port: row.ami.port,
      username: row.ami.username,
      secret: row.secret,
      onEvent(message) {
        for (const e of mapper.map(message)) {
          chain = chain
            .then(() => database.db.transaction((tx) => ingestCallEvent(tx, pbx, e)).then(() => undefined))
            .catch((err) => log.error({ err, pbx: row.code, event: e.eventId }, "AMI event failed"));
        }
      },
      onStatus(status, detail) {
        log[status === "connected" ? "info" : "warn"]({ pbx: row.code, detail }, `AMI ${status}`);
      },
    });
    client.start();
    clients.set(row.id, client);
  };

  const refresh = async () => {
    if (stopped) return;
    const rows = await database.query<AsteriskRow>(
      "SELECT id, code, kind, dealership_id, secret, ami FROM pbx_connections WHERE kind = 'asterisk' AND active",
    );
    for (const row of rows) if (!clients.has(row.id) && row.ami) attach(row);
    for (const [id, client] of clients) {
      if (!rows.some((r) => r.id === id)) {
        clients.delete(id);
        await client.stop();
      }
    }
  };
  void refresh().catch((err) => log.error({ err }, "reading AMI connections failed"));
  const timer = setInterval(() => void refresh().catch(() => {}), 60_000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...clients.values()].map((c) => c.stop()));
    },
  };
}
