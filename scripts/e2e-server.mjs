// The server the browser journeys run against: the built app on a throw-away PGlite directory with the demo.
import fs from "node:fs";
import path from "node:path";
import { buildServerIfStale, buildWebIfStale, root, runServer } from "./lib.mjs";

const port = process.env.PORT ?? 4173;
const dataDir = path.join(root, `.tmp/e2e-data-${port}`);
// One web build per port: journeys run side by side on two ports never see each other's rebuilds.
const webDist = `dist/e2e-web-${port}`;
fs.rmSync(dataDir, { recursive: true, force: true });
buildWebIfStale({ outDir: webDist });
await buildServerIfStale();
runServer({
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  HOST: "127.0.0.1",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  WEB_DIST: webDist,
  SEED: "demo",
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
  SMTP_URL: "",
  GEOCODER_URL: "",
});
