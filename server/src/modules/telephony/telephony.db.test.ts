import { createServer, type Server } from "node:http";
import { createServer as createTcp, type Server as TcpServer } from "node:net";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { sendMessage } from "../messaging/messages.service";
import { smsRuProvider, smtpProvider, telegramProvider } from "../messaging/providers";
import { actingAs } from "../staff/actor";
import { resolveSession } from "../staff/session.service";
import { startAmiConnections } from "./ami/runner";
import { AMI_NOT_ANSWERED } from "./ami/sequences.fixture";
import { escalateCall } from "./escalation.service";
import { genericSignature, mangoSign } from "./signature";

let t: TestApp;
let operator: SignedIn;
let director: SignedIn;
let head: SignedIn;
let secret: string;
let client: { id: number; phone: string; name: string };
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApp({ clients: 60, seed: 5, asOf: dealerDay() });
  operator = await t.signIn("operator");
  director = await t.signIn("director");
  head = await t.signIn("callcenter.head");
  const made = await t.as(director, "POST", "/api/telephony/pbx", {
    code: "office",
    kind: "generic",
    name: "Офисная АТС",
  });
  expect(made.statusCode, made.body).toBe(200);
  secret = made.json().secret;
  [client] = (await t.database.query<{ id: number; phone: string; name: string }>(
    `SELECT p.id, c.value AS phone, p.display_name AS name FROM parties p JOIN contact_points c ON c.party_id = p.id
      WHERE c.kind = 'phone' AND c.valid_to IS NULL AND p.status = 'active' AND NOT p.blocked
        AND EXISTS (SELECT 1 FROM vehicle_ownerships o WHERE o.party_id = p.id AND o.valid_to IS NULL)
      ORDER BY p.id LIMIT 1`,
  )) as [typeof client];
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => t.close());

let seq = 0;
function post(body: Record<string, unknown>, opts: { secret?: string; ts?: number } = {}) {
  const raw = JSON.stringify(body);
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  return t.app.inject({
    method: "POST",
    url: "/api/telephony/webhooks/office",
    headers: {
      "content-type": "application/json",
      "x-orbit-timestamp": ts,
      "x-orbit-signature": `sha256=${genericSignature(opts.secret ?? secret, ts, raw)}`,
    },
    payload: raw,
  });
}
const event = (callId: string, type: string, extra: Record<string, unknown> = {}) => ({
  id: `${callId}-${type}-${++seq}`,
  callId,
  type,
  at: new Date().toISOString(),
  direction: "in",
  from: client.phone,
  to: "+74951234567",
  ...extra,
});

/** Reads the employee's push stream until an event of the type arrives. */
async function nextPush(who: SignedIn, type: string, trigger: () => Promise<unknown>) {
  const ac = new AbortController();
  const res = await fetch(`${baseUrl}/api/push/stream`, {
    headers: { cookie: who.cookie },
    signal: ac.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  // Wait for the stream to be registered before making the event.
  while (!text.includes(": connected")) text += decoder.decode((await reader.read()).value);
  await trigger();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const m = new RegExp(`event: ${type.replace(".", "\\.")}\\ndata: (.*)\\n`).exec(text);
    if (m) {
      ac.abort();
      return JSON.parse(m[1]!);
    }
    text += decoder.decode((await reader.read()).value);
  }
  ac.abort();
  throw new Error(`no ${type} push`);
}

describe("generic webhook", () => {
  it("refuses a bad signature, an old timestamp and an unknown connection alike", async () => {
    expect((await post(event("x1", "call.started"), { secret: "wrong-secret-1" })).statusCode).toBe(401);
    expect(
      (await post(event("x1", "call.started"), { ts: Math.floor(Date.now() / 1000) - 3600 })).statusCode,
    ).toBe(401);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/telephony/webhooks/nope",
      headers: { "content-type": "application/json" },
      payload: "{}",
    });
    expect(res.statusCode).toBe(401);
  });
  it("names the bad field", async () => {
    const res = await post({ ...event("x2", "call.started"), type: "call.exploded" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe("body.type");
  });
  it("applies an event once however often it is delivered", async () => {
    const e = event("dup-1", "call.started");
    expect((await post(e)).json()).toMatchObject({ duplicate: false });
    expect((await post(e)).json()).toMatchObject({ duplicate: true });
    expect(await count("SELECT count(*)::int AS n FROM calls WHERE external_id = 'dup-1'")).toBe(1);
  });
});

const count = async (q: string, p: unknown[] = []) => (await t.database.query<{ n: number }>(q, p))[0]!.n;

describe("an answered call", () => {
  it("pops the client's card at the extension, charges and returns points, lands on the timeline", async () => {
    await post(event("c1", "call.started"));
    const pop = await nextPush(operator, "call.ringing", () =>
      post(event("c1", "call.ringing", { extension: "130" })),
    );
    expect(pop.client).toMatchObject({ id: client.id });
    expect(pop.number).toBe(client.phone);
    await post(event("c1", "call.answered", { extension: "130" }));
    const callId = (
      await t.database.query<{ id: number }>("SELECT id FROM calls WHERE external_id = 'c1'")
    )[0]!.id;
    const call = (await t.as(operator, "GET", `/api/calls/${callId}`)).json();
    expect(call).toMatchObject({ state: "answered", userName: "Анастасия Игоревна Павлова" });
    expect(call.script.steps.map((s: { code: string }) => s.code)).toContain("offer_slot");
    const ticked = await t.as(operator, "POST", `/api/calls/${callId}/script`, { step: "greet", done: true });
    expect(ticked.json().script.steps[0].doneAt).not.toBeNull();
    expect(
      (await t.as(operator, "POST", `/api/calls/${callId}/script`, { step: "dance", done: true })).statusCode,
    ).toBe(400);
    const handed = await t.as(operator, "POST", `/api/calls/${callId}/handover`, {
      kind: "advisor",
      note: "ТО-2",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().points).toBe(50);
    const statement = (await t.as(operator, "GET", "/api/points/statement")).json();
    expect(statement.byRule).toEqual(expect.arrayContaining([{ code: "pickup", count: 1, points: -50 }]));
    expect(statement.total).toBe(0);
    await post(event("c1", "call.ended", { reason: "completed" }));
    await post(event("c1", "call.recording", { recordingUrl: `${recordingServer.url}/rec/c1.wav` }));
    const timeline = (await t.as(director, "GET", `/api/clients/${client.id}/timeline?limit=5`)).json();
    const entry = timeline.entries.find((e: { subject: string }) => e.subject === "call_in");
    expect(entry.recordingUrl).toMatch(/^\/api\/recordings\/\d+$/);
    // Supervisors listen through Orbit; an operator is not told where the recording is, nor may fetch it.
    const audio = await t.as(director, "GET", entry.recordingUrl);
    expect(audio.statusCode).toBe(200);
    expect(audio.rawPayload.subarray(0, 4).toString()).toBe("RIFF");
    expect((await t.as(operator, "GET", entry.recordingUrl)).statusCode).toBe(403);
    const own = (await t.as(operator, "GET", `/api/clients/${client.id}/timeline?limit=5`)).json();
    expect(own.entries.find((e: { subject: string }) => e.subject === "call_in").recordingUrl).toBeNull();
    expect(
      await count(
        "SELECT count(*)::int AS n FROM action_log WHERE process_step = 'call.answered' AND entity_id = $1",
        [String(callId)],
      ),
    ).toBe(1);
  });
});

describe("a missed call", () => {
  it("goes up the chain (head, then director), then lands in the journal with a call-back task", async () => {
    await post(event("m1", "call.ringing", { extension: "130" }));
    const callId = (
      await t.database.query<{ id: number }>("SELECT id FROM calls WHERE external_id = 'm1'")
    )[0]!.id;
    expect(
      await count("SELECT count(*)::int AS n FROM jobs WHERE dedupe_key = $1", [`escalate:${callId}:1`]),
    ).toBe(1);
    const pop = await nextPush(head, "call.ringing", () =>
      t.database.db.transaction((tx) => escalateCall(tx, callId, 1)),
    );
    expect(pop.escalation).toMatchObject({ step: 1 });
    await t.database.db.transaction((tx) => escalateCall(tx, callId, 2));
    const call = (await t.as(director, "GET", `/api/calls/${callId}`)).json();
    expect(call.escalatedTo.map((x: { name: string }) => x.name)).toEqual([
      "Татьяна Викторовна Белова",
      "Елена Сергеевна Морозова",
    ]);
    await post(event("m1", "call.ended", { reason: "no_answer" }));
    const journal = (await t.as(operator, "GET", "/api/calls/missed")).json();
    const missed = journal.calls.find((c: { id: number }) => c.id === callId);
    expect(missed).toMatchObject({ outcome: "missed", client: { id: client.id } });
    const task = (await t.as(operator, "GET", `/api/tasks/${missed.callback.taskId}`)).json();
    expect(task).toMatchObject({
      reason: { code: "missed_call" },
      queue: "call_center",
      assigneeUserId: operator.userId,
    });
    // A late escalation job does nothing to an ended call.
    expect(await t.database.db.transaction((tx) => escalateCall(tx, callId, 3))).toEqual({
      escalated: false,
    });
  });
});

let recordingServer: { url: string; server: Server };
beforeAll(async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "audio/wav" });
    res.end(Buffer.from("RIFF....WAVEfmt "));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  recordingServer = { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
  return () => new Promise<void>((r) => server.close(() => r()));
});

describe("Mango Office", () => {
  it("accepts signed notifications and refuses others", async () => {
    const made = await t.as(director, "POST", "/api/telephony/pbx", {
      code: "mango",
      kind: "mango",
      name: "Mango",
      apiKey: "vpbx-key-123",
      secret: "vpbx-salt-123",
    });
    expect(made.statusCode, made.body).toBe(200);
    const json = JSON.stringify({
      entry_id: "ME1",
      call_id: "MC1",
      seq: 1,
      timestamp: Math.floor(Date.now() / 1000),
      call_state: "Appeared",
      location: "abonent",
      from: { number: client.phone.slice(1) },
      to: { extension: "130" },
    });
    const form = (sign: string) =>
      new URLSearchParams({ vpbx_api_key: "vpbx-key-123", sign, json }).toString();
    const send = (payload: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/telephony/mango/mango/events/call",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload,
      });
    expect((await send(form("0".repeat(64)))).statusCode).toBe(401);
    const ok = await send(form(mangoSign("vpbx-key-123", json, "vpbx-salt-123")));
    expect(ok.statusCode, ok.body).toBe(200);
    const [call] = await t.database.query<{ party_id: number; extension: string }>(
      "SELECT party_id, extension FROM calls WHERE external_id = 'ME1'",
    );
    expect(call).toEqual({ party_id: client.id, extension: "130" });
  });
});

describe("Asterisk over AMI", () => {
  it("logs in to a server speaking AMI and turns its events into a missed call", async () => {
    const actions: string[] = [];
    const server: TcpServer = createTcp((socket) => {
      socket.write("Asterisk Call Manager/7.0.3\r\n");
      let buffer = "";
      socket.on("data", (chunk) => {
        buffer += chunk.toString();
        let i = buffer.indexOf("\r\n\r\n");
        while (i >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 4);
          const fields = Object.fromEntries(
            block.split("\r\n").map((l) => l.split(": ") as [string, string]),
          );
          actions.push(fields.Action!);
          const ok = fields.Action !== "Login" || fields.Secret === "ami-secret-1";
          socket.write(
            `Response: ${ok ? "Success" : "Error"}\r\nActionID: ${fields.ActionID}\r\nMessage: ${ok ? "Authentication accepted" : "Authentication failed"}\r\n\r\n`,
          );
          if (fields.Action === "Login" && ok) {
            const phone = client.phone;
            for (const e of AMI_NOT_ANSWERED) {
              const fieldsOut = {
                ...e,
                CallerIDNum: e.CallerIDNum === "+79161234567" ? phone : e.CallerIDNum,
              };
              socket.write(
                `${Object.entries(fieldsOut)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join("\r\n")}\r\n\r\n`,
              );
            }
          }
          i = buffer.indexOf("\r\n\r\n");
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const made = await t.as(director, "POST", "/api/telephony/pbx", {
      code: "asterisk",
      kind: "asterisk",
      name: "Asterisk",
      secret: "ami-secret-1",
      ami: { host: "127.0.0.1", port, username: "orbit", incomingContexts: ["from-trunk"] },
    });
    expect(made.statusCode, made.body).toBe(200);
    const ami = startAmiConnections(t.database, pino({ level: "silent" }));
    try {
      let row: { outcome: string; party_id: number } | undefined;
      for (let i = 0; i < 100 && !row?.outcome; i++) {
        await new Promise((r) => setTimeout(r, 100));
        [row] = await t.database.query(
          "SELECT outcome, party_id FROM calls WHERE external_id = '1790000100.2'",
        );
      }
      expect(row).toEqual({ outcome: "missed", party_id: client.id });
      expect(actions[0]).toBe("Login");
    } finally {
      await ami.stop();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("outgoing messages", () => {
  it("e-mail over SMTP, SMS.ru and Telegram, each on the timeline and held by consent", async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        let text = "";
        stream.on("data", (c) => (text += c.toString()));
        stream.on("end", () => {
          received.push(text);
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    const smtpPort = (smtp.server.address() as { port: number }).port;
    const requests: { url: string; body: string }[] = [];
    const http = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        requests.push({ url: req.url ?? "", body });
        res.setHeader("content-type", "application/json");
        if (req.url?.startsWith("/sms/send")) {
          const to = new URLSearchParams(body).get("to") ?? "";
          res.end(JSON.stringify({ status: "OK", sms: { [to]: { status: "OK", sms_id: "201-1" } } }));
        } else res.end(JSON.stringify({ ok: true, result: { message_id: 77 } }));
      });
    });
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    const httpUrl = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    try {
      const providers = {
        email: smtpProvider(`smtp://127.0.0.1:${smtpPort}`, "Орбита <noreply@orbita-auto.ru>"),
        sms: smsRuProvider({ apiId: "api-1", url: httpUrl, from: null }),
        messenger: telegramProvider({ token: "123456:bot-token", url: httpUrl }),
      };
      const [p] = await t.database.query<{ id: number }>(
        `SELECT p.id FROM parties p WHERE p.status = 'active' AND NOT p.blocked
            AND EXISTS (SELECT 1 FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'email' AND c.valid_to IS NULL)
            AND EXISTS (SELECT 1 FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL)
          ORDER BY p.id DESC LIMIT 1`,
      );
      const partyId = p!.id;
      await t.database.query("DELETE FROM consents WHERE party_id = $1", [partyId]);
      await t.database.query(
        "DELETE FROM tasks WHERE party_id = $1 AND created_at > now() - interval '7 days'",
        [partyId],
      );
      await t.database.query("UPDATE contact_policy SET max_contacts_per_week = 3 WHERE id = 1");
      await t.database.query(
        "INSERT INTO contact_points (party_id, kind, value, raw, source_system) VALUES ($1, 'telegram', '5550001', '5550001', 'orbit')",
        [partyId],
      );
      const session = (await resolveSession(
        t.database.db,
        decodeURIComponent(operator.cookie.split("=")[1]!),
        3600_000,
      ))!;
      const send = (channel: "email" | "sms" | "messenger", purpose: "service" | "marketing") =>
        sendMessage(t.database.db, providers, session, actingAs(session), {
          clientId: partyId,
          channel,
          purpose,
          subject: "Запись на ТО",
          text: "Ждём вас завтра в 10:00",
        });
      await expect(send("email", "marketing")).rejects.toThrow(/no consent to marketing/);
      const email = await send("email", "service");
      expect(email.status).toBe("sent");
      expect(received[0]).toContain("Subject:");
      expect((await send("sms", "service")).status).toBe("sent");
      expect(new URLSearchParams(requests[0]!.body).get("api_id")).toBe("api-1");
      expect((await send("messenger", "service")).status).toBe("sent");
      expect(requests[1]!.url).toBe("/bot123456:bot-token/sendMessage");
      expect(JSON.parse(requests[1]!.body).chat_id).toBe("5550001");
      // Three messages this week: the cap holds the fourth.
      await expect(send("sms", "service")).rejects.toThrow(/weekly cap/);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM interactions WHERE party_id = $1 AND ref_type = 'message'",
          [partyId],
        ),
      ).toBe(3);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    }
  });
});
