import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelParams } from "./matching";

/**
 * The matching models Orbit ships with, trained without labels on generated Russian client records
 * (scripts/build-shipped-models.ts). They serve until a model is trained on the dealer's own clients.
 */
let cached:
  | { person: { id: null; params: ModelParams }; company: { id: null; params: ModelParams } }
  | undefined;

export function shippedModels() {
  if (!cached) {
    const dir = findModelsDir();
    const read = (kind: string) => JSON.parse(readFileSync(join(dir, `${kind}.json`), "utf8")) as ModelParams;
    cached = { person: { id: null, params: read("person") }, company: { id: null, params: read("company") } };
  }
  return cached;
}

// The JSON sits beside the sources, and the server build copies it beside the bundle.
function findModelsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = [join(here, "models"), join(here, "identity-models")].find((d) =>
    existsSync(join(d, "person.json")),
  );
  if (!dir) throw new Error(`shipped matching models not found near ${here}`);
  return dir;
}
