import { hash, verify } from "@node-rs/argon2";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
// The minimal entry leaves out the built-in Kysely adapters we do not use: a faster start (ADR 0014).
import { betterAuth } from "better-auth/minimal";
import { count } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { accounts, instanceAdmins, sessions, users, verifications } from "../../db/schema/index.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { recordActivity } from "../activity.ts";

export interface AuthOptions {
  db: Db;
  mailer: Mailer;
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
  /** Silence better-auth's own warnings (wrong passwords…) in tests. */
  quiet?: boolean;
}

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, slow enough for offline guessing.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function createAuth({ db, mailer, baseURL, secret, trustedOrigins, quiet }: AuthOptions) {
  return betterAuth({
    logger: { disabled: quiet ?? false },
    baseURL,
    basePath: "/api/auth",
    secret,
    trustedOrigins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      password: {
        hash: (password) => hash(password, ARGON2),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await mailer.send({
          to: user.email,
          subject: "Maillage : réinitialiser votre mot de passe",
          text:
            `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${url}\n\n` +
            "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n",
        });
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // The app's own limiter covers /api; better-auth's in-memory one would not be shared between processes.
    rateLimit: { enabled: false },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    databaseHooks: {
      user: {
        create: {
          // The first account of a fresh instance becomes its administrator (documented in the README).
          after: async (user) => {
            await db.transaction(async (tx) => {
              const [{ value }] = await tx.select({ value: count() }).from(instanceAdmins);
              if (value === 0) {
                await tx.insert(instanceAdmins).values({ userId: user.id }).onConflictDoNothing();
                await recordActivity(tx, {
                  consortiumId: null,
                  actorUserId: user.id,
                  action: "instance.admin_granted",
                  subjectType: "user",
                  subjectId: user.id,
                  summary: `${user.name} devient administrateur de l'instance (premier compte)`,
                });
              }
            });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
