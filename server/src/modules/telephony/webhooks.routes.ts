import { GenericCallEvent } from "@orbit/contracts";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app";
import { HttpError, invalid } from "../../platform/http/errors";
import { pbxByCode } from "./config.service";
import type { CallEvent } from "./events";
import { fromGeneric } from "./generic";
import { ingestCallEvent } from "./ingest.service";
import { fromMango, MANGO_RECORDING, MangoFormatError, type MangoKind } from "./mango";
import { checkGenericSignature, checkMangoSign, REPLAY_WINDOW_S } from "./signature";

const unauthorised = (reason: string) => new HttpError(401, "bad_signature", reason);

/**
 * Where telephone systems post their events. No session: each request is authenticated by its
 * signature over the exact bytes received (so the body is kept raw here), and each event is applied
 * once however often it is delivered.
 */
export const telephonyWebhookRoutes: FastifyPluginAsync<AppContext> = async (app, { db }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ["application/json", "application/x-www-form-urlencoded"],
    { parseAs: "string", bodyLimit: 256 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const apply = (pbx: NonNullable<Awaited<ReturnType<typeof pbxByCode>>>, e: CallEvent) =>
    db.transaction((tx) =>
      ingestCallEvent(tx, { id: pbx.id, code: pbx.code, kind: pbx.kind, dealershipId: pbx.dealershipId }, e),
    );

  app.post(
    "/api/telephony/webhooks/:code",
    {
      schema: { tags: ["telephony"], params: z.object({ code: z.string().max(40) }) } as never,
      config: { access: { public: true } },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const pbx = await pbxByCode(db, code);
      // The same answer for an unknown connection and a bad signature: nothing to learn by probing.
      if (pbx?.kind !== "generic") throw unauthorised("signature does not match");
      const raw = typeof request.body === "string" ? request.body : "";
      const check = checkGenericSignature(
        pbx.secret,
        {
          timestamp: header(request.headers["x-orbit-timestamp"]),
          signature: header(request.headers["x-orbit-signature"]),
        },
        raw,
      );
      if (!check.ok) throw unauthorised(check.reason);
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw invalid("body", "not JSON");
      }
      const parsed = GenericCallEvent.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(`body.${issue?.path.join(".") ?? ""}`, issue?.message ?? "invalid");
      }
      const result = await apply(pbx, fromGeneric(parsed.data));
      return { ok: true, duplicate: result.duplicate, callId: result.callId };
    },
  );

  // Mango Office posts to <integration address>/events/call, /events/summary, /events/recording.
  app.post(
    "/api/telephony/mango/:code/events/:kind",
    {
      schema: { tags: ["telephony"] } as never,
      config: { access: { public: true } },
    },
    async (request) => {
      const { code, kind } = request.params as { code: string; kind: string };
      if (!["call", "summary", "recording"].includes(kind)) {
        // Other notifications (dtmf, sms, ...) are acknowledged so Mango does not retry them.
        return { ok: true, ignored: true };
      }
      const pbx = await pbxByCode(db, code);
      if (pbx?.kind !== "mango" || !pbx.apiKey) throw unauthorised("signature does not match");
      const form = new URLSearchParams(typeof request.body === "string" ? request.body : "");
      const json = form.get("json") ?? "";
      if (
        !checkMangoSign(pbx.apiKey, pbx.secret, form.get("vpbx_api_key") ?? "", form.get("sign") ?? "", json)
      ) {
        throw unauthorised("signature does not match");
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(json);
      } catch {
        throw invalid("json", "not JSON");
      }
      const stamp = Number(body.timestamp ?? body.end_time);
      if (Number.isFinite(stamp) && Math.abs(Date.now() / 1000 - stamp) > REPLAY_WINDOW_S * 12) {
        // Mango retries a failed notification for a while; an hour-old one is a replay.
        throw unauthorised("timestamp outside the replay window");
      }
      let e: CallEvent | null;
      try {
        e = fromMango(kind as MangoKind, body, (id) => `${MANGO_RECORDING}${id}`);
      } catch (err) {
        if (err instanceof MangoFormatError) throw invalid("json", err.message);
        throw err;
      }
      if (!e) return { ok: true, ignored: true };
      const result = await apply(pbx, e);
      return { ok: true, duplicate: result.duplicate, callId: result.callId };
    },
  );
};

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
