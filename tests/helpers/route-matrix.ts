import { describe, expect, it } from "vitest";
import type { TestApp } from "./test-app.ts";
import { as } from "./test-app.ts";
import type { World } from "./world.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Role = keyof World["users"];

export interface RouteCase {
  method: Method;
  /** The route on an object of the signed-in user's consortium. */
  path: (w: World) => string;
  /** The same route aimed at an object of another consortium, through this consortium's URL. */
  otherConsortiumPath?: (w: World) => string;
  body?: (w: World) => unknown;
  /** An invalid body or query and one field the 422 must name. */
  invalid?: { path?: (w: World) => string; body?: (w: World) => unknown; field: string };
  /** A role that belongs to the consortium but may not do this. */
  forbiddenAs?: Role;
  allowedAs: Role;
  status: number;
  check?: (body: unknown, w: World) => void;
}

/**
 * Walks one route through the failure modes before the happy path: unauthenticated (401), a user with no
 * account in the consortium (404), another consortium's object (404), a forbidden role (403), invalid
 * input (422 with the field named), then success.
 */
export function describeRoute(name: string, ctx: { t: () => TestApp; w: () => World }, c: RouteCase) {
  describe(`${c.method} ${name}`, () => {
    it("401 without a session", async () => {
      const res = await as(ctx.t().app, null)(c.method, c.path(ctx.w()), c.body?.(ctx.w()));
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe("UNAUTHENTICATED");
    });
    it("404 for a user outside the consortium", async () => {
      const res = await as(ctx.t().app, ctx.w().users.outsider)(c.method, c.path(ctx.w()), c.body?.(ctx.w()));
      expect(res.statusCode).toBe(404);
    });
    if (c.otherConsortiumPath) {
      const other = c.otherConsortiumPath;
      it("404 for another consortium's object", async () => {
        const w = ctx.w();
        const res = await as(ctx.t().app, w.users[c.allowedAs])(c.method, other(w), c.body?.(w));
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe("NOT_FOUND");
      });
    }
    if (c.forbiddenAs) {
      const role = c.forbiddenAs;
      it(`403 for role ${role}`, async () => {
        const w = ctx.w();
        const res = await as(ctx.t().app, w.users[role])(c.method, c.path(w), c.body?.(w));
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe("FORBIDDEN");
      });
    }
    if (c.invalid) {
      const bad = c.invalid;
      it(`422 naming ${bad.field}`, async () => {
        const w = ctx.w();
        const res = await as(ctx.t().app, w.users[c.allowedAs])(c.method, (bad.path ?? c.path)(w), bad.body?.(w));
        expect(res.statusCode).toBe(422);
        const body = res.json();
        expect(body.code).toBe("VALIDATION");
        expect(Object.keys(body.fields ?? {})).toContain(bad.field);
      });
    }
    it(`${c.status} for role ${c.allowedAs}`, async () => {
      const w = ctx.w();
      const res = await as(ctx.t().app, w.users[c.allowedAs])(c.method, c.path(w), c.body?.(w));
      expect(res.statusCode, res.body).toBe(c.status);
      c.check?.(res.body ? res.json() : null, w);
    });
  });
}
