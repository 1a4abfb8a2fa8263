#!/usr/bin/env node
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import pino from "pino";
import { type AppContext, buildApp } from "./app";
import { startBackground } from "./background";
import { type Config, ConfigError, loadConfig } from "./config";
import { generateDemoGroup, hasAnyData } from "./modules/demo/generate";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SITE_KEY } from "./modules/demo/orgStructure";
import { demoPortalPhone } from "./modules/demo/portalClients";
import { ImportUsageError, importFromFile } from "./modules/identity/import/importCli";
import { MatcherProvider } from "./modules/identity/matcher";
import { shippedModels } from "./modules/identity/shippedModels";
import { importPriceList } from "./modules/service/catalog.service";
import { decodePriceList } from "./modules/service/priceList";
import { systemProcess } from "./modules/staff/actor";
import { StockUsageError, stockCommand } from "./modules/stock/stockCli";
import { backupDatabase, RestoreError, restoreDatabase } from "./platform/db/backup/backup";
import { type Database, DatabaseLockedError, openDatabase } from "./platform/db/database";
import { migrate } from "./platform/db/migrate";
import { HttpError } from "./platform/http/errors";

const USAGE = `usage: orbit <command> [options]

commands:
  start      API, web app and background worker in one process (the default for one machine)
  serve      API and web app only (scale out: several behind a load balancer)
  worker     background worker only (scale out: several on one PostgreSQL)
  migrate    apply database migrations and exit
  demo       generate the demo dealer group: --clients N (default 20000) --seed S --as-of YYYY-MM-DD --reset
  import     import clients from a CSV export: <file.csv> --source dms:MSK-KIA [--dealership MSK-KIA]
             [--map "ФИО=fullName,Телефон=phones"] [--delimiter ";"] [--resume ID]
  backup     write every table to a file as of one moment: <file.orbit-backup>
  restore    load a backup into a new, empty database (all or nothing): <file.orbit-backup>
  import-prices  load an ERP price list of parts (CSV, UTF-8 or Windows-1251): <file.csv> [--source NAME]
  stock      stock import <file.csv>: load new and used cars of any dealership (columns: dealership, vin,
             make, model, year, condition, status, body_type, seats, drive, ground_clearance_mm, comfort_class,
             mileage_km, price_rub, ...); a VIN already in stock is updated

environment: DATABASE_URL (postgres://...; default: embedded PGlite in ORBIT_DATA_DIR=./data),
  PORT (3000), HOST, LOG_LEVEL, COOKIE_SECURE, SESSION_TTL_HOURS, ORBIT_DEMO_CLIENTS, ORBIT_DEMO_SEED,
  ORBIT_SCORING_THREADS (worker threads of the nightly scoring; default the cores)`;

class UsageError extends Error {}

function openTarget(config: Config): Promise<Database> {
  return openDatabase(
    config.database.kind === "postgres"
      ? { kind: "postgres", url: config.database.url, poolSize: config.database.poolSize }
      : { kind: "pglite", dataDir: config.database.dataDir },
  );
}

async function open(config: Config): Promise<AppContext> {
  const database = await openTarget(config);
  await migrate(database);
  return { db: database.db, database, config, matchers: new MatcherProvider(shippedModels) };
}

function onShutdown(stop: () => Promise<void>): void {
  const handler = async () => {
    await stop();
    process.exit(0);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}

async function runServer(config: Config, withWorker: boolean): Promise<void> {
  const ctx = await open(config);
  const log = pino({ level: config.logLevel });
  if (withWorker && config.demo.clients > 0 && !(await hasAnyData(ctx.database))) {
    log.info(
      { clients: config.demo.clients },
      "empty database: generating the demo dealer group (a minute or two)",
    );
    await generateDemoGroup(ctx.database, { clients: config.demo.clients, seed: config.demo.seed, log });
  }
  const app = await buildApp(ctx);
  const worker = withWorker ? startBackground(ctx, app.log) : null;
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const db =
    config.database.kind === "postgres" ? "PostgreSQL" : `embedded PGlite in ${config.database.dataDir}`;
  const portalPhone = await demoPortalPhone(ctx.db);
  const portal = portalPhone
    ? `Client portal: ${url}/portal/  (demo client's phone ${portalPhone}; the sign-in code is written to the log)\n\n`
    : "";
  process.stdout.write(
    `\nOrbit is running at ${url}  (database: ${db})\nAPI reference: ${url}/api/docs\n\nDemo logins (password "${DEMO_PASSWORD}"):\n${DEMO_LOGINS.map((u) => `  ${u.login.padEnd(14)} ${u.role}`).join("\n")}\n\nDemo web site's events key (X-Orbit-Key for POST /api/events): ${DEMO_SITE_KEY}\n\n${portal}`,
  );
  onShutdown(async () => {
    await app.close();
    await worker?.stop();
    await ctx.database.close();
  });
}

async function runWorkerOnly(config: Config): Promise<void> {
  const ctx = await open(config);
  const log = pino({ level: config.logLevel });
  const worker = startBackground(ctx, log);
  log.info("worker started");
  onShutdown(async () => {
    await worker.stop();
    await ctx.database.close();
  });
}

function parse<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function runDemo(config: Config, args: string[]): Promise<void> {
  const { values } = parse({
    args,
    options: {
      clients: { type: "string", default: String(config.demo.clients) },
      seed: { type: "string", default: String(config.demo.seed) },
      "as-of": { type: "string" },
      reset: { type: "boolean", default: false },
    },
  });
  const clients = Number(values.clients);
  const seed = Number(values.seed);
  const asOf = values["as-of"];
  if (!Number.isInteger(clients) || clients < 0 || clients > 10_000_000) {
    throw new UsageError(`--clients must be a whole number from 0 to 10000000, got "${values.clients}"`);
  }
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new UsageError("--as-of must be YYYY-MM-DD");
  const database = await openTarget(config);
  try {
    if (values.reset) {
      await database.query(
        "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;",
      );
    }
    await migrate(database);
    if (await hasAnyData(database)) {
      throw new UsageError("the database already holds data; add --reset to wipe it and generate anew");
    }
    const log = pino({ level: config.logLevel });
    const started = Date.now();
    const summary = await generateDemoGroup(database, { clients, seed, log, ...(asOf ? { asOf } : {}) });
    process.stdout.write(
      `${JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
    );
  } finally {
    await database.close();
  }
}

async function runImportCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parse({
    args,
    allowPositionals: true,
    options: {
      source: { type: "string" },
      dealership: { type: "string" },
      map: { type: "string" },
      delimiter: { type: "string" },
      resume: { type: "string" },
    },
  });
  const ctx = await open(config);
  try {
    await importFromFile(ctx, {
      file: positionals[0],
      source: values.source,
      dealership: values.dealership,
      map: values.map,
      delimiter: values.delimiter,
      resume: values.resume,
      out: process.stdout,
      err: process.stderr,
    });
  } finally {
    await ctx.database.close();
  }
}

async function runBackup(config: Config, args: string[], direction: "backup" | "restore"): Promise<void> {
  const { positionals } = parse({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`${direction} takes one file name`);
  if (direction === "restore" && !existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const database = await openTarget(config);
  try {
    await migrate(database);
    const started = Date.now();
    const progress = (table: string, rows: number) =>
      process.stdout.write(`  ${table.padEnd(32)} ${rows.toLocaleString("en").padStart(12)} rows\n`);
    const tables =
      direction === "backup"
        ? await backupDatabase(database, file, progress)
        : await restoreDatabase(database, file, progress);
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${direction === "backup" ? "backed up" : "restored"} ${Object.keys(tables).length} tables, ${rows.toLocaleString("en")} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await database.close();
  }
}

async function runPriceListImport(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parse({
    args,
    allowPositionals: true,
    options: { source: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError("import-prices needs the price list file");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const ctx = await open(config);
  try {
    const source = values.source ?? basename(file);
    const result = await ctx.db.transaction((tx) =>
      importPriceList(tx, systemProcess("price-list"), decodePriceList(bytes), source),
    );
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (err) {
    if (err instanceof HttpError) throw new UsageError(err.message);
    throw err;
  } finally {
    await ctx.database.close();
  }
}

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
      const ctx = await open(config);
      await ctx.database.close();
      process.stdout.write("migrations applied\n");
      return;
    }
    case "demo":
      return runDemo(config, rest);
    case "import":
      return runImportCommand(config, rest);
    case "backup":
    case "restore":
      return runBackup(config, rest, command);
    case "import-prices":
      return runPriceListImport(config, rest);
    case "stock": {
      const ctx = await open(config);
      try {
        process.exitCode = await stockCommand(ctx.db, rest, process.stdout);
      } finally {
        await ctx.database.close();
      }
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ImportUsageError || err instanceof StockUsageError) {
    process.stderr.write(`orbit: ${err.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError || err instanceof DatabaseLockedError || err instanceof RestoreError) {
    process.stderr.write(`orbit: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`orbit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
