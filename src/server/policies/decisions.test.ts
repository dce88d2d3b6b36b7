import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { decisionPolicy, decisionRegisterPolicy } from "./decisions.ts";

const actors: Record<string, Actor> = {
  admin: { userId: "u0", isAdmin: true, role: null, organizationId: null },
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  referent: { userId: "u2", isAdmin: false, role: "referent", organizationId: "org-a" },
  member: { userId: "u3", isAdmin: false, role: "member", organizationId: null },
  partner: { userId: "u4", isAdmin: false, role: "partner", organizationId: "org-p" },
};

describe("decision policies", () => {
  it("lets the coordination alone keep the register's review dates, statuses and reminders", () => {
    for (const [name, a] of Object.entries(actors)) {
      const allowed = name === "admin" || name === "coordinator";
      for (const status of ["in_force", "to_review", "replaced", "repealed"] as const)
        expect(decisionPolicy.edit(a, { status }), name).toBe(allowed);
      expect(decisionRegisterPolicy.sendReminders(a, null), name).toBe(allowed);
    }
  });
});
