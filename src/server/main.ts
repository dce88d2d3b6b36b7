import { count } from "drizzle-orm";
import { buildApp } from "./app.ts";
import { createDatabase, type Database } from "./db/client.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { consortia } from "./db/schema/index.ts";
import { loadEnv } from "./env.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./seed/demo.ts";

async function main() {
  const env = loadEnv();
  let database: Database;
  try {
    database = await createDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await database.migrate();

  const app = await buildApp({ database, env });
  let seeded = false;
  if (env.SEED === "demo") {
    const [{ n }] = await database.db.select({ n: count() }).from(consortia);
    if (n === 0) {
      await seedDemo(database.db, app);
      seeded = true;
    }
  }

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  await app.listen({ port: env.PORT, host: env.HOST });
  const where = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite, ${env.DATA_DIR}`;
  const lines = [
    "",
    `  Maillage est prêt : ${env.PUBLIC_URL} (démarré en ${process.uptime().toFixed(1).replace(".", ",")} s)`,
    `  Base de données : ${where}${seeded ? " — consortium de démonstration créé" : ""}`,
  ];
  if (env.SEED === "demo") {
    lines.push(`  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.label.padEnd(30)} ${a.email}`);
  }
  lines.push("");
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
