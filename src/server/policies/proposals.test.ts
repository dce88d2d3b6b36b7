import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { type ProposalSubject, proposalPolicy } from "./proposals.ts";

const actors: Record<string, Actor> = {
  coordinator: { userId: "u1", isAdmin: false, role: "coordinator", organizationId: null },
  secretary: { userId: "u2", isAdmin: false, role: "member", organizationId: null },
  seated: { userId: "u3", isAdmin: false, role: "member", organizationId: null },
  unseated: { userId: "u4", isAdmin: false, role: "member", organizationId: null },
  partner: { userId: "u5", isAdmin: false, role: "partner", organizationId: "caf" },
};
const seats: Record<string, Pick<ProposalSubject, "own" | "keepsMinutes">> = {
  coordinator: { own: [], keepsMinutes: false },
  secretary: { own: ["m2"], keepsMinutes: true },
  seated: { own: ["m3"], keepsMinutes: false },
  unseated: { own: [], keepsMinutes: false },
  partner: { own: [], keepsMinutes: false },
};

// actor → [vote, record in session, close, proxy, recount once decided, take part in consent]
const table: Record<string, boolean[]> = {
  coordinator: [false, true, true, true, true, true],
  secretary: [true, true, true, true, true, true],
  seated: [true, false, false, true, true, true],
  unseated: [false, false, false, false, true, false],
  partner: [false, false, false, false, false, false],
};

describe("proposal policy", () => {
  for (const [name, expected] of Object.entries(table)) {
    it(name, () => {
      const a = actors[name];
      const vote: ProposalSubject = { status: "open", method: "colleges", authorId: "u1", ...seats[name] };
      expect([
        proposalPolicy.vote(a, vote),
        proposalPolicy.record(a, vote),
        proposalPolicy.close(a, vote),
        proposalPolicy.proxy(a, vote),
        proposalPolicy.recount(a, { ...vote, status: "decided" }),
        proposalPolicy.consent(a, { ...vote, method: "consent" }),
      ]).toEqual(expected);
    });
  }

  it("allows nothing on a closed vote but the recount", () => {
    const a = actors.coordinator;
    const closed: ProposalSubject = { status: "decided", method: "majority", authorId: "u1", own: [], keepsMinutes: false };
    expect([proposalPolicy.record(a, closed), proposalPolicy.close(a, closed), proposalPolicy.recount(a, closed)]).toEqual([
      false,
      false,
      true,
    ]);
  });
});
