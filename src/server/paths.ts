import path from "node:path";
import { fileURLToPath } from "node:url";

// This file sits two folders below the project root, and so does the bundled server (dist/server/main.mjs)
// that `npm start` runs: the same relative path works from both.
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const migrationsFolder = path.join(projectRoot, "src/server/db/migrations");
/** The built web app; WEB_DIST (relative to the project) lets the browser journeys of each port keep their own. */
export const webDist = path.resolve(projectRoot, process.env.WEB_DIST || "dist/web");
