import fs from "node:fs";
import path from "node:path";
import { createDatabase } from "../../src/server/db/client.ts";

export const GOLDEN = path.resolve(".tmp/golden-pglite.tar.gz");

/**
 * Migrates one in-memory PGlite and dumps it: every test file then starts from a copy of this golden
 * image in about half a second instead of initialising and migrating its own (ADR 0012).
 */
export default async function setup() {
  if (process.env.TEST_DB_ENGINE === "postgres") return;
  const database = await createDatabase({ dataDir: "memory://" });
  await database.migrate();
  const pglite = (database.db as unknown as { $client: { dumpDataDir(c: "gzip"): Promise<Blob> } }).$client;
  const blob = await pglite.dumpDataDir("gzip");
  fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
  fs.writeFileSync(GOLDEN, Buffer.from(await blob.arrayBuffer()));
  await database.close();
}
