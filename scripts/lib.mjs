// Small helpers shared by the npm scripts (plain Node, no TypeScript, so they run before anything is built).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the web app only when its sources are newer than the last build, so a warm start stays fast. */
export function buildWebIfStale({ force = false } = {}) {
  const built = path.join(root, "dist/web/index.html");
  const sources = ["src/web", "src/shared", "vite.config.ts", "package.json"].map((p) => newestMtime(path.join(root, p)));
  if (!force && fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.log("Construction de l'interface web…");
  const result = spawnSync(bin("vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs the TypeScript server through tsx, forwarding signals so Ctrl-C stops it cleanly. */
export function runServer(env = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/server/main.ts")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}
