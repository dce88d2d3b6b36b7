// Starts the server the way `npm start` does (the esbuild bundle, ADR 0014) for a benchmark, and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export interface RunningServer {
  base: string;
  pid: number;
  startedIn: number;
  stop(): Promise<void>;
}

export async function buildServer() {
  // @ts-expect-error: plain JavaScript helpers shared with the npm scripts.
  const { buildServerIfStale } = await import("../../scripts/lib.mjs");
  await buildServerIfStale();
}

export async function startServer(
  env: Record<string, string>,
  port: number,
  logFile: string,
  options: { profileDir?: string } = {},
): Promise<RunningServer> {
  const started = performance.now();
  const log = fs.openSync(logFile, "w");
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "--enable-source-maps", "dist/server/main.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SEED: "none",
      DATABASE_URL: "",
      ...env,
    },
    stdio: ["ignore", log, log],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
    fs.closeSync(log);
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, pid: child.pid as number, startedIn: (performance.now() - started) / 1000, stop };
}

/** Signs in through better-auth and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
