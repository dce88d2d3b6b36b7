// npm run bench startup — cold start (fresh data dir: initdb + migrations + demo seed) and warm start
// (existing data) to the first 200 on /api/health, and the gzipped size of the JS the first page loads.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3917;
const WARM_RUNS = 3;

async function startAndTime(dataDir: string): Promise<number> {
  const started = performance.now();
  // The same command `npm start` runs.
  const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", "dist/server/main.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SEED: "demo",
      DATABASE_URL: "",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

function firstPageJsGzip(): { files: string[]; bytes: number } {
  const dist = path.join(root, "dist/web");
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const refs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(refs)];
  const bytes = files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(dist, f.replace(/^\//, "")))).length, 0);
  return { files, bytes };
}

// @ts-expect-error: plain JavaScript helpers shared with the npm scripts.
const { buildServerIfStale, buildWebIfStale } = await import("../scripts/lib.mjs");
buildWebIfStale({ force: true });
await buildServerIfStale();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-bench-"));
const cold = await startAndTime(dir);
const warm: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) warm.push(await startAndTime(dir));
fs.rmSync(dir, { recursive: true, force: true });
const js = firstPageJsGzip();
const median = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)];

console.log("startup benchmark (2-core machine; figures vary between runs)");
console.log(`  cold start (initdb + migrations + demo seed) : ${cold.toFixed(2)} s   target ≤ 15 s`);
console.log(
  `  warm start, median of ${WARM_RUNS} (${warm.map((w) => w.toFixed(2)).join(", ")}) : ${median.toFixed(2)} s   target ≤ 3 s`,
);
console.log(`  first page JS, gzipped (${js.files.length} files) : ${(js.bytes / 1024).toFixed(1)} kB   target ≤ 300 kB`);
