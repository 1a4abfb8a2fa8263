import type { FastifyInstance } from "fastify";
import { invalid } from "./errors";

const MAX_DEPTH = 32;

/** The path of the first string holding U+0000 in a parsed query, path or JSON body, or null. */
export function nulCharacterAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = nulCharacterAt(value[i], `${path}.${i}`, depth + 1);
      if (at) return at;
    }
    return null;
  }
  // A stream or a buffer (an uploaded file) is read by its own route, not here.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === "function") return null;
  for (const [key, v] of Object.entries(value)) {
    const at =
      nulCharacterAt(key, `${path}.${key}`, depth + 1) ?? nulCharacterAt(v, `${path}.${key}`, depth + 1);
    if (at) return at;
  }
  return null;
}

/**
 * PostgreSQL's text cannot hold the NUL character, so a value with one would fail deep in a query as a
 * 500. It is refused at the door instead, wherever it comes: the path, the query string or the body.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const at =
      nulCharacterAt(request.params, "params") ??
      nulCharacterAt(request.query, "query") ??
      nulCharacterAt(request.body, "body");
    if (at) throw invalid(at, "must not contain the NUL character (U+0000)");
  });
}
