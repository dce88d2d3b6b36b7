import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { bodyPolicy, governancePolicy, mandatePolicy } from "./governance.ts";

const actors: Record<string, Actor> = {
  admin: { userId: "u0", isAdmin: true, role: null, organizationId: null },
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  referent: { userId: "u2", isAdmin: false, role: "referent", organizationId: "org-a" },
  member: { userId: "u3", isAdmin: false, role: "member", organizationId: null },
  partner: { userId: "u4", isAdmin: false, role: "partner", organizationId: "org-p" },
};

const open = { archived: false };
const running = { status: "current" as const, renewed: false, openEnded: false, endedEarly: false };

describe("governance policies", () => {
  it("lets the coordination alone keep bodies, mandates, colleges and associates", () => {
    for (const [name, a] of Object.entries(actors)) {
      const allowed = name === "admin" || name === "coordinator";
      expect(bodyPolicy.addMandate(a, open), name).toBe(allowed);
      expect(mandatePolicy.end(a, running), name).toBe(allowed);
      expect(mandatePolicy.renew(a, running), name).toBe(allowed);
      expect(governancePolicy.manageColleges(a, null), name).toBe(allowed);
      expect(governancePolicy.manageAssociates(a, null), name).toBe(allowed);
    }
  });

  it("takes no new mandate in an archived body, and ends or renews a mandate only once", () => {
    const c = actors.coordinator;
    expect(bodyPolicy.addMandate(c, { archived: true })).toBe(false);
    expect(bodyPolicy.archive(c, { archived: true })).toBe(false);
    expect(mandatePolicy.end(c, { ...running, status: "ended" })).toBe(false);
    expect(mandatePolicy.end(c, { ...running, status: "upcoming" })).toBe(true);
    expect(mandatePolicy.renew(c, { ...running, renewed: true })).toBe(false);
    expect(mandatePolicy.renew(c, { ...running, openEnded: true })).toBe(false);
    expect(mandatePolicy.renew(c, { ...running, status: "ended", endedEarly: true })).toBe(false);
    // A term that is over can still be renewed: the assembly sometimes votes after the end.
    expect(mandatePolicy.renew(c, { ...running, status: "ended" })).toBe(true);
  });
});
