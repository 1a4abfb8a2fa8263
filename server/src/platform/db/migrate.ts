import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database";

/** The committed SQL migrations live in server/drizzle, found from both the sources and the bundle. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("server/drizzle migrations folder not found");
}

/** Applies the pending committed migrations (drizzle-kit SQL files). Safe to call from several processes. */
export async function migrate(database: Database): Promise<void> {
  await database.migrate(migrationsFolder());
}
