import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Real processes on a real data directory: the lock, the admin CLI and a restart that keeps the data.
// PGlite only (the lock guards PGlite directories); skipped from the PostgreSQL run by its engine check.
const onPglite = process.env.TEST_DB_ENGINE !== "postgres";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-proc-"));
const PORT = 3800 + Math.floor(Math.random() * 100);
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  SEED: "none",
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
  NODE_ENV: "production",
};
const tsx = (file: string, args: string[] = []) => [process.execPath, ["--import", "tsx", file, ...args]] as const;
let server: ChildProcess | null = null;

async function waitHealthy() {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) return res.json();
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not become healthy");
}

async function stop() {
  if (!server) return;
  const exited = new Promise((r) => server?.once("exit", r));
  server.kill("SIGTERM");
  await exited;
  server = null;
}

afterAll(async () => {
  await stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(onPglite)("processes on one data directory", () => {
  it("starts, then refuses a second process on the same DATA_DIR without touching it", async () => {
    server = spawn(...tsx("src/server/main.ts"), { env, stdio: "ignore" });
    expect(await waitHealthy()).toMatchObject({ status: "ok", database: "pglite" });
    const second = spawnSync(...tsx("src/server/main.ts"), {
      env: { ...env, PORT: String(PORT + 1) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/déjà utilisé par le processus/);
    expect(second.stderr).toMatch(/already in use/);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);
  }, 120_000);

  it("creates an instance admin from the CLI once the server is stopped, and keeps data across restarts", async () => {
    const createAdmin = () =>
      spawnSync(
        ...tsx("src/server/cli/create-admin.ts", [
          "--email",
          "chef@exemple.fr",
          "--name",
          "Cheffe",
          "--password",
          "mot-de-passe-cli",
        ]),
        {
          env,
          encoding: "utf8",
          timeout: 60_000,
        },
      );
    // While the server holds the data directory, the CLI is refused.
    const locked = createAdmin();
    expect(locked.status).toBe(1);
    await stop();
    const ok = createAdmin();
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toMatch(/administrateur/);
    server = spawn(...tsx("src/server/main.ts"), { env, stdio: "ignore" });
    await waitHealthy();
    const signIn = await fetch(`http://127.0.0.1:${PORT}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://127.0.0.1:${PORT}` },
      body: JSON.stringify({ email: "chef@exemple.fr", password: "mot-de-passe-cli" }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await (await fetch(`http://127.0.0.1:${PORT}/api/me`, { headers: { cookie } })).json();
    expect(me).toMatchObject({ isAdmin: true, user: { email: "chef@exemple.fr" } });
  }, 120_000);
});
