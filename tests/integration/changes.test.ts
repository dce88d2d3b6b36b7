import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesOf } from "../../src/server/db/changes.ts";
import { consortia, consortiumAccounts, sessions } from "../../src/server/db/schema/index.ts";
import { as, createTestApp, signUp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

// The server keeps sessions, access and agenda versions in memory (ADR 0021). Each case reads once so that
// the memory is filled, changes the database, and checks that the very next request sees the change.

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
});
afterAll(() => t.close());

const consortiumUrl = () => `/api/consortia/${w.consortium.slug}`;
const me = async (user: { cookie: string }) =>
  (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: user.cookie } })).json() as {
    user: { id: string } | null;
  };

describe("memory kept honest by change notifications", () => {
  it("listens from the start", () => {
    expect(changesOf(t.db)?.listening).toBe(true);
  });

  it("refuses a session as soon as it is signed out", async () => {
    const user = await signUp(t.app);
    expect((await me(user)).user?.id).toBe(user.id);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie: user.cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await me(user)).user).toBeNull();
    expect((await as(t.app, user)("GET", consortiumUrl())).statusCode).toBe(401);
  });

  it("refuses a session deleted behind the server's back", async () => {
    const user = await signUp(t.app);
    expect((await me(user)).user?.id).toBe(user.id);
    await t.db.delete(sessions).where(eq(sessions.userId, user.id));
    await t.settle();
    expect((await me(user)).user).toBeNull();
  });

  it("applies a role change made through the app to the next request", async () => {
    const member = as(t.app, w.users.member);
    expect((await member("GET", `${consortiumUrl()}/activity`)).statusCode).toBe(403);
    const promote = await as(t.app, w.users.coordinator)("PATCH", `${consortiumUrl()}/accounts/${w.users.member.id}`, {
      role: "coordinator",
    });
    expect(promote.statusCode, promote.body).toBe(200);
    expect((await member("GET", `${consortiumUrl()}/activity`)).statusCode).toBe(200);
    await t.db.update(consortiumAccounts).set({ role: "member" }).where(eq(consortiumAccounts.userId, w.users.member.id));
    await t.settle();
    expect((await member("GET", `${consortiumUrl()}/activity`)).statusCode).toBe(403);
  });

  it("forgets a consortium renamed behind the server's back, for the app and for the feeds", async () => {
    expect((await as(t.app, w.users.member)("GET", consortiumUrl())).json().name).toBe(w.consortium.name);
    expect((await t.app.inject({ method: "GET", url: `/ics/${w.consortium.slug}.ics` })).statusCode).toBe(200);
    await t.db.update(consortia).set({ name: "Réseau renommé" }).where(eq(consortia.id, w.consortium.id));
    await t.settle();
    expect((await as(t.app, w.users.member)("GET", consortiumUrl())).json().name).toBe("Réseau renommé");
    const feed = await t.app.inject({ method: "GET", url: `/ics/${w.consortium.slug}.ics` });
    expect(feed.body).toContain("Réseau renommé");
  });

  it("reads the database while it is not listening, then listens again", async () => {
    const feed = changesOf(t.db);
    if (!feed) throw new Error("no change feed");
    if (t.engine === "postgres") {
      // Cut the listening connection as a network failure or a server restart would.
      await t.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'maillage-listen' and datname = current_database()`);
      await expect.poll(() => feed.listening, { timeout: 5000 }).toBe(false);
      await t.db.update(consortia).set({ name: "Pendant la coupure" }).where(eq(consortia.id, w.consortium.id));
      expect((await as(t.app, w.users.member)("GET", consortiumUrl())).json().name).toBe("Pendant la coupure");
      await expect.poll(() => feed.listening, { timeout: 10_000 }).toBe(true);
    }
    await t.db.update(consortia).set({ name: "Après la coupure" }).where(eq(consortia.id, w.consortium.id));
    await t.settle();
    expect((await as(t.app, w.users.member)("GET", consortiumUrl())).json().name).toBe("Après la coupure");
  });
});
