// What the multi-process tests share: a demo group on a fresh PostgreSQL database, signing in over
// real HTTP, waiting for a condition, and client imports written as a DMS would export them.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { generateDemoGroup } from "../src/modules/demo/generate";
import { DEMO_PASSWORD } from "../src/modules/demo/orgStructure";
import { createTestDatabase } from "./testDatabase";

export async function demoDatabase(clients = 300) {
  const t = await createTestDatabase();
  if (!t.url) throw new Error("multi-process tests need PostgreSQL");
  await generateDemoGroup(t.database, { clients, seed: 11, log: pino({ level: "silent" }), match: false });
  return { ...t, url: t.url };
}

export interface HttpSession {
  cookie: string;
  csrf: string;
}

export async function signIn(baseUrl: string, login: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${login}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("orbit_session="));
  if (!cookie) throw new Error("no session cookie");
  return { cookie, csrf: csrfToken };
}

/** A call as the web client makes it: the session cookie, and the CSRF token on writes. */
export async function call(
  baseUrl: string,
  session: HttpSession,
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === "GET" ? {} : { "x-csrf-token": session.csrf }),
      ...(body === undefined ? {} : { "content-type": contentType }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json };
}

export async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not reached in ${ms / 1000} s`);
}

/** A client export of `rows` distinct people (keys, names and phones all differ), as CSV text. */
export function clientExport(prefix: string, rows: number, phoneBase: number): string {
  const letters = "абвгдежзиклмнопрстуфхцчшщэюя";
  const lines = ["Код;Фамилия;Имя;Телефон"];
  for (let i = 0; i < rows; i++) {
    const surname = `${letters[i % 28]}${letters[Math.floor(i / 28) % 28]}${letters[Math.floor(i / 784) % 28]}`;
    lines.push(`${prefix}-${i};Иванов${surname};Пётр;+79${String(phoneBase + i).padStart(9, "0")}`);
  }
  return lines.join("\n");
}

export function writeExport(csv: string): string {
  const path = join(
    tmpdir(),
    `orbit-export-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`,
  );
  writeFileSync(path, csv);
  return path;
}
