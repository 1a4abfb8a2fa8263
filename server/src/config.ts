import { resolve } from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  ORBIT_DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** Set to "true" behind HTTPS so the session cookie is only sent over TLS. */
  COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Clients in the demo dealer group seeded on first start of an empty database. */
  ORBIT_DEMO_CLIENTS: z.coerce.number().int().min(0).max(10_000_000).default(20_000),
  ORBIT_DEMO_SEED: z.coerce.number().int().default(1),
  /** Take web, portal and app events from NATS JetStream too (nats://host:4222); unset: HTTP only. */
  ORBIT_EVENTS_NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\//, "must start with nats:// or tls://")
    .optional(),
  ORBIT_EVENTS_NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("ORBIT_EVENTS"),
  ORBIT_EVENTS_NATS_SUBJECT: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/)
    .default("orbit.events"),
  /** How long a message a worker took may stay unacknowledged before the stream gives it to another worker
   * (a worker killed with messages in hand). Applies when the shared consumer is created. */
  ORBIT_EVENTS_NATS_ACK_WAIT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Outgoing e-mail: smtp(s)://user:password@host:port; without it e-mails are written to the log. */
  ORBIT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  ORBIT_MAIL_FROM: z.string().min(3).default("Орбита <noreply@orbita-auto.ru>"),
  /** SMS: "smsru" (SMS.ru's HTTP API, with ORBIT_SMSRU_API_ID) or "log". */
  ORBIT_SMS_PROVIDER: z.enum(["log", "smsru"]).default("log"),
  ORBIT_SMSRU_API_ID: z.string().min(1).optional(),
  ORBIT_SMSRU_URL: z.url().default("https://sms.ru"),
  ORBIT_SMS_FROM: z.string().min(1).optional(),
  /** Messenger: a Telegram bot's token; without it messages are written to the log. */
  ORBIT_TELEGRAM_BOT_TOKEN: z.string().min(10).optional(),
  ORBIT_TELEGRAM_API_URL: z.url().default("https://api.telegram.org"),
});

export interface MessagingConfig {
  smtpUrl: string | null;
  mailFrom: string;
  sms: { provider: "log" } | { provider: "smsru"; apiId: string; url: string; from: string | null };
  telegram: { token: string; url: string } | null;
}

export interface Config {
  port: number;
  host: string;
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dataDir: string };
  logLevel: (typeof LOG_LEVELS)[number];
  cookieSecure: boolean;
  sessionTtlMs: number;
  demo: { clients: number; seed: number };
  /** Events from a message broker, read by the worker role. */
  eventBroker: { url: string; stream: string; subjectPrefix: string; ackWaitSeconds: number } | null;
  messaging: MessagingConfig;
}

export class ConfigError extends Error {}

/** Reads configuration from the environment; a bad value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: resolve(e.ORBIT_DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === "true",
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    demo: { clients: e.ORBIT_DEMO_CLIENTS, seed: e.ORBIT_DEMO_SEED },
    eventBroker: e.ORBIT_EVENTS_NATS_URL
      ? {
          url: e.ORBIT_EVENTS_NATS_URL,
          stream: e.ORBIT_EVENTS_NATS_STREAM,
          subjectPrefix: e.ORBIT_EVENTS_NATS_SUBJECT,
          ackWaitSeconds: e.ORBIT_EVENTS_NATS_ACK_WAIT_SECONDS,
        }
      : null,
    messaging: {
      smtpUrl: e.ORBIT_SMTP_URL ?? null,
      mailFrom: e.ORBIT_MAIL_FROM,
      sms:
        e.ORBIT_SMS_PROVIDER === "smsru"
          ? {
              provider: "smsru",
              apiId: required(e.ORBIT_SMSRU_API_ID, "ORBIT_SMSRU_API_ID"),
              url: e.ORBIT_SMSRU_URL,
              from: e.ORBIT_SMS_FROM ?? null,
            }
          : { provider: "log" },
      telegram: e.ORBIT_TELEGRAM_BOT_TOKEN
        ? { token: e.ORBIT_TELEGRAM_BOT_TOKEN, url: e.ORBIT_TELEGRAM_API_URL }
        : null,
    },
  };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new ConfigError(`Invalid configuration:\n  ${name}: required for this provider`);
  return value;
}
