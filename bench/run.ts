// `npm run bench -- <name> [args]` runs bench/<name>.ts, whose default export takes the remaining args.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(join(here, `${name}.ts`))) {
  console.error(`usage: npm run bench -- <name> [args]\nunknown benchmark: ${name ?? "(none)"}`);
  process.exit(2);
}
const mod = (await import(join(here, `${name}.ts`))) as { default: (args: string[]) => Promise<void> };
await mod.default(args);
