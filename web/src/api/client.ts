import { ApiError, type FieldError } from "@orbit/contracts";

/** A failed API call: the server's error shape, or a synthetic one when the network or a proxy failed. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
    /** Seconds, from Retry-After (sign-in lockout, database unavailable). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON, except a Blob (an uploaded file), which is sent as it is with `contentType`. */
  body?: unknown;
  contentType?: string;
  query?: Query;
  signal?: AbortSignal;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// The token lives in memory only: it comes with every SessionInfo, so a reload gets it again from /me.
let csrfToken: string | null = null;
let unauthorizedHandler: () => void = () => {};
let csrfRefresher: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401: the session ended (expired, signed out elsewhere, account disabled). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** How to get a fresh CSRF token when the server rejects ours (e.g. after signing in from another tab). */
export function onCsrfRejected(refresh: () => Promise<string | null>): void {
  csrfRefresher = refresh;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (err) {
    // A stale token is not the user's fault: fetch the current one and try once more.
    if (err instanceof ApiRequestError && err.code === "csrf_failed" && csrfRefresher) {
      const fresh = await csrfRefresher();
      if (fresh) {
        csrfToken = fresh;
        return send<T>(path, options);
      }
    }
    throw err;
  }
}

async function send<T>(
  path: string,
  { method = "GET", body, contentType, query, signal }: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const raw = body instanceof Blob;
  if (raw) headers["content-type"] = contentType ?? (body.type || "application/octet-stream");
  else if (body !== undefined) headers["content-type"] = "application/json";
  if (UNSAFE.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: raw ? body : body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError(0, "network", "The server cannot be reached");
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  const parsed = ApiError.safeParse(payload);
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const error = parsed.success
    ? new ApiRequestError(
        response.status,
        parsed.data.error.code,
        parsed.data.error.message,
        parsed.data.error.fields,
        parsed.data.error.requestId,
        retryAfter,
      )
    : // Not our shape: a proxy or gateway answered (502 page, timeout).
      new ApiRequestError(
        response.status,
        `http_${response.status}`,
        response.statusText,
        [],
        undefined,
        retryAfter,
      );
  // A wrong password on the login form is not a lost session.
  if (response.status === 401 && error.code !== "invalid_credentials") unauthorizedHandler();
  throw error;
}

/** Server field paths ("body.login") as form field names ("login"). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) {
    const name = f.field.replace(/^(body|query|params)\./, "");
    out[name] ??= f.message;
  }
  return out;
}
