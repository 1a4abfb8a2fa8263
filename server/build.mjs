// Bundles the server into dist/orbit.mjs for `npm start`: the workspace packages (TypeScript sources)
// are compiled in, npm dependencies stay external and load from node_modules as usual.
import { cpSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@orbit/"));

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: "warning",
};
await build({ ...common, entryPoints: ["src/cli.ts"], outfile: "dist/orbit.mjs" });
// Worker threads (the demo generator's, the nightly scoring's) load these files from beside the bundle.
await build({
  ...common,
  entryPoints: ["src/modules/demo/clientsWorker.ts"],
  outfile: "dist/demo-clients-worker.mjs",
});
await build({
  ...common,
  entryPoints: ["src/modules/scoring/scoringWorker.ts"],
  outfile: "dist/scoring-worker.mjs",
});
cpSync("src/modules/identity/models", "dist/identity-models", { recursive: true });
