import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ApiRequestError,
  api,
  buildUrl,
  fieldErrorsOf,
  onCsrfRejected,
  onUnauthorized,
  setCsrfToken,
} from "./client";

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal("fetch", fetchMock);

afterEach(() => {
  fetchMock.mockReset();
  setCsrfToken(null);
  onUnauthorized(() => {});
  onCsrfRejected(async () => null);
});

describe("api client", () => {
  it("builds query strings without empty values", () => {
    expect(buildUrl("/api/staff/users", { role: "admin", q: "", dealershipId: undefined, limit: 5 })).toBe(
      "/api/staff/users?role=admin&limit=5",
    );
    expect(buildUrl("/api/audit", {})).toBe("/api/audit");
  });

  it("sends the CSRF token on unsafe methods only", async () => {
    setCsrfToken("tok");
    fetchMock.mockResolvedValue(respond(200, { ok: true }));
    await api("/api/x");
    await api("/api/x", { method: "PATCH", body: { a: 1 } });
    const headers = fetchMock.mock.calls.map(([, init]) => init?.headers as Record<string, string>);
    expect(headers[0]?.["x-csrf-token"]).toBeUndefined();
    expect(headers[1]?.["x-csrf-token"]).toBe("tok");
    expect(headers[1]?.["content-type"]).toBe("application/json");
  });

  it("turns the API error shape into an ApiRequestError with field names", async () => {
    fetchMock.mockResolvedValue(
      respond(409, {
        error: {
          code: "conflict",
          message: "This login is taken",
          fields: [{ field: "body.login", message: "taken" }],
          requestId: "req-1",
        },
      }),
    );
    const error = await api("/api/staff/users", { method: "POST", body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: "conflict", requestId: "req-1" });
    expect(fieldErrorsOf(error)).toEqual({ login: "taken" });
  });

  it("reads Retry-After and survives a body that is not ours", async () => {
    fetchMock.mockResolvedValue(
      new Response("<html>Bad gateway</html>", { status: 502, headers: { "retry-after": "7" } }),
    );
    const error = await api("/api/x").catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: "http_502", retryAfter: 7 });
  });

  it("reports a network failure as such", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(api("/api/x")).rejects.toMatchObject({ status: 0, code: "network" });
  });

  it("sends a file as it is, with the given content type", async () => {
    setCsrfToken("tok");
    fetchMock.mockResolvedValue(respond(201, { ok: true }));
    const file = new Blob(["a;b\n1;2"], { type: "application/vnd.ms-excel" });
    await api("/api/imports", { method: "POST", body: file, contentType: "text/csv" });
    const init = fetchMock.mock.calls[0]?.[1];
    const headers = (init?.headers ?? {}) as Record<string, string>;
    expect(init?.body).toBe(file);
    expect(headers["content-type"]).toBe("text/csv");
    expect(headers["x-csrf-token"]).toBe("tok");
  });

  it("calls the unauthorized handler on 401", async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    fetchMock.mockResolvedValue(respond(401, { error: { code: "unauthorized", message: "Sign in" } }));
    await expect(api("/api/staff/users")).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledOnce();
  });

  it("fetches a fresh CSRF token and retries once when the token is rejected", async () => {
    setCsrfToken("stale");
    onCsrfRejected(async () => "fresh");
    fetchMock
      .mockResolvedValueOnce(respond(403, { error: { code: "csrf_failed", message: "reload" } }))
      .mockResolvedValueOnce(respond(200, { ok: true }));
    await expect(api("/api/auth/logout", { method: "POST" })).resolves.toEqual({ ok: true });
    const tokens = fetchMock.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)?.["x-csrf-token"],
    );
    expect(tokens).toEqual(["stale", "fresh"]);
  });
});
