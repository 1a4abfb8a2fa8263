import { defineConfig } from "vitest/config";

// Three kinds of tests, told apart by file suffix:
//   *.test.ts          pure domain logic, no database
//   *.db.test.ts       integration tests against a fresh database: PGlite always, PostgreSQL when
//                      TEST_DATABASE_URL is set (the same files run twice)
//   *.browser.test.ts  the built web app in Debian chromium through playwright-core
const usePostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{server,web,contracts,bench}/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/*.browser.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        test: {
          name: "db",
          include: ["server/**/*.db.test.ts"],
          env: { ORBIT_TEST_DB: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(usePostgres
        ? [
            {
              test: {
                name: "db-postgres",
                include: ["server/**/*.db.test.ts"],
                env: { ORBIT_TEST_DB: "postgres" },
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "browser",
          include: ["web/test/**/*.browser.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
