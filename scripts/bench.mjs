// `npm run bench <name>`: runs bench/<name>.ts and prints its figures.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

const name = process.argv[2];
const available = fs
  .readdirSync(path.join(root, "bench"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""));
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench <${available.join("|")}>`);
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", path.join(root, "bench", `${name}.ts`), ...process.argv.slice(3)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
