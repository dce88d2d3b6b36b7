import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import { consortia, consortiumAccounts, instanceAdmins } from "../db/schema/index.ts";
import type { Auth } from "../modules/auth/auth.ts";
import type { Actor } from "../policies/actor.ts";
import { notFound, unauthenticated } from "./errors.ts";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

export type Consortium = typeof consortia.$inferSelect;

/** What every service receives: the database, who acts, and the consortium in scope. */
export interface Ctx {
  db: Db;
  actor: Actor;
  user: SessionUser;
  consortium: Consortium;
  now: Date;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Loads the session user on first call, then returns the same promise. */
    sessionUser?: () => Promise<SessionUser | null>;
  }
}

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.append(key, String(value));
  }
  return headers;
}

/** Mounts better-auth under /api/auth and loads the session user at most once per request. */
export function registerAuth(app: FastifyInstance, auth: Auth, db: Db, baseURL: string) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: {
      tags: ["auth"],
      summary:
        "better-auth endpoints: sign-up/email, sign-in/email, sign-out, get-session, request-password-reset, reset-password",
      hide: false,
    },
    config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
    async handler(request, reply) {
      const url = new URL(request.url, baseURL);
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers: toHeaders(request),
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        }),
      );
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie") reply.header(key, value);
      });
      for (const cookie of response.headers.getSetCookie()) reply.header("set-cookie", cookie);
      return reply.send(response.body ? await response.text() : null);
    },
  });

  app.decorateRequest("sessionUser", undefined);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
    // Lazy: routes that fail validation or need no user never touch the session table.
    let loaded: Promise<SessionUser | null> | undefined;
    request.sessionUser = () => {
      loaded ??= (async () => {
        const session = await auth.api.getSession({ headers: toHeaders(request) });
        if (!session) return null;
        const admin = await db
          .select({ userId: instanceAdmins.userId })
          .from(instanceAdmins)
          .where(eq(instanceAdmins.userId, session.user.id));
        return { id: session.user.id, name: session.user.name, email: session.user.email, isAdmin: admin.length > 0 };
      })();
      return loaded;
    };
  });
}

export async function currentUser(request: FastifyRequest): Promise<SessionUser | null> {
  return (await request.sessionUser?.()) ?? null;
}

export async function requireUser(request: FastifyRequest): Promise<SessionUser> {
  const user = await currentUser(request);
  if (!user) throw unauthenticated();
  return user;
}

/**
 * Resolves the consortium of the URL for the signed-in user. Someone without an account in it gets the
 * same 404 as for a consortium that does not exist, so slugs reveal nothing (instance admins see all).
 */
export async function consortiumCtx(request: FastifyRequest, db: Db, slug: string): Promise<Ctx> {
  const user = await requireUser(request);
  const rows = await db
    .select({ consortium: consortia, role: consortiumAccounts.role, organizationId: consortiumAccounts.organizationId })
    .from(consortia)
    .leftJoin(consortiumAccounts, and(eq(consortiumAccounts.consortiumId, consortia.id), eq(consortiumAccounts.userId, user.id)))
    .where(eq(consortia.slug, slug));
  const row = rows[0];
  if (!row || (!row.role && !user.isAdmin)) throw notFound("Consortium");
  return {
    db,
    user,
    consortium: row.consortium,
    now: new Date(),
    actor: { userId: user.id, isAdmin: user.isAdmin, role: row.role, organizationId: row.organizationId },
  };
}
