// npm run admin:create -- --email you@example.org --name "Your Name" --password "…"
// Creates (or promotes) an instance administrator. Stop the server first when using PGlite: the data
// directory is locked by the running process.
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { buildApp } from "../app.ts";
import { createDatabase } from "../db/client.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { instanceAdmins, users } from "../db/schema/index.ts";
import { loadEnv } from "../env.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
if (!values.email) {
  console.error(
    'Usage : npm run admin:create -- --email adresse@exemple.fr --name "Nom" --password "mot de passe (10 caractères au moins)"',
  );
  process.exit(2);
}

const env = loadEnv();
let database: Awaited<ReturnType<typeof createDatabase>>;
try {
  database = await createDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
await database.migrate();
const email = values.email.trim().toLowerCase();
let [user] = await database.db.select().from(users).where(eq(users.email, email));
if (!user) {
  if (!values.password || !values.name) {
    console.error("Ce compte n'existe pas encore : indiquez aussi --name et --password.");
    process.exit(2);
  }
  const app = await buildApp({ database, env, serveWeb: false, logger: false });
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    payload: { email, name: values.name, password: values.password },
  });
  if (res.statusCode !== 200) {
    console.error(`Création refusée : ${res.json().message ?? res.body}`);
    process.exit(1);
  }
  await app.close();
  [user] = await database.db.select().from(users).where(eq(users.email, email));
}
await database.db.insert(instanceAdmins).values({ userId: user.id }).onConflictDoNothing();
console.log(`${user.name} <${user.email}> est administrateur·rice de l'instance.`);
await database.close();
process.exit(0);
