import type { FieldError } from "@orbit/contracts";

/** An error meant for the client: its status, a stable code and a message safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = (message = "Sign in to continue") => new HttpError(401, "unauthorized", message);
export const forbidden = (message = "You do not have access to this") =>
  new HttpError(403, "forbidden", message);
export const notFound = (what: string) => new HttpError(404, "not_found", `${what} not found`);
export const conflict = (message: string, fields?: FieldError[]) =>
  new HttpError(409, "conflict", message, fields);
/** A refusal of the business rules with its own code, so the screen can say it in the employee's language. */
export const refused = (code: string, message: string) => new HttpError(409, code, message);
export const invalid = (field: string, message: string) =>
  new HttpError(400, "validation_failed", `${field}: ${message}`, [{ field, message }]);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, "too_many_requests", message, undefined, {
    "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const unavailable = (message = "The database is unavailable; try again shortly") =>
  new HttpError(503, "unavailable", message, undefined, { "retry-after": "5" });
