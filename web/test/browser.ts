/// <reference types="node" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { DEMO_PASSWORD, ROOT_DIR } from "./harness";

// Debian's chromium, never a downloaded one; playwright adds its own temporary --user-data-dir.
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const RESULTS_DIR = join(ROOT_DIR, "test-results");
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PageOptions extends BrowserContextOptions {
  baseURL: string;
}

/**
 * Runs `fn` on a page in a fresh browser context (own cookies and localStorage). On failure a full-page
 * screenshot goes to test-results/<name>.png before the error is rethrown.
 */
export async function withPage(
  browser: Browser,
  name: string,
  options: PageOptions,
  fn: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  // Fail within the test's budget with a useful message rather than at the runner's timeout.
  page.setDefaultTimeout(10_000);
  try {
    await fn(page);
  } catch (err) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

/** Signs in through the login form, as a person would, and waits for the app shell. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator('input[autocomplete="username"]').fill(login);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByRole("navigation").waitFor();
}

export interface ApiCaller {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  patch<T = unknown>(path: string, body: unknown): Promise<T>;
}

/**
 * The API as the signed-in page's employee: the context's session cookie, and the CSRF token from
 * /api/auth/me. For test data that the test is not about; what a test checks goes through the page.
 */
export async function apiAs(page: Page): Promise<ApiCaller> {
  const me = await page.request.get("/api/auth/me");
  if (!me.ok()) throw new Error(`not signed in: ${me.status()}`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const check = async <T>(response: Awaited<ReturnType<Page["request"]["get"]>>): Promise<T> => {
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const headers = { "x-csrf-token": csrfToken };
  return {
    get: async <T>(path: string) => check<T>(await page.request.get(path)),
    post: async <T>(path: string, body?: unknown) =>
      check<T>(await page.request.post(path, { data: body ?? {}, headers })),
    patch: async <T>(path: string, body: unknown) =>
      check<T>(await page.request.patch(path, { data: body, headers })),
  };
}
