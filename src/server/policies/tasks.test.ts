import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { canCreateTaskFor, taskPolicy } from "./tasks.ts";

const ORG = "org-a";
const actors: Record<string, Actor> = {
  admin: { userId: "u0", isAdmin: true, role: null, organizationId: null },
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  referent: { userId: "u2", isAdmin: false, role: "referent", organizationId: ORG },
  otherReferent: { userId: "u3", isAdmin: false, role: "referent", organizationId: "org-b" },
  responsible: { userId: "u4", isAdmin: false, role: "member", organizationId: null },
  member: { userId: "u5", isAdmin: false, role: "member", organizationId: null },
  partner: { userId: "u6", isAdmin: false, role: "partner", organizationId: ORG },
};
const task = { organizationId: ORG, responsibleUserId: "u4" };

// role → [update, complete, reopen, cancel, delete, create for ORG]
const table: Record<string, boolean[]> = {
  admin: [true, true, true, true, true, true],
  coordinator: [true, true, true, true, true, true],
  referent: [true, true, true, true, true, true],
  otherReferent: [false, false, false, false, false, false],
  responsible: [false, true, true, false, false, false],
  member: [false, false, false, false, false, false],
  partner: [false, false, false, false, false, false],
};

describe("task policy", () => {
  for (const [role, expected] of Object.entries(table)) {
    it(`${role}: ${expected.join(", ")}`, () => {
      const a = actors[role];
      expect([
        taskPolicy.update(a, task),
        taskPolicy.complete(a, task),
        taskPolicy.reopen(a, task),
        taskPolicy.cancel(a, task),
        taskPolicy.delete(a, task),
        canCreateTaskFor(a, ORG),
      ]).toEqual(expected);
    });
  }
  it("leaves a task of no organisation to the coordination", () => {
    expect(taskPolicy.update(actors.referent, { organizationId: null, responsibleUserId: null })).toBe(false);
    expect(canCreateTaskFor(actors.referent, null)).toBe(false);
    expect(canCreateTaskFor(actors.coordinator, null)).toBe(true);
  });
});
