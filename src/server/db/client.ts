import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migrationsFolder } from "../paths.ts";
import { acquireDataDirLock } from "./lock.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** Both drivers expose the same query builder; services only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Receives the notifications of `channel` (LISTEN). `onLost` is called if the connection that listens
   * breaks (PostgreSQL only); the answer stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>>;
}

export const pgliteExtensions = { pg_trgm, unaccent, btree_gist };

/**
 * Opens the database: PostgreSQL when `url` is given, otherwise PGlite in `dataDir` (or in memory when
 * `dataDir` is "memory://"). An on-disk PGlite directory is locked for this process (ADR 0003).
 */
export async function createDatabase(options: { url?: string; dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db;
    return {
      db,
      engine: "postgres",
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
      async listen(channel, onMessage, onLost) {
        // A connection of its own: a pooled one would be handed to queries and miss notifications.
        const client = new pg.Client({ connectionString: options.url, application_name: "maillage-listen" });
        let open = true;
        const lost = () => {
          if (open) onLost();
          open = false;
        };
        client.on("error", lost);
        client.on("end", lost);
        client.on("notification", (message) => {
          if (message.channel === channel) onMessage(message.payload ?? "");
        });
        await client.connect();
        await client.query(`LISTEN ${channel}`);
        return async () => {
          open = false;
          await client.end().catch(() => {});
        };
      },
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  const onDisk = !dataDir.startsWith("memory://");
  let release = () => {};
  if (onDisk) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    const client = await PGlite.create(onDisk ? path.join(dataDir, "pg") : dataDir, {
      extensions: pgliteExtensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
    return {
      db,
      engine: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
      async listen(channel, onMessage) {
        // In-process: a notification is handed over while the committing query's answer is read, before
        // that query's promise settles, so nothing can read the database between a commit and its news.
        const stop = await client.listen(channel, onMessage);
        return async () => {
          if (!client.closed) await stop();
        };
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
