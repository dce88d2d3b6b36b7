import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agWorkedExampleGroups } from "./fixtures.ts";
import { describeIssue } from "./labels.ts";
import { CHOICES, type Choice, type CollegeRule, type TallyRule, tally } from "./tally.ts";
import { type CastBallot, castVote, closeVote, openVote, recount, sameJson, type VoteSetup, type VoteState } from "./vote.ts";

const weighted: CollegeRule = {
  method: "colleges",
  counting: "proportional",
  threshold: "simple",
  base: "cast",
  abstentions: "excluded",
  silentCollege: "excluded",
};

/** The electorate and ballots of §1.6, one member per ballot (plus the members who did not vote). */
function workedExample(): { setup: VoteSetup; ballots: CastBallot[] } {
  const members: VoteSetup["members"] = [];
  const ballots: CastBallot[] = [];
  for (const g of agWorkedExampleGroups) {
    let i = 0;
    for (const choice of CHOICES) {
      for (let k = 0; k < g.counts[choice]; k++) {
        const id = `${g.id}-${++i}`;
        members.push({ id, collegeId: g.id });
        ballots.push({ memberId: id, castBy: id, choice });
      }
    }
    while (i < g.members) members.push({ id: `${g.id}-${++i}`, collegeId: g.id });
  }
  return {
    setup: {
      rule: weighted,
      secrecy: "open",
      colleges: agWorkedExampleGroups.map(({ id, name, weight }) => ({ id, name, weight })),
      members,
      proxies: [],
    },
    ballots,
  };
}

function run(setup: VoteSetup, ballots: CastBallot[]): VoteState {
  const opened = openVote(setup);
  if (!opened.ok) throw new Error(opened.error.code);
  let state = opened.state;
  for (const b of ballots) {
    const t = castVote(state, b);
    if (!t.ok) throw new Error(t.error.code);
    state = t.state;
  }
  const closed = closeVote(state, "2027-06-12T18:30:00.000Z");
  if (!closed.ok) throw new Error(closed.error.code);
  return closed.state;
}

describe("ballot box", () => {
  it("counts §1.6 from individual ballots exactly as from the summary", () => {
    const { setup, ballots } = workedExample();
    const state = run(setup, ballots);
    expect(state.record!.result).toEqual(tally({ rule: weighted, groups: agWorkedExampleGroups }));
    expect(state.record!.result.forWeight).toBe("1061/1650");
    expect(state.record!.voters).toHaveLength(38);
    expect(state.record!.ballots).toHaveLength(38);
  });

  it("lets a proxy holder vote for the member they represent, in that member's college", () => {
    const setup: VoteSetup = {
      rule: weighted,
      secrecy: "open",
      colleges: [
        { id: "a", name: "A", weight: "1/2" },
        { id: "b", name: "B", weight: "3/10" },
        { id: "c", name: "C", weight: "1/5" },
      ],
      members: [
        { id: "ana", collegeId: "a" },
        { id: "bob", collegeId: "b" },
        { id: "cam", collegeId: "c" },
      ],
      proxies: [{ from: "cam", to: "ana" }],
    };
    let s = openVote(setup);
    if (!s.ok) throw new Error();
    const cast = (b: CastBallot) => {
      const t = castVote((s as { state: VoteState }).state, b);
      return t;
    };
    expect(cast({ memberId: "bob", castBy: "ana", choice: "for" })).toMatchObject({
      ok: false,
      error: { code: "vote_not_entitled" },
    });
    expect(cast({ memberId: "zoe", castBy: "zoe", choice: "for" })).toMatchObject({
      ok: false,
      error: { code: "vote_not_a_member" },
    });
    for (const b of [
      { memberId: "ana", castBy: "ana", choice: "against" },
      { memberId: "cam", castBy: "ana", choice: "for" },
      { memberId: "bob", castBy: "bob", choice: "for" },
      // Changing one's mind while the vote is open replaces the ballot.
      { memberId: "ana", castBy: "ana", choice: "for" },
    ] as CastBallot[]) {
      const t = cast(b);
      if (!t.ok) throw new Error(t.error.code);
      s = t;
    }
    const closed = closeVote(s.state, "2027-06-12T18:30:00.000Z");
    if (!closed.ok) throw new Error();
    const r = closed.state.record!;
    expect(r.result.groups.map((g) => g.counts.for)).toEqual([1, 1, 1]);
    expect(r.ballots).toEqual([
      { memberId: "ana", groupId: "a", castBy: "ana", choice: "for" },
      { memberId: "bob", groupId: "b", castBy: "bob", choice: "for" },
      { memberId: "cam", groupId: "c", castBy: "ana", choice: "for" },
    ]);
  });

  it("cannot be changed once closed", () => {
    const { setup, ballots } = workedExample();
    const closed = run(setup, ballots.slice(0, 5));
    const late = castVote(closed, ballots[6]);
    expect(late).toMatchObject({ ok: false, error: { code: "vote_closed" } });
    expect(closeVote(closed, "2027-06-13T00:00:00.000Z")).toMatchObject({ ok: false, error: { code: "vote_closed" } });
    if (!late.ok) expect(describeIssue(late.error)).toBe("Ce vote est clos : son résultat ne peut plus changer.");
  });

  it("refuses a weighted vote when a member has no college", () => {
    const { setup } = workedExample();
    const t = openVote({ ...setup, members: [...setup.members, { id: "lost", collegeId: null }] });
    expect(t).toMatchObject({ ok: false, error: { code: "vote_no_college", params: { member: "lost" } } });
  });

  it("keeps only who voted, not how, in a secret ballot", () => {
    const { setup, ballots } = workedExample();
    const r = run({ ...setup, secrecy: "secret" }, ballots).record!;
    expect(r.ballots).toBeNull();
    expect(r.voters).toHaveLength(38);
    expect(recount(JSON.parse(JSON.stringify(r))).matches).toBe(true);
  });

  it("counts a body without colleges as one group", () => {
    const rule: TallyRule = { method: "majority", threshold: "two_thirds", base: "cast", abstentions: "excluded" };
    const members = ["a", "b", "c", "d"].map((id) => ({ id }));
    const r = run({ rule, secrecy: "open", colleges: [], members, proxies: [] }, [
      { memberId: "a", castBy: "a", choice: "for" },
      { memberId: "b", castBy: "b", choice: "for" },
      { memberId: "c", castBy: "c", choice: "against" },
    ]).record!;
    expect(r.input.groups.map((g) => [g.id, g.members])).toEqual([["all", 4]]);
    // A member whose college is unknown is not dropped: the body then votes as one group.
    const mixed = run(
      {
        rule,
        secrecy: "open",
        colleges: [{ id: "x", name: "X", weight: null }],
        members: [
          { id: "a", collegeId: "x" },
          { id: "b", collegeId: "y" },
        ],
        proxies: [],
      },
      [{ memberId: "b", castBy: "b", choice: "for" }],
    ).record!;
    expect(mixed.input.groups.map((g) => [g.id, g.members, g.counts.for])).toEqual([["all", 2, 1]]);
    expect([r.result.forShare, r.result.outcome]).toEqual(["2/3", "adopted"]);
  });
});

describe("recount", () => {
  it("finds the same result from the stored record, whatever the key order", () => {
    const { setup, ballots } = workedExample();
    const stored = JSON.parse(JSON.stringify(run(setup, ballots).record));
    // jsonb gives keys back in another order.
    const reordered = JSON.parse(
      JSON.stringify(stored, (_k, v) =>
        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    );
    const again = recount(reordered);
    expect(again).toMatchObject({ matches: true, issues: [] });
    expect(sameJson(again.result, stored.result)).toBe(true);
  });

  it("notices a result, a ballot or a signing sheet that was tampered with", () => {
    const { setup, ballots } = workedExample();
    const record = run(setup, ballots).record!;
    const wrongResult = { ...record, result: { ...record.result, outcome: "rejected" as const } };
    expect(recount(wrongResult).issues.map((i) => i.code)).toEqual(["recount_result_differs"]);
    const wrongBallot = {
      ...record,
      ballots: record.ballots!.map((b, i) => (i === 0 ? { ...b, choice: "against" as Choice } : b)),
    };
    expect(recount(wrongBallot).issues.map((i) => i.code)).toEqual(["recount_ballots_differ"]);
    const wrongSheet = { ...record, voters: record.voters.slice(1) };
    expect(recount(wrongSheet).issues.map((i) => i.code)).toEqual(["recount_voters_differ", "recount_voters_differ"]);
    const broken = { ...record, input: { ...record.input, groups: [] } };
    expect(recount(broken)).toMatchObject({ matches: false, result: null });
  });

  it("property: the order of the ballots changes nothing, and every record recounts to itself", () => {
    const arb = fc.array(fc.constantFrom<Choice | null>(...CHOICES, null), { minLength: 1, maxLength: 30 }).chain((choices) =>
      fc.record({
        choices: fc.constant(choices),
        order: fc.shuffledSubarray(
          choices.map((_, i) => i),
          { minLength: choices.length, maxLength: choices.length },
        ),
        rule: fc.constantFrom<TallyRule>(
          weighted,
          { ...weighted, counting: "college_majority" },
          {
            method: "majority",
            threshold: "two_thirds",
            base: "members",
            abstentions: "counted",
          },
        ),
        secrecy: fc.constantFrom<"open" | "secret">("open", "secret"),
      }),
    );
    fc.assert(
      fc.property(arb, ({ choices, order, rule, secrecy }) => {
        const colleges = [
          { id: "a", name: "A", weight: "2/5" },
          { id: "b", name: "B", weight: "2/5" },
          { id: "c", name: "C", weight: "1/5" },
        ];
        const members = choices.map((_, i) => ({ id: `m${i}`, collegeId: colleges[i % 3].id }));
        const ballotOf = (i: number): CastBallot[] => {
          const choice = choices[i];
          return choice === null ? [] : [{ memberId: `m${i}`, castBy: `m${i}`, choice }];
        };
        const setup = { rule, secrecy, colleges, members, proxies: [] };
        const a = run(
          setup,
          choices.flatMap((_, i) => ballotOf(i)),
        ).record!;
        const b = run(setup, order.flatMap(ballotOf)).record!;
        expect(b).toEqual(a);
        expect(recount(JSON.parse(JSON.stringify(a))).matches).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
