import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../../src/server/app.ts";
import { changesOf } from "../../src/server/db/changes.ts";
import { createDatabase, type Database, type Db } from "../../src/server/db/client.ts";
import { loadEnv } from "../../src/server/env.ts";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  engine: "pglite" | "postgres";
  /** Waits until the server has heard of every change committed so far, as after a write made behind its back. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database in the engine under test: a golden PGlite copy, or a new PostgreSQL database. */
async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_DB_ENGINE === "postgres") {
    if (!url) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL");
    const name = `maillage_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await createDatabase({ url: target.toString() });
    await database.migrate();
    return {
      database,
      drop: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const golden = fs.readFileSync(path.resolve(".tmp/golden-pglite.tar.gz"));
  const database = await createDatabase({ dataDir: "memory://", loadDataDir: new Blob([golden]) });
  return { database, drop: async () => {} };
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  const app = await buildApp({
    database,
    env: loadEnv({ NODE_ENV: "test", PORT: "3000", LOG_LEVEL: "silent", ...env }),
    serveWeb: false,
    logger: false,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    engine: database.engine,
    settle: async () => changesOf(database.db)?.settle(),
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  cookie: string;
}

let userCounter = 0;

/** Signs up through the real auth endpoint and returns the session cookie for later requests. */
export async function signUp(
  app: FastifyInstance,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const n = ++userCounter;
  const email = overrides.email ?? `personne${n}.${randomBytes(3).toString("hex")}@exemple.fr`;
  const name = overrides.name ?? `Personne ${n}`;
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    payload: { email, name, password: overrides.password ?? "un-mot-de-passe-solide" },
  });
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { id: res.json().user.id, email, name, cookie: cookieOf(res) };
}

export function cookieOf(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

/** `app.inject` with a user's session (or none). */
export function as(app: FastifyInstance, user: TestUser | null) {
  return (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as never, headers: user ? { cookie: user.cookie } : {} });
}
