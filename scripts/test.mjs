// `npm test`: typecheck, lint, build the web app, then every test project (unit, integration on
// PGlite, the same integration tests on PostgreSQL when TEST_DATABASE_URL is set, browser).
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", "npx", ["biome", "check", "."]],
  ["build web", "npm", ["run", "--silent", "build", "-w", "web"]],
  ["tests", "npx", ["vitest", "run"]],
];

if (!process.env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL is not set: integration tests run on PGlite only");
}
if (!process.env.TEST_NATS_URL) {
  console.log("TEST_NATS_URL is not set: events from NATS JetStream are not tested");
}
const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`\n=== ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`=== ${name} passed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
