// Where the public identity datasets live: $ORBIT_DATASETS, else <repo>/../shared/datasets.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function datasetsRoot(): string {
  return process.env.ORBIT_DATASETS ?? join(repoRoot, "..", "shared", "datasets");
}

/** Absolute path of a file under <datasets>/identity, or null (with the reason) when it is missing. */
export function identityFile(relative: string): { path: string } | { missing: string } {
  const path = join(datasetsRoot(), "identity", relative);
  return existsSync(path) ? { path } : { missing: path };
}
