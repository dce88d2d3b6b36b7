import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { residencyPolicy, stayPolicy } from "./residencies.ts";

const HOST = "org-host";
const actors: Record<string, Actor> = {
  admin: { userId: "u0", isAdmin: true, role: null, organizationId: null },
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  hostReferent: { userId: "u2", isAdmin: false, role: "referent", organizationId: HOST },
  otherReferent: { userId: "u3", isAdmin: false, role: "referent", organizationId: "org-b" },
  member: { userId: "u4", isAdmin: false, role: "member", organizationId: null },
  partner: { userId: "u5", isAdmin: false, role: "partner", organizationId: HOST },
};

// role → [read draft, update residency, stay.update, stay.editHosting, stay.tick]
const table: Record<string, boolean[]> = {
  admin: [true, true, true, true, true],
  coordinator: [true, true, true, true, true],
  hostReferent: [true, false, false, true, true],
  otherReferent: [false, false, false, false, false],
  member: [false, false, false, false, false],
  partner: [false, false, false, false, false],
};

describe("residency policies", () => {
  for (const [name, expected] of Object.entries(table)) {
    it(name, () => {
      const a = actors[name];
      const draft = { visibility: "draft" as const, hostIds: [HOST] };
      const stay = { organizationId: HOST };
      expect([
        residencyPolicy.read(a, draft),
        residencyPolicy.update(a, draft),
        stayPolicy.update(a, stay),
        stayPolicy.editHosting(a, stay),
        stayPolicy.tick(a, stay),
      ]).toEqual(expected);
    });
  }

  it("lets every account read a residency shown to the consortium", () => {
    for (const a of Object.values(actors)) expect(residencyPolicy.read(a, { visibility: "consortium", hostIds: [] })).toBe(true);
  });
});
