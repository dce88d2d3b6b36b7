import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { instanceSettings } from "../db/schema/index.ts";

/**
 * Without AUTH_SECRET, a random secret is generated once and stored in the database, so sessions survive
 * restarts and every app process behind a load balancer signs with the same key, on PGlite and on
 * PostgreSQL alike. The first process to insert wins; the others read its value.
 */
export async function loadOrCreateSecret(db: Db): Promise<string> {
  await db
    .insert(instanceSettings)
    .values({ key: "auth_secret", value: randomBytes(32).toString("hex") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, "auth_secret"));
  return row.value;
}
