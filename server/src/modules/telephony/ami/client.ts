import { Socket } from "node:net";
import { type AmiMessage, AmiParser, formatAction } from "./protocol";

export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** Sends Ping this often; a missing Pong within the same time drops and redials the connection. */
  keepAliveMs?: number;
  /** Longest wait between reconnection attempts (they start at half a second and double). */
  maxBackoffMs?: number;
  actionTimeoutMs?: number;
  onEvent(event: AmiMessage): void;
  onStatus?(status: "connected" | "disconnected" | "auth_failed", detail?: string): void;
}

interface Pending {
  resolve(m: AmiMessage): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A client of the Asterisk Manager Interface over TCP: logs in, correlates responses to actions by
 * ActionID, keeps the connection alive with Ping and reconnects with a backoff when it drops.
 */
export class AmiClient {
  private socket: Socket | null = null;
  private parser = new AmiParser();
  private pending = new Map<string, Pending>();
  private nextId = 1;
  private stopped = false;
  private backoff = 500;
  private keepAlive: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private loggedIn = false;
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly o: AmiClientOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Resolves once logged in. */
  ready(): Promise<void> {
    if (this.loggedIn) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.keepAlive) clearInterval(this.keepAlive);
    const socket = this.socket;
    if (socket && !socket.destroyed && this.loggedIn) {
      await this.action({ Action: "Logoff" }).catch(() => {});
    }
    socket?.destroy();
    this.failPending(new Error("AMI client stopped"));
  }

  action(fields: Record<string, string | number>): Promise<AmiMessage> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new Error("AMI is not connected"));
    const id = `orbit-${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`AMI action ${fields.Action} timed out`));
      }, this.o.actionTimeoutMs ?? 10_000);
      this.pending.set(id, { resolve, reject, timer });
      socket.write(formatAction({ ...fields, ActionID: id }));
    });
  }

  private connect(): void {
    this.parser = new AmiParser();
    this.loggedIn = false;
    const socket = new Socket();
    this.socket = socket;
    socket.setEncoding("utf8");
    socket.setNoDelay(true);
    socket.on("data", (chunk: string) => {
      const first = this.parser.banner === null;
      const messages = this.parser.push(chunk);
      if (first && this.parser.banner !== null) void this.login();
      for (const m of messages) this.dispatch(m);
    });
    socket.on("error", () => {});
    socket.on("close", () => this.dropped());
    socket.connect(this.o.port, this.o.host);
  }

  private async login(): Promise<void> {
    try {
      const res = await this.action({
        Action: "Login",
        Username: this.o.username,
        Secret: this.o.secret,
        Events: "on",
      });
      if (res.Response !== "Success") {
        this.o.onStatus?.("auth_failed", res.Message);
        this.socket?.destroy();
        return;
      }
      this.loggedIn = true;
      this.backoff = 500;
      this.o.onStatus?.("connected");
      for (const w of this.readyWaiters.splice(0)) w();
      const every = this.o.keepAliveMs ?? 20_000;
      this.keepAlive = setInterval(() => {
        this.action({ Action: "Ping" }).catch(() => this.socket?.destroy());
      }, every);
    } catch {
      this.socket?.destroy();
    }
  }

  private dispatch(m: AmiMessage): void {
    const id = m.ActionID;
    if (m.Response !== undefined && id && this.pending.has(id)) {
      const p = this.pending.get(id) as Pending;
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.resolve(m);
      return;
    }
    if (m.Event !== undefined) this.o.onEvent(m);
  }

  private dropped(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
    const wasIn = this.loggedIn;
    this.loggedIn = false;
    this.failPending(new Error("AMI connection closed"));
    if (wasIn) this.o.onStatus?.("disconnected");
    if (this.stopped) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.o.maxBackoffMs ?? 30_000);
    this.reconnectTimer = setTimeout(() => this.connect(), wait);
  }

  private failPending(err: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }
}
