import { sql } from "drizzle-orm";
import type { Database, Db } from "../db/database";

/** What the browser of a signed-in employee is told at once (a call ringing at their extension...). */
export interface PushEvent {
  type: string;
  [key: string]: unknown;
}

const CHANNEL = "orbit_push";

/**
 * Sends an event to employees' browsers. It goes out as a PostgreSQL NOTIFY inside the caller's
 * transaction, so it is delivered when the write commits (never for a write rolled back), to whichever
 * API process each employee's browser is connected to.
 */
export async function pushToUsers(db: Db, userIds: readonly number[], event: PushEvent): Promise<void> {
  const to = [...new Set(userIds)].filter((id) => Number.isInteger(id));
  if (to.length === 0) return;
  // The server stamps the moment it sent the event: the pop-up latency is measured against it.
  const payload = JSON.stringify({ to, event: { ...event, sentAt: Date.now() } });
  await db.execute(sql`SELECT pg_notify(${CHANNEL}, ${payload})`);
}

/**
 * Sends an event to clients' portal browsers, on a channel of their own: a client's stream only ever
 * receives events addressed to that client (the stream subscribes by the session's client).
 */
export async function pushToClients(db: Db, partyIds: readonly number[], event: PushEvent): Promise<void> {
  const clients = [...new Set(partyIds)].filter((id) => Number.isInteger(id));
  if (clients.length === 0) return;
  const payload = JSON.stringify({ to: [], clients, event: { ...event, sentAt: Date.now() } });
  await db.execute(sql`SELECT pg_notify(${CHANNEL}, ${payload})`);
}

type Listener = (event: PushEvent) => void;

/** One per API process: listens to the channel and hands each event to the streams of its employees. */
export class PushHub {
  private readonly byUser = new Map<number, Set<Listener>>();
  private readonly byClient = new Map<number, Set<Listener>>();
  private stop: (() => Promise<void>) | null = null;

  static async start(database: Database): Promise<PushHub> {
    const hub = new PushHub();
    hub.stop = await database.listen(CHANNEL, (payload) => hub.deliver(payload));
    return hub;
  }

  subscribe(userId: number, listener: Listener): () => void {
    return add(this.byUser, userId, listener);
  }

  /** A client's portal stream (a separate map from employees': the ids are of different things). */
  subscribeClient(partyId: number, listener: Listener): () => void {
    return add(this.byClient, partyId, listener);
  }

  connections(): number {
    let n = 0;
    for (const s of this.byUser.values()) n += s.size;
    for (const s of this.byClient.values()) n += s.size;
    return n;
  }

  private deliver(payload: string): void {
    let message: { to: number[]; clients?: number[]; event: PushEvent };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    for (const userId of message.to) {
      for (const listener of this.byUser.get(userId) ?? []) listener(message.event);
    }
    for (const partyId of message.clients ?? []) {
      for (const listener of this.byClient.get(partyId) ?? []) listener(message.event);
    }
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.byUser.clear();
    this.byClient.clear();
  }
}

function add(map: Map<number, Set<Listener>>, id: number, listener: Listener): () => void {
  let set = map.get(id);
  if (!set) {
    set = new Set();
    map.set(id, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) map.delete(id);
  };
}
