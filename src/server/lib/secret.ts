import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Env } from "../env.ts";

/**
 * Without AUTH_SECRET, a random secret is generated once and kept beside the data, so sessions survive
 * a restart and a fresh install needs no configuration. A server deployment should set AUTH_SECRET.
 */
export function loadOrCreateSecret(env: Env): string {
  if (env.NODE_ENV === "test" || env.DATABASE_URL) {
    // Tests and server deployments without AUTH_SECRET get a per-process secret (sessions do not survive a restart).
    return randomBytes(32).toString("hex");
  }
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
