import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { swapPolicy, turnPolicy } from "./rotations.ts";

const ORG = "org-a";
const actors: Record<string, Actor> = {
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  referentHere: { userId: "u2", isAdmin: false, role: "referent", organizationId: ORG },
  referentElsewhere: { userId: "u3", isAdmin: false, role: "referent", organizationId: "org-b" },
  hostPerson: { userId: "u4", isAdmin: false, role: "member", organizationId: null },
  otherMember: { userId: "u5", isAdmin: false, role: "member", organizationId: null },
};

// role → [withdraw a place's turn, withdraw a person's turn, answer a swap asked of the person, cancel, restore]
const table: Record<string, boolean[]> = {
  coordinator: [true, true, true, true, true],
  referentHere: [true, true, true, false, false],
  referentElsewhere: [false, false, false, false, false],
  hostPerson: [false, true, true, false, false],
  otherMember: [false, false, false, false, false],
};

describe("rotation policies", () => {
  const place = { organizationId: ORG, personUserId: null, status: "planned" as const, past: false };
  const person = { ...place, personUserId: "u4" };
  for (const [name, expected] of Object.entries(table)) {
    it(name, () => {
      const a = actors[name];
      expect([
        turnPolicy.withdraw(a, place),
        turnPolicy.withdraw(a, person),
        swapPolicy.answer(a, { status: "pending", toOrganizationId: ORG, toPersonUserId: "u4" }),
        turnPolicy.cancel(a, person),
        turnPolicy.restore(a, { ...person, status: "cancelled" }),
      ]).toEqual(expected);
    });
  }

  it("leaves past and cancelled turns alone", () => {
    const a = actors.hostPerson;
    expect(turnPolicy.withdraw(a, { organizationId: ORG, personUserId: "u4", status: "cancelled", past: false })).toBe(false);
    expect(turnPolicy.requestSwap(a, { organizationId: ORG, personUserId: "u4", status: "planned", past: true })).toBe(false);
    expect(
      turnPolicy.cancel(actors.coordinator, { organizationId: ORG, personUserId: null, status: "planned", past: true }),
    ).toBe(false);
  });
});
