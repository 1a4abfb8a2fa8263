#!/usr/bin/env node
import { parseArgs } from "node:util";
import pino from "pino";
import { buildApp } from "./app";
import { type Config, ConfigError, loadConfig } from "./config";
import { generateDemoGroup, hasAnyData } from "./modules/demo/generate";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./modules/demo/orgStructure";
import { MatcherProvider } from "./modules/identity/matcher";
import { shippedModels } from "./modules/identity/shippedModels";
import { type Database, DatabaseLockedError, openDatabase } from "./platform/db/database";
import { migrate } from "./platform/db/migrate";
import { startWorker } from "./platform/worker";
import { PERIODIC_TASKS } from "./tasks";

const USAGE = `usage: orbit <command> [options]

commands:
  start      API, web app and background worker in one process (the default for one machine)
  serve      API and web app only (scale out: several behind a load balancer)
  worker     background worker only (scale out: several on one PostgreSQL)
  migrate    apply database migrations and exit
  demo       generate the demo dealer group: --clients N (default 20000) --seed S --reset

environment: DATABASE_URL (postgres://...; default: embedded PGlite in ORBIT_DATA_DIR=./data),
  PORT (3000), HOST, LOG_LEVEL, COOKIE_SECURE, SESSION_TTL_HOURS, ORBIT_DEMO_CLIENTS, ORBIT_DEMO_SEED`;

async function open(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.database.kind === "postgres"
      ? { kind: "postgres", url: config.database.url, poolSize: config.database.poolSize }
      : { kind: "pglite", dataDir: config.database.dataDir },
  );
  await migrate(database);
  return database;
}

async function runServer(config: Config, withWorker: boolean): Promise<void> {
  const database = await open(config);
  const log = pino({ level: config.logLevel });
  if (withWorker && config.demo.clients > 0 && !(await hasAnyData(database))) {
    log.info({ clients: config.demo.clients }, "empty database: generating the demo dealer group");
    await generateDemoGroup(database, { clients: config.demo.clients, seed: config.demo.seed, log });
  }
  const app = await buildApp({
    db: database.db,
    database,
    config,
    matchers: new MatcherProvider(shippedModels),
  });
  const worker = withWorker ? startWorker(database, PERIODIC_TASKS, app.log) : null;
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const db =
    config.database.kind === "postgres" ? "PostgreSQL" : `embedded PGlite in ${config.database.dataDir}`;
  process.stdout.write(
    `\nOrbit is running at ${url}  (database: ${db})\nAPI reference: ${url}/api/docs\n\nDemo logins (password "${DEMO_PASSWORD}"):\n` +
      DEMO_LOGINS.map((u) => `  ${u.login.padEnd(14)} ${u.role}`).join("\n") +
      "\n\n",
  );
  const shutdown = async () => {
    await app.close();
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

async function runWorkerOnly(config: Config): Promise<void> {
  const database = await open(config);
  const log = pino({ level: config.logLevel });
  const worker = startWorker(database, PERIODIC_TASKS, log);
  log.info("worker started");
  const shutdown = async () => {
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

async function runDemo(config: Config, args: string[]): Promise<void> {
  let values: { clients: string; seed: string; reset: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        clients: { type: "string", default: String(config.demo.clients) },
        seed: { type: "string", default: String(config.demo.seed) },
        reset: { type: "boolean", default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const clients = Number(values.clients);
  const seed = Number(values.seed);
  if (!Number.isInteger(clients) || clients < 0 || clients > 10_000_000) {
    throw new UsageError(`--clients must be a whole number from 0 to 10000000, got "${values.clients}"`);
  }
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
  const database = await openDatabase(
    config.database.kind === "postgres"
      ? { kind: "postgres", url: config.database.url, poolSize: config.database.poolSize }
      : { kind: "pglite", dataDir: config.database.dataDir },
  );
  try {
    if (values.reset)
      await database.query(
        "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;",
      );
    await migrate(database);
    if (await hasAnyData(database)) {
      throw new UsageError("the database already holds data; add --reset to wipe it and generate anew");
    }
    const log = pino({ level: config.logLevel });
    const started = Date.now();
    const summary = await generateDemoGroup(database, { clients, seed, log });
    process.stdout.write(
      `${JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
    );
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case "start":
      return runServer(config, true);
    case "serve":
      return runServer(config, false);
    case "worker":
      return runWorkerOnly(config);
    case "migrate": {
      const database = await open(config);
      await database.close();
      process.stdout.write("migrations applied\n");
      return;
    }
    case "demo":
      return runDemo(config, rest);
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`orbit: ${err.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError || err instanceof DatabaseLockedError) {
    process.stderr.write(`orbit: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`orbit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
