import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { changesOf, remembered } from "../db/changes.ts";
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
  const loadUser = async (request: FastifyRequest): Promise<{ user: SessionUser; expiresAt: number } | null> => {
    const session = await auth.api.getSession({ headers: toHeaders(request) });
    if (!session) return null;
    const admin = await db
      .select({ userId: instanceAdmins.userId })
      .from(instanceAdmins)
      .where(eq(instanceAdmins.userId, session.user.id));
    const user = { id: session.user.id, name: session.user.name, email: session.user.email, isAdmin: admin.length > 0 };
    return { user, expiresAt: new Date(session.session.expiresAt).getTime() };
  };
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
    // Lazy: routes that fail validation or need no user never touch the session table.
    let loaded: Promise<SessionUser | null> | undefined;
    request.sessionUser = () => {
      loaded ??= (async () => {
        const cookie = sessionCookie(request.headers.cookie);
        if (!cookie) return null;
        const feed = changesOf(db);
        // Keyed by the whole signed cookie, stored only once better-auth has accepted it. Signing out, a
        // password reset, a change of name or of admin rights forget every entry (ADR 0021); the five
        // minutes let better-auth still extend sessions in use, as it does on its own reads.
        const found = feed
          ? await feed
              .memo<Awaited<ReturnType<typeof loadUser>>>("sessions", "sessions", { maxEntries: 10_000, ttlMs: 5 * 60_000 })
              .get(
                cookie,
                () => loadUser(request),
                (value) => value?.expiresAt ?? Number.POSITIVE_INFINITY,
              )
          : await loadUser(request);
        return found && found.expiresAt > Date.now() ? found.user : null;
      })();
      return loaded;
    };
  });
}

const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?better-auth\.session_token)=([^;]*)/;

/** The session cookie's value (a token and its signature), if the request carries one. */
function sessionCookie(header: string | undefined): string | null {
  const match = header ? SESSION_COOKIE.exec(header) : null;
  return match ? `${match[1]}=${match[2]}` : null;
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
  // Remembered per (consortium, user) until a consortium, an account or the admin list changes (ADR 0021).
  const row = await remembered(db, "access", "access", `${slug}\u0000${user.id}`, async () => {
    const rows = await db
      .select({ consortium: consortia, role: consortiumAccounts.role, organizationId: consortiumAccounts.organizationId })
      .from(consortia)
      .leftJoin(
        consortiumAccounts,
        and(eq(consortiumAccounts.consortiumId, consortia.id), eq(consortiumAccounts.userId, user.id)),
      )
      .where(eq(consortia.slug, slug));
    return rows[0] ?? null;
  });
  if (!row || (!row.role && !user.isAdmin)) throw notFound("Consortium");
  return {
    db,
    user,
    consortium: row.consortium,
    now: new Date(),
    actor: { userId: user.id, isAdmin: user.isAdmin, role: row.role, organizationId: row.organizationId },
  };
}
