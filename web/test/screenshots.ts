/// <reference types="node" />
// Screenshots for the README: the login page and the home page, in Russian, at 1280x800.
// Run: node --import tsx web/test/screenshots.ts
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DESKTOP, launchBrowser, signIn } from "./browser";
import { ROOT_DIR, startOrbit } from "./harness";

const OUT = join(ROOT_DIR, "docs", "screenshots");

const server = await startOrbit();
const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "ru-RU" });
  const page = await context.newPage();

  await page.goto("/login");
  await page.getByRole("heading", { name: "Вход в Orbit" }).waitFor();
  await page.screenshot({ path: join(OUT, "login.png") });

  // A head of sales: a real dealership in the header and the Staff and Action log sections in the menu.
  await signIn(page, "sales.manager");
  await page.getByRole("heading", { name: /Игорь Павлович!/ }).waitFor();
  await page.mouse.move(0, DESKTOP.height - 1);
  await page.screenshot({ path: join(OUT, "home.png") });
  console.log(`Saved ${join(OUT, "login.png")} and ${join(OUT, "home.png")}`);
} finally {
  await browser.close();
  await server.close();
}
