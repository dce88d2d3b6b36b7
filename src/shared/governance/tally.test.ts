import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agWorkedExampleGroups } from "./fixtures.ts";
import { fraction, fromText, NNBSP, toDecimalString } from "./fraction.ts";
import { GovernanceError } from "./issues.ts";
import { describeGroup, describeIssue, describeTally } from "./labels.ts";
import {
  againstWeight,
  type ChoiceCounts,
  type CollegeRule,
  DECISION_PRESETS,
  emptyCounts,
  type MajorityRule,
  meetsThreshold,
  type TallyGroup,
  type TallyRule,
  tally,
  validateTallyInput,
  votesNeeded,
} from "./tally.ts";

const counts = (c: Partial<ChoiceCounts>): ChoiceCounts => ({ ...emptyCounts(), ...c });
const majority = (over: Partial<MajorityRule> = {}): MajorityRule => ({
  method: "majority",
  threshold: "simple",
  base: "cast",
  abstentions: "excluded",
  ...over,
});
const colleges = (over: Partial<CollegeRule> = {}): CollegeRule => ({
  method: "colleges",
  counting: "proportional",
  threshold: "simple",
  base: "cast",
  abstentions: "excluded",
  silentCollege: "excluded",
  ...over,
});
const one = (c: Partial<ChoiceCounts>, members?: number): TallyGroup[] => {
  const k = counts(c);
  return [
    { id: "all", name: "", weight: null, members: members ?? k.for + k.against + k.abstain + k.blank + k.spoiled, counts: k },
  ];
};

describe("domain rules §1.6: the worked example", () => {
  it("proportional method: W_for = 0.24 + 3/22 + 0.2 + 1/15 = 1061/1650 ≈ 0.643 (§1.7 case 2)", () => {
    const r = tally({ rule: colleges(), groups: agWorkedExampleGroups });
    expect(r.forWeight).toBe("1061/1650");
    expect(r.baseWeight).toBe("1");
    expect(againstWeight(r)).toBe("589/1650");
    expect(toDecimalString(fromText(r.forWeight), 3)).toBe("0.643");
    expect(toDecimalString(fromText(againstWeight(r)), 3)).toBe("0.357");
    expect(r.groups.map((g) => [g.forShare, g.weightedFor])).toEqual([
      ["4/5", "6/25"],
      ["5/11", "3/22"],
      ["1", "1/5"],
      ["1/3", "1/15"],
    ]);
    expect(r.outcome).toBe("adopted");
    expect(describeTally(r)).toBe(
      `Adoptée : 64,3${NNBSP}% des voix pondérées par collège sont pour (à la proportionnelle dans chaque collège) ; la majorité simple demandait plus de 50${NNBSP}%.`,
    );
    expect(describeGroup(r.groups[1], r)).toBe(
      `Usagers (30${NNBSP}%) : 10 pour, 12 contre, 2 abstentions ; 45,45${NNBSP}% pour, soit 13,64${NNBSP}% des voix sur 30${NNBSP}%.`,
    );
  });

  it("the same votes reject an extraordinary resolution (at least 2/3)", () => {
    const r = tally({ rule: colleges({ threshold: "two_thirds" }), groups: agWorkedExampleGroups });
    expect([r.outcome, r.reason]).toEqual(["rejected", "threshold_not_met"]);
    expect(describeTally(r)).toContain(`la majorité des deux tiers demandait au moins 66,7${NNBSP}%`);
  });

  it("method B, each college to its majority side: 50 % / 50 %, not adopted", () => {
    const r = tally({ rule: colleges({ counting: "college_majority" }), groups: agWorkedExampleGroups });
    expect(r.groups.map((g) => g.side)).toEqual(["for", "against", "for", "against"]);
    expect([r.forWeight, r.baseWeight, r.forShare, r.outcome]).toEqual(["1/2", "1", "1/2", "rejected"]);
    expect(describeGroup(r.groups[1], r)).toBe(
      `Usagers (30${NNBSP}%) : 10 pour, 12 contre, 2 abstentions ; majorité contre : apporte 30${NNBSP}% contre.`,
    );
  });

  it("head count, for comparison: 18 for, 17 against = 51.4 %", () => {
    const r = tally({ rule: majority(), groups: agWorkedExampleGroups });
    expect([r.forWeight, r.baseWeight, r.forShare, r.outcome, r.forNeeded]).toEqual(["18", "35", "18/35", "adopted", 18]);
    expect(describeTally(r)).toBe(
      `Adoptée : 18 voix pour sur 35 exprimées (51,4${NNBSP}%) ; la majorité simple demandait au moins 18 voix pour.`,
    );
    expect(r.totals).toMatchObject({ for: 18, against: 17, abstain: 3, expressed: 35, ballots: 38, members: 38 });
  });
});

describe("domain rules §1.7: the other cases", () => {
  it("case 3: a college with no vote expressed leaves the base and the others are renormalised", () => {
    const groups = agWorkedExampleGroups.map((g) => (g.id === "collectivites" ? { ...g, counts: counts({ abstain: 2 }) } : g));
    const r = tally({ rule: colleges(), groups });
    expect(r.groups[2].status).toBe("silent");
    // (0.24 + 3/22 + 1/15) / 0.8
    expect(r.forWeight).toBe("731/1650");
    expect(r.baseWeight).toBe("4/5");
    expect(r.forShare).toBe("731/1320");
    // The statutes may count an empty college's weight as not in favour instead; never as "for".
    const strict = tally({ rule: colleges({ silentCollege: "against" }), groups });
    expect([strict.forWeight, strict.baseWeight, strict.outcome]).toEqual(["731/1650", "1", "rejected"]);
    expect(describeGroup(strict.groups[2], strict)).toContain("son poids compte comme non favorable");
  });

  it("case 4: abstentions are not expressed (SA), but count against when the statutes say so (SARL extraordinary)", () => {
    const groups = one({ for: 10, against: 5, abstain: 3, blank: 1, spoiled: 1 });
    const sa = tally({ rule: majority({ ...DECISION_PRESETS.sa_extraordinary.majority }), groups });
    expect([sa.forShare, sa.outcome]).toEqual(["2/3", "adopted"]);
    const sarl = tally({ rule: majority({ ...DECISION_PRESETS.sarl_extraordinary.majority }), groups });
    expect([sarl.forShare, sarl.outcome]).toEqual(["1/2", "rejected"]);
    expect(describeTally(sarl)).toBe(
      `Rejetée : 10 voix pour sur 20 votants (abstentions, blancs et nuls comptés) (50${NNBSP}%) ; la majorité des deux tiers demandait au moins 14 voix pour.`,
    );
    // The same choice inside colleges: abstentions in the base make a college less favourable.
    const w = tally({ rule: colleges({ abstentions: "counted" }), groups: agWorkedExampleGroups });
    expect(w.groups[1].forShare).toBe("5/12");
  });

  it("case 5: the 2/3 boundary, exact", () => {
    expect(tally({ rule: majority({ threshold: "two_thirds" }), groups: one({ for: 200, against: 100 }) }).outcome).toBe(
      "adopted",
    );
    expect(tally({ rule: majority({ threshold: "two_thirds" }), groups: one({ for: 200, against: 101 }) }).outcome).toBe(
      "rejected",
    );
    expect(meetsThreshold(fraction(2, 3), "two_thirds")).toBe(true);
    expect(meetsThreshold(fraction(2 * 10 ** 12 - 1, 3 * 10 ** 12), "two_thirds")).toBe(false);
    // Weighted: three colleges of a third, two fully for, one fully against: exactly 2/3.
    const thirds = ["a", "b", "c"].map((id, i) => ({
      id,
      name: id,
      weight: "1/3",
      members: 3,
      counts: i < 2 ? counts({ for: 3 }) : counts({ against: 3 }),
    }));
    const r = tally({ rule: colleges({ threshold: "two_thirds" }), groups: thirds });
    expect([r.forShare, r.outcome]).toEqual(["2/3", "adopted"]);
    // One "for" fewer in a college of 3: 1/3 + 2/9 = 5/9 < 2/3.
    thirds[1].counts = counts({ for: 2, against: 1 });
    expect(tally({ rule: colleges({ threshold: "two_thirds" }), groups: thirds }).outcome).toBe("rejected");
  });
});

describe("thresholds and bases", () => {
  it("simple majority is strictly more than half: a tie is rejected", () => {
    expect(tally({ rule: majority(), groups: one({ for: 5, against: 5 }) }).outcome).toBe("rejected");
    expect(tally({ rule: majority(), groups: one({ for: 6, against: 5 }) }).outcome).toBe("adopted");
  });

  it("three quarters and unanimity are inclusive", () => {
    expect(tally({ rule: majority({ threshold: "three_quarters" }), groups: one({ for: 3, against: 1 }) }).outcome).toBe(
      "adopted",
    );
    expect(tally({ rule: majority({ threshold: "three_quarters" }), groups: one({ for: 5, against: 2 }) }).outcome).toBe(
      "rejected",
    );
    expect(tally({ rule: majority({ threshold: "unanimity" }), groups: one({ for: 9, abstain: 3 }) }).outcome).toBe("adopted");
    expect(tally({ rule: majority({ threshold: "unanimity" }), groups: one({ for: 9, against: 1 }) }).outcome).toBe("rejected");
  });

  it("a majority of members counts the absent as not in favour (SARL ordinary, first consultation)", () => {
    const rule = majority({ ...DECISION_PRESETS.sarl_ordinary_first.majority });
    const r = tally({ rule, groups: one({ for: 6, against: 1 }, 13) });
    expect([r.forShare, r.outcome, r.forNeeded]).toEqual(["6/13", "rejected", 7]);
    expect(describeTally(r)).toBe(
      `Rejetée : 6 voix pour sur 13 membres (46,2${NNBSP}%) ; la majorité simple demandait au moins 7 voix pour.`,
    );
    expect(tally({ rule, groups: one({ for: 7 }, 13) }).outcome).toBe("adopted");
  });

  it("rejects when nothing is expressed", () => {
    const r = tally({ rule: majority(), groups: one({ abstain: 4, blank: 1 }) });
    expect([r.outcome, r.reason, r.forShare, r.forNeeded]).toEqual(["rejected", "nothing_expressed", null, null]);
    expect(describeTally(r)).toBe("Rejetée : aucune voix exprimée.");
    expect(describeTally(r, "en")).toBe("Rejected: no vote was expressed.");
    const w = tally({ rule: colleges(), groups: agWorkedExampleGroups.map((g) => ({ ...g, counts: emptyCounts() })) });
    expect(w.reason).toBe("nothing_expressed");
  });

  it("computes the votes needed on a base", () => {
    expect(votesNeeded(16, "two_thirds")).toBe(11);
    expect(votesNeeded(15, "two_thirds")).toBe(10);
    expect(votesNeeded(16, "simple")).toBe(9);
    expect(votesNeeded(15, "simple")).toBe(8);
    expect(votesNeeded(8, "three_quarters")).toBe(6);
    expect(votesNeeded(8, "unanimity")).toBe(8);
    const r = tally({ rule: majority({ threshold: "two_thirds" }), groups: one({ for: 10, against: 6 }) });
    expect(describeTally(r)).toBe(
      `Rejetée : 10 voix pour sur 16 exprimées (62,5${NNBSP}%) ; la majorité des deux tiers demandait au moins 11 voix pour.`,
    );
    expect(describeTally(r, "en")).toBe(
      "Rejected: 10 votes for out of 16 expressed (62.5%); the two-thirds majority needed at least 11 votes for.",
    );
  });

  it("a tied college under method B gives no weight to either side", () => {
    const groups = agWorkedExampleGroups.map((g) =>
      g.id === "usagers" ? { ...g, counts: counts({ for: 11, against: 11 }) } : g,
    );
    const r = tally({ rule: colleges({ counting: "college_majority" }), groups });
    expect(r.groups[1]).toMatchObject({ status: "tied", side: null, weightedBase: "0" });
    // 0.3 + 0.2 for out of 0.3 + 0.2 + 0.2: 5/7 ≈ 71.4 %.
    expect([r.forShare, r.outcome]).toEqual(["5/7", "adopted"]);
    expect(tally({ rule: colleges({ counting: "college_majority", silentCollege: "against" }), groups }).forShare).toBe("1/2");
  });

  it("refuses counts that cannot be", () => {
    const bad: TallyGroup[] = [
      { id: "a", name: "A", weight: null, members: 2, counts: counts({ for: 3 }) },
      { id: "a", name: "A", weight: "-1/2", members: 2, counts: counts({ for: 1.5 }) },
      { id: "b", name: "B", weight: "x", members: 2, counts: counts({}) },
    ];
    const issues = validateTallyInput({ rule: colleges(), groups: bad });
    expect(issues.map((i) => i.code)).toEqual([
      "tally_more_ballots_than_members",
      "tally_weight_missing",
      "tally_duplicate_group",
      "tally_count_invalid",
      "tally_weight_invalid",
    ]);
    expect(describeIssue(issues[0])).toBe(
      "Le groupe « A » compte 3 bulletins pour 2 membres : il ne peut pas y en avoir plus que de votants.",
    );
    expect(validateTallyInput({ rule: majority(), groups: [] }).map((i) => i.code)).toEqual(["tally_no_group"]);
    expect(() => tally({ rule: colleges(), groups: bad })).toThrow(GovernanceError);
  });
});

// ---------------------------------------------------------------- properties

const arbCounts = (max: number) =>
  fc.record({
    for: fc.nat(max),
    against: fc.nat(max),
    abstain: fc.nat(3),
    blank: fc.nat(2),
    spoiled: fc.nat(1),
  });
const arbGroups: fc.Arbitrary<TallyGroup[]> = fc
  .array(fc.tuple(fc.constantFrom("1/10", "1/5", "3/10", "1/4", "2/5", "1/2"), arbCounts(12), fc.nat(5)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((list) =>
    list.map(([weight, c], i) => ({
      id: `g${i}`,
      name: `G${i}`,
      weight,
      members: c.for + c.against + c.abstain + c.blank + c.spoiled + list[i][2],
      counts: c,
    })),
  );
const arbRule: fc.Arbitrary<TallyRule> = fc.oneof(
  fc.record({
    method: fc.constant("majority" as const),
    threshold: fc.constantFrom("simple", "two_thirds", "three_quarters", "unanimity"),
    base: fc.constantFrom("cast", "members"),
    abstentions: fc.constantFrom("excluded", "counted"),
  }),
  fc.record({
    method: fc.constant("colleges" as const),
    counting: fc.constantFrom("proportional", "college_majority"),
    threshold: fc.constantFrom("simple", "two_thirds", "three_quarters", "unanimity"),
    base: fc.constantFrom("cast", "members"),
    abstentions: fc.constantFrom("excluded", "counted"),
    silentCollege: fc.constantFrom("excluded", "against"),
  }),
);

describe("tally properties", () => {
  it("the order of the colleges does not matter", () => {
    const arb = arbGroups.chain((groups) =>
      fc.record({
        groups: fc.constant(groups),
        shuffled: fc.shuffledSubarray(groups, { minLength: groups.length, maxLength: groups.length }),
      }),
    );
    fc.assert(
      fc.property(arbRule, arb, (rule, { groups, shuffled }) => {
        const a = tally({ rule, groups });
        const b = tally({ rule, groups: shuffled });
        expect([b.outcome, b.forShare, b.forWeight, b.baseWeight]).toEqual([a.outcome, a.forShare, a.forWeight, a.baseWeight]);
      }),
      { numRuns: 300 },
    );
  });

  it("monotonicity: one more 'for' (an absent member voting, or an 'against' changing) never turns adopted into rejected", () => {
    fc.assert(
      fc.property(arbRule, arbGroups, fc.nat(), fc.boolean(), (rule, groups, pick, fromAgainst) => {
        const before = tally({ rule, groups });
        const i = pick % groups.length;
        const g = groups[i];
        const ballots = g.counts.for + g.counts.against + g.counts.abstain + g.counts.blank + g.counts.spoiled;
        let changed: ChoiceCounts;
        if (fromAgainst && g.counts.against > 0) changed = { ...g.counts, for: g.counts.for + 1, against: g.counts.against - 1 };
        else if (ballots < g.members) changed = { ...g.counts, for: g.counts.for + 1 };
        else return;
        const after = tally({ rule, groups: groups.map((x, j) => (j === i ? { ...x, counts: changed } : x)) });
        if (before.outcome === "adopted") expect(after.outcome).toBe("adopted");
        if (before.forShare !== null && after.forShare !== null) {
          expect(
            fromText(after.forShare).num * fromText(before.forShare).den >=
              fromText(before.forShare).num * fromText(after.forShare).den,
          ).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("equal colleges of equal turnout, counted proportionally, decide like a head count", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.nat(9), { minLength: 6, maxLength: 6 }),
        fc.constantFrom("simple", "two_thirds", "three_quarters"),
        (k, n, fors, threshold) => {
          const groups = Array.from({ length: k }, (_, i) => {
            const f = Math.min(fors[i], n);
            return {
              id: `c${i}`,
              name: `C${i}`,
              weight: `1/${k}`,
              members: n + 1,
              counts: counts({ for: f, against: n - f, abstain: 1 }),
            };
          });
          const weighted = tally({ rule: colleges({ threshold }), groups });
          const heads = tally({ rule: majority({ threshold }), groups });
          expect(weighted.forShare).toBe(heads.forShare);
          expect(weighted.outcome).toBe(heads.outcome);
        },
      ),
    );
  });

  it("a head count is adopted exactly when 'for' reaches the votes needed", () => {
    fc.assert(
      fc.property(arbRule, arbGroups, (rule, groups) => {
        if (rule.method !== "majority") return;
        const r = tally({ rule, groups });
        if (r.forNeeded === null) expect(r.outcome).toBe("rejected");
        else expect(r.outcome === "adopted").toBe(r.totals.for >= r.forNeeded);
      }),
      { numRuns: 300 },
    );
  });

  it("the proportional share lies between the least and the most favourable college, and never gives weight to the silent", () => {
    fc.assert(
      fc.property(arbGroups, (groups) => {
        const r = tally({ rule: colleges(), groups });
        const shares = r.groups.filter((g) => g.status === "counted").map((g) => fromText(g.forShare!));
        if (r.forShare === null) {
          expect(shares).toEqual([]);
          return;
        }
        const s = fromText(r.forShare);
        const asNumber = (f: { num: bigint; den: bigint }) => Number(f.num) / Number(f.den);
        expect(asNumber(s)).toBeGreaterThanOrEqual(Math.min(...shares.map(asNumber)) - 1e-12);
        expect(asNumber(s)).toBeLessThanOrEqual(Math.max(...shares.map(asNumber)) + 1e-12);
        for (const g of r.groups) if (g.status !== "counted") expect(g.weightedFor).toBe("0");
      }),
      { numRuns: 300 },
    );
  });
});
