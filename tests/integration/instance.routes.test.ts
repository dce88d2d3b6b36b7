import http from "node:http";
import type { AddressInfo } from "node:net";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, cookieOf, createTestApp, signUp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("instance", () => {
  it("answers health with the engine and version", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.json()).toEqual({ status: "ok", database: t.engine, version: expect.any(String) });
  });

  it("publishes a valid OpenAPI 3 document listing every API route", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const paths = Object.keys(doc.paths);
    for (const p of [
      "/api/consortia/{slug}/places/{id}",
      "/api/consortia/{slug}/invitations",
      "/api/me",
      "/api/health",
      "/api/geocode",
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths.length).toBeGreaterThan(25);
  });

  it("answers unknown API routes and malformed JSON with the error shape", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("NOT_FOUND");
    const user = await signUp(t.app);
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/consortia",
      headers: { cookie: user.cookie, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(422);
  });
});

describe("accounts and sessions", () => {
  it("makes the first account instance admin, and only that one", async () => {
    // A fresh app: the signUp above ran in this file's database already, so check through /api/me.
    const fresh = await createTestApp();
    try {
      const first = await signUp(fresh.app);
      const second = await signUp(fresh.app);
      expect((await as(fresh.app, first)("GET", "/api/me")).json().isAdmin).toBe(true);
      expect((await as(fresh.app, second)("GET", "/api/me")).json().isAdmin).toBe(false);
      expect((await as(fresh.app, second)("GET", "/api/admin/outbox")).statusCode).toBe(403);
      expect((await as(fresh.app, null)("GET", "/api/admin/outbox")).statusCode).toBe(401);
    } finally {
      await fresh.close();
    }
  });

  it("signs in, refuses a wrong password, signs out", async () => {
    const user = await signUp(t.app, { email: "jeanne@exemple.fr", password: "correct-horse-battery" });
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: user.email, password: "pas-le-bon-mdp" },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: user.email, password: "correct-horse-battery" },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = cookieOf(ok);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).json().user.email).toBe(user.email);
    await t.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie }, payload: {} });
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).json().user).toBeNull();
  });

  it("refuses a short password at sign-up", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { email: "court@exemple.fr", name: "Court", password: "123" },
    });
    expect(res.statusCode).toBe(400);
  });

  it("resets a password through the e-mailed link", async () => {
    const admin = await signUp(t.app);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: "jeanne@exemple.fr", redirectTo: "/reinitialiser-mot-de-passe" },
    });
    // Only instance admins read the outbox; make this user one for the check.
    const { instanceAdmins } = await import("../../src/server/db/schema/index.ts");
    await t.db.insert(instanceAdmins).values({ userId: admin.id });
    await t.settle();
    const outbox = (await as(t.app, admin)("GET", "/api/admin/outbox")).json();
    const mail = outbox.find((m: { to: string }) => m.to === "jeanne@exemple.fr");
    expect(mail.subject).toMatch(/mot de passe/);
    const link = /(http\S+)/.exec(mail.text)?.[1] as string;
    const follow = await t.app.inject({ method: "GET", url: new URL(link).pathname + new URL(link).search });
    const location = follow.headers.location as string;
    const token = new URL(location, "http://x").searchParams.get("token");
    expect(token).toBeTruthy();
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "un-nouveau-secret-42" },
    });
    expect(reset.statusCode).toBe(200);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "jeanne@exemple.fr", password: "un-nouveau-secret-42" },
    });
    expect(signIn.statusCode).toBe(200);
  });
});

describe("geocoding", () => {
  it("is unavailable without GEOCODER_URL", async () => {
    const user = await signUp(t.app);
    const res = await as(t.app, user)("GET", "/api/geocode?q=12 rue des Lilas Crest");
    expect(res.statusCode).toBe(503);
    expect((await t.app.inject({ method: "GET", url: "/api/config" })).json().geocoder).toBe(false);
  });

  it("asks the configured address API and returns coordinates", async () => {
    // A local server speaking the national address API's format, over real HTTP on loopback.
    const server = http.createServer((req, res) => {
      const q = new URL(req.url ?? "/", "http://x").searchParams.get("q");
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            {
              geometry: { type: "Point", coordinates: [5.0221, 44.7284] },
              properties: { label: `${q} 26400 Crest`, postcode: "26400", city: "Crest", name: "12 Rue des Lilas" },
            },
          ],
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const geo = await createTestApp({ GEOCODER_URL: `http://127.0.0.1:${port}` });
    try {
      const user = await signUp(geo.app);
      expect((await as(geo.app, null)("GET", "/api/geocode?q=12 rue des Lilas")).statusCode).toBe(401);
      expect((await as(geo.app, user)("GET", "/api/geocode?q=a")).statusCode).toBe(422);
      const res = await as(geo.app, user)("GET", "/api/geocode?q=12 rue des Lilas");
      expect(res.json()[0]).toMatchObject({ latitude: 44.7284, longitude: 5.0221, postalCode: "26400", city: "Crest" });
    } finally {
      await geo.close();
      server.close();
    }
  });
});
