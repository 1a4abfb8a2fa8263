import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { HttpError } from "./errors";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A write must carry its session's CSRF token in X-CSRF-Token, staff and clients alike (compared in
 * constant time, so the answer's timing says nothing about the token).
 */
export function requireCsrfToken(request: FastifyRequest, expected: string): void {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const sent = request.headers["x-csrf-token"];
  if (
    typeof sent === "string" &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  )
    return;
  throw new HttpError(403, "csrf_failed", "Missing or wrong X-CSRF-Token header; reload the page");
}
