import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Associate,
  type CollegeStatute,
  collegeWeights,
  publicCapitalShare,
  validateAssociates,
  validateCategories,
  validateColleges,
  votingShares,
} from "./colleges.ts";
import { scicDemoExample } from "./fixtures.ts";
import { fraction, fromText, NNBSP, sum, toPercentString, toText } from "./fraction.ts";
import { describeIssue, describeShares } from "./labels.ts";

const statute = (...weights: string[]): CollegeStatute => ({
  weighting: "set",
  colleges: weights.map((weight, i) => ({ id: `c${i + 1}`, name: `Collège ${i + 1}`, weight })),
});
const codes = (s: CollegeStatute) => validateColleges(s).map((i) => i.code);

describe("college weights (COL-04, COL-05; domain rules §1.7 case 1)", () => {
  it("accepts [0.5, 0.3, 0.2]", () => {
    expect(validateColleges(statute("0.5", "0.3", "0.2"))).toEqual([]);
  });

  it("refuses a college above 50 %: [0.55, 0.25, 0.2]", () => {
    expect(codes(statute("0.55", "0.25", "0.2"))).toEqual(["college_weight_above_max"]);
  });

  it("refuses colleges below 10 %: [0.45, 0.45, 0.05, 0.05]", () => {
    expect(codes(statute("0.45", "0.45", "0.05", "0.05"))).toEqual(["college_weight_below_min", "college_weight_below_min"]);
  });

  it("refuses two colleges, even at 50 % each: [0.5, 0.5]", () => {
    expect(codes(statute("0.5", "0.5"))).toEqual(["college_count_too_low"]);
  });

  it("refuses eleven colleges", () => {
    // 11 colleges cannot add up to 100 % within the bounds either; both are reported.
    expect(codes(statute(...Array(11).fill("1/11")))).toContain("college_count_too_high");
    expect(codes(statute(...Array(10).fill("10 %")))).toEqual([]);
  });

  it("accepts the bounds themselves and exact thirds", () => {
    expect(validateColleges(statute("50 %", "40 %", "10 %"))).toEqual([]);
    expect(validateColleges(statute("1/3", "1/3", "1/3"))).toEqual([]);
    // 0.333 × 3 is not 100 %: decimals that do not add up are refused rather than silently rounded.
    expect(codes(statute("0.333", "0.333", "0.333"))).toEqual(["college_weights_sum"]);
  });

  it("says what is wrong, in French, with the college's name", () => {
    const s: CollegeStatute = {
      weighting: "set",
      colleges: [
        { id: "u", name: "Usagers", weight: "55 %" },
        { id: "s", name: "Salariés", weight: "25 %" },
        { id: "c", name: "Collectivités", weight: "20 %" },
      ],
    };
    const [first] = validateColleges(s);
    expect(describeIssue(first)).toBe(
      `Le collège Usagers détiendrait 55${NNBSP}% des voix : chaque collège doit en détenir entre 10${NNBSP}% et 50${NNBSP}%.`,
    );
    expect(describeIssue(first, "en")).toBe(
      "The Usagers college would hold 55% of the votes: each college must hold between 10% and 50%.",
    );
  });

  it("checks missing, unreadable and unexpected weights, names and duplicates", () => {
    expect(
      codes({
        weighting: "set",
        colleges: [
          { id: "a", name: "A", weight: null },
          { id: "a", name: " ", weight: "x" },
          { id: "b", name: "B", weight: "1/2" },
        ],
      }),
    ).toEqual(["college_duplicate_id", "college_name_missing", "college_weight_missing", "college_weight_unreadable"]);
    expect(
      codes({
        weighting: "equal",
        colleges: [
          { id: "a", name: "A", weight: "1/3" },
          { id: "b", name: "B" },
          { id: "c", name: "C" },
        ],
      }),
    ).toEqual(["college_weight_unexpected"]);
    expect(
      codes({
        weighting: "equal",
        colleges: [
          { id: "a", name: "A" },
          { id: "b", name: "B" },
        ],
      }),
    ).toEqual(["college_count_too_low"]);
    // Without voting colleges there is no count to respect: colleges only group people.
    expect(codes({ weighting: "none", colleges: [] })).toEqual([]);
  });

  it("property: any accepted weighting has 3 to 10 colleges, each within [10 %, 50 %], summing to 100 %", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 }), (percents) => {
        const s = statute(...percents.map((p) => `${p} %`));
        const ok = validateColleges(s).length === 0;
        const expected =
          percents.length >= 3 &&
          percents.length <= 10 &&
          percents.every((p) => p >= 10 && p <= 50) &&
          percents.reduce((a, b) => a + b) === 100;
        expect(ok).toBe(expected);
        if (ok) expect(sum(collegeWeights(s)!.values())).toEqual(fraction(1));
      }),
      { numRuns: 400 },
    );
  });
});

describe("associates, capital and categories", () => {
  const base = (over: Partial<Associate>): Associate => ({ id: "x", name: "X", collegeId: "c1", capitalCents: 100, ...over });

  it("caps the public authorities' capital at 50 %, bound included (SCIC-03, §1.7 case 6)", () => {
    const s = statute("40 %", "30 %", "30 %");
    const at = (publicCents: number, privateCents: number) => [
      base({ id: "p", name: "Commune", capitalCents: publicCents, publicTerritorial: true }),
      base({ id: "q", name: "Habitant", capitalCents: privateCents }),
    ];
    expect(validateAssociates(s, at(5000, 5000))).toEqual([]);
    const over = validateAssociates(s, at(5001, 4999));
    expect(over.map((i) => i.code)).toEqual(["public_capital_above_cap"]);
    expect(over[0].params.share).toBe("5001/10000");
    expect(describeIssue(over[0])).toContain(`50${NNBSP}%`);
    expect(publicCapitalShare([])).toEqual(fraction(0));
  });

  it("requires a known college when colleges vote, and whole cents", () => {
    const s = statute("40 %", "30 %", "30 %");
    const issues = validateAssociates(s, [
      base({ id: "a", collegeId: "nope" }),
      base({ id: "b", collegeId: null }),
      base({ id: "c", capitalCents: -1 }),
      base({ id: "c", capitalCents: 1.5 }),
    ]);
    expect(issues.map((i) => i.code)).toEqual([
      "associate_unknown_college",
      "associate_without_college",
      "associate_capital_invalid",
      "associate_duplicate_id",
      "associate_capital_invalid",
    ]);
    expect(validateAssociates({ weighting: "none", colleges: [] }, [base({ collegeId: null })])).toEqual([]);
  });

  it("requires 3 categories with beneficiaries and employees or producers (SCIC-02, §1.7 case 7)", () => {
    expect(validateCategories(scicDemoExample.categories, { hasEmployees: true })).toEqual([]);
    const two = scicDemoExample.categories.filter((c) => c.kind !== "public_bodies" && c.kind !== "producers");
    expect(validateCategories(two, { hasEmployees: true }).map((i) => i.code)).toEqual(["category_count_too_low"]);
    const noBeneficiaries = scicDemoExample.categories.filter((c) => c.kind !== "beneficiaries");
    expect(validateCategories(noBeneficiaries, { hasEmployees: true }).map((i) => i.code)).toEqual([
      "category_beneficiaries_missing",
    ]);
    const noEmployees = scicDemoExample.categories.filter((c) => c.kind !== "employees");
    expect(validateCategories(noEmployees, { hasEmployees: true }).map((i) => i.code)).toEqual(["category_employees_missing"]);
    // A SCIC without staff needs its producers instead.
    expect(validateCategories(noEmployees, { hasEmployees: false })).toEqual([]);
    const noProducers = [
      ...scicDemoExample.categories.filter((c) => c.kind !== "producers" && c.kind !== "employees"),
      { id: "benevoles", name: "Bénévoles", kind: "volunteers" as const },
    ];
    expect(validateCategories(noProducers, { hasEmployees: false }).map((i) => i.code)).toEqual(["category_producers_missing"]);
  });
});

describe("capital share next to voting share", () => {
  it("reproduces the seed's case: 40 % of the capital, 1.7 % of the votes", () => {
    const { statute: s, associates, focus } = scicDemoExample;
    expect(validateColleges(s)).toEqual([]);
    expect(validateAssociates(s, associates)).toEqual([]);
    expect(associates).toHaveLength(42);
    const shares = votingShares(s, associates);
    expect(shares.totalCapitalCents).toBe(10_000_000);
    expect(shares.emptyColleges).toEqual([]);
    const interco = shares.rows.find((r) => r.associateId === focus.associateId)!;
    // 10 % of the votes for the college of public authorities, shared by its 6 members.
    expect(interco).toMatchObject({ capitalShare: "2/5", votingShare: "1/60", collegeWeight: "1/10", collegeSize: 6 });
    expect([interco.capitalShare, interco.votingShare]).toEqual([focus.capitalShare, focus.votingShare]);
    expect(describeShares(interco)).toBe(`40${NNBSP}% du capital, 1,7${NNBSP}% des voix`);
    // Public authorities together: €48,500 out of €100,000.
    expect(publicCapitalShare(associates)).toEqual(fraction(97, 200));
    const habitant = shares.rows.find((r) => r.collegeId === "habitants")!;
    expect([habitant.capitalShare, habitant.votingShare]).toEqual(["1/1000", "3/250"]);
    const lieu = shares.rows.find((r) => r.associateId === "filature")!;
    expect(toPercentString(fromText(lieu.votingShare))).toBe(`6,7${NNBSP}%`);
  });

  it("gives 1 associate 1 vote without colleges, whatever the capital (SCIC-05)", () => {
    const shares = votingShares({ weighting: "none", colleges: [] }, scicDemoExample.associates);
    expect(new Set(shares.rows.map((r) => r.votingShare))).toEqual(new Set(["1/42"]));
    expect(shares.rows.find((r) => r.associateId === "interco")!.capitalShare).toBe("2/5");
  });

  it("splits the votes equally between colleges when the statutes set no weights (COL-03)", () => {
    const s: CollegeStatute = {
      weighting: "equal",
      colleges: scicDemoExample.statute.colleges.map(({ id, name }) => ({ id, name })),
    };
    const interco = votingShares(s, scicDemoExample.associates).rows.find((r) => r.associateId === "interco")!;
    expect([interco.collegeWeight, interco.votingShare]).toEqual(["1/4", "1/24"]);
  });

  it("spreads an empty college's weight over the others, as a tally would", () => {
    const s = statute("40 %", "40 %", "20 %");
    const shares = votingShares(s, [
      { id: "a", name: "A", collegeId: "c1", capitalCents: 0 },
      { id: "b", name: "B", collegeId: "c2", capitalCents: 0 },
      { id: "d", name: "D", collegeId: "c2", capitalCents: 0 },
    ]);
    expect(shares.emptyColleges).toEqual(["c3"]);
    expect(shares.rows.map((r) => [r.votingShare, r.capitalShare])).toEqual([
      ["1/2", "0"],
      ["1/4", "0"],
      ["1/4", "0"],
    ]);
  });

  it("property: voting shares always add up to 100 % and ignore capital", () => {
    const arb = fc.record({
      sizes: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
      capitals: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 18, maxLength: 18 }),
    });
    fc.assert(
      fc.property(arb, ({ sizes, capitals }) => {
        const s = statute("50 %", "30 %", "20 %");
        const associates: Associate[] = sizes.flatMap((n, c) =>
          Array.from({ length: n }, (_, i) => ({
            id: `a${c}-${i}`,
            name: `A${c}${i}`,
            collegeId: `c${c + 1}`,
            capitalCents: capitals[c * 6 + i],
          })),
        );
        const rows = votingShares(s, associates).rows;
        if (associates.length === 0) return;
        expect(toText(sum(rows.map((r) => fromText(r.votingShare))))).toBe("1");
        const total = associates.reduce((t, a) => t + a.capitalCents, 0);
        expect(toText(sum(rows.map((r) => fromText(r.capitalShare))))).toBe(total === 0 ? "0" : "1");
        // Same college, same vote, whatever the capital.
        for (const r of rows) for (const q of rows) if (r.collegeId === q.collegeId) expect(r.votingShare).toBe(q.votingShare);
      }),
    );
  });
});
