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

/**
 * Builds the web app only when its sources are newer than the last build, so a warm start stays fast. `outDir`
 * lets journeys on different ports keep their own build: a rebuild for one must not swap the files under another.
 */
export function buildWebIfStale({ force = false, outDir = "dist/web" } = {}) {
  const built = path.join(root, outDir, "index.html");
  const sources = ["src/web", "src/shared", "vite.config.ts", "package.json"].map((p) => newestMtime(path.join(root, p)));
  if (!force && fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.log("Construction de l'interface web…");
  const args = ["build", "--logLevel", "warn", "--outDir", path.join(root, outDir), "--emptyOutDir"];
  const result = spawnSync(bin("vite"), args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serverBundle = path.join(root, "dist/server/main.mjs");

/**
 * Bundles the server into one ES module (dependencies stay in node_modules) when its sources changed.
 * Starting from the bundle skips on-the-fly TypeScript and hundreds of small files: about a second
 * less on a warm start (ADR 0014).
 */
export async function buildServerIfStale() {
  const sources = ["src/server", "src/shared", "package.json"].map((p) => newestMtime(path.join(root, p)));
  if (fs.existsSync(serverBundle) && fs.statSync(serverBundle).mtimeMs >= Math.max(...sources)) return;
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(root, "src/server/main.ts")],
    outfile: serverBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

/**
 * Runs the server, forwarding signals so Ctrl-C stops it cleanly: the bundle by default, or the
 * TypeScript sources through tsx (`{ tsx: true }`, for development).
 */
export function runServer(env = {}, { tsx = false } = {}) {
  const args = tsx ? ["--import", "tsx", path.join(root, "src/server/main.ts")] : ["--enable-source-maps", serverBundle];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}
