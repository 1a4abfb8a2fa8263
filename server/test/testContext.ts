import type { AppContext } from "../src/app";
import { loadConfig } from "../src/config";
import { MatcherProvider } from "../src/modules/identity/matcher";
import { shippedModels } from "../src/modules/identity/shippedModels";
import type { Database } from "../src/platform/db/database";

/** The context the CLI builds for a server, for tests (API and browser) on a test database. */
export function testAppContext(database: Database): AppContext {
  return {
    db: database.db,
    database,
    config: loadConfig({ LOG_LEVEL: "silent" }),
    matchers: new MatcherProvider(shippedModels),
  };
}
