import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { consortiumPolicy, organizationPolicy, personPolicy, placePolicy } from "./directory.ts";

const ORG = "org-a";
const actors: Record<string, Actor> = {
  admin: { userId: "u0", isAdmin: true, role: null, organizationId: null },
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  referentHere: { userId: "u2", isAdmin: false, role: "referent", organizationId: ORG },
  referentElsewhere: { userId: "u3", isAdmin: false, role: "referent", organizationId: "org-b" },
  member: { userId: "u4", isAdmin: false, role: "member", organizationId: null },
  partner: { userId: "u5", isAdmin: false, role: "partner", organizationId: "org-p" },
};

// role → [consortium.update, org.update, place.update, person.update (not self), person.update (self)]
const table: Record<string, boolean[]> = {
  admin: [true, true, true, true, true],
  coordinator: [true, true, true, true, true],
  referentHere: [false, true, true, true, true],
  referentElsewhere: [false, false, false, false, true],
  member: [false, false, false, false, true],
  partner: [false, false, false, false, true],
};

describe("directory policies", () => {
  for (const [name, expected] of Object.entries(table)) {
    it(`${name}`, () => {
      const a = actors[name];
      const person = { userId: "someone", organizationIds: [ORG], contactVisibility: "consortium" as const };
      const self = { ...person, userId: a.userId, organizationIds: ["org-z"] };
      expect([
        consortiumPolicy.update(a),
        organizationPolicy.update(a, { id: ORG }),
        placePolicy.update(a, { organizationId: ORG }),
        personPolicy.update(a, person),
        personPolicy.update(a, self),
      ]).toEqual(expected);
    });
  }

  it("only lets members' organisations hold places", () => {
    expect(organizationPolicy.addPlace(actors.coordinator, { id: ORG, kind: "partner" })).toBe(false);
    expect(organizationPolicy.addPlace(actors.referentHere, { id: ORG, kind: "member" })).toBe(true);
  });

  it("hides private contacts from everyone but coordinators and the person", () => {
    const p = { userId: "u4", organizationIds: [ORG], contactVisibility: "private" as const };
    expect(personPolicy.seeContact(actors.referentHere, p)).toBe(false);
    expect(personPolicy.seeContact(actors.coordinator, p)).toBe(true);
    expect(personPolicy.seeContact(actors.member, p)).toBe(true);
  });
});
