// The server the browser journeys run against: the built app on a throw-away PGlite directory with the demo.
import fs from "node:fs";
import path from "node:path";
import { buildServerIfStale, buildWebIfStale, root, runServer } from "./lib.mjs";

const dataDir = path.join(root, `.tmp/e2e-data-${process.env.PORT ?? 4173}`);
fs.rmSync(dataDir, { recursive: true, force: true });
buildWebIfStale();
await buildServerIfStale();
runServer({
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  HOST: "127.0.0.1",
  PUBLIC_URL: `http://127.0.0.1:${process.env.PORT ?? 4173}`,
  SEED: "demo",
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
  SMTP_URL: "",
  GEOCODER_URL: "",
});
