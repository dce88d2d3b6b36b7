import path from "node:path";
import { fileURLToPath } from "node:url";

// This file sits two folders below the project root, and so does the bundled server (dist/server/main.mjs)
// that `npm start` runs: the same relative path works from both.
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const migrationsFolder = path.join(projectRoot, "src/server/db/migrations");
export const webDist = path.join(projectRoot, "dist/web");
