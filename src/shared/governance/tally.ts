// Counting a vote: a majority of heads, or a vote weighted by college. Every setting that changes the outcome is
// an explicit field of the rule (threshold, base, abstentions, counting method, silent colleges), because the same
// ballots can adopt or reject a proposal depending on them (domain rules §1.6). The result carries its input, in
// JSON-safe form, so that anyone allowed can count again and get the same answer (recount in vote.ts).

import {
  add,
  ceil,
  compare,
  div,
  type Fraction,
  type FractionText,
  floor,
  fraction,
  fromInt,
  isZero,
  mul,
  parseFraction,
  sub,
  toText,
  ZERO,
} from "./fraction.ts";
import { GovernanceError, type Issue, issue } from "./issues.ts";

/**
 * What a ballot says. `abstain`: the voter declares they take no side; `blank`: a ballot with no choice (secret
 * ballots); `spoiled`: a ballot that cannot be read ("nul"). None of the three is a vote expressed (exprimé).
 */
export const CHOICES = ["for", "against", "abstain", "blank", "spoiled"] as const;
export type Choice = (typeof CHOICES)[number];
export type ChoiceCounts = Record<Choice, number>;

export const emptyCounts = (): ChoiceCounts => ({ for: 0, against: 0, abstain: 0, blank: 0, spoiled: 0 });

/**
 * - `simple`: strictly more than half of the base; exactly half is rejected.
 * - `two_thirds`, `three_quarters`: at least that fraction of the base; exactly 2/3 is adopted (§1.4, §1.7-5).
 * - `unanimity`: every vote of the base is "for".
 */
export type Threshold = "simple" | "two_thirds" | "three_quarters" | "unanimity";

export const THRESHOLDS: Record<Threshold, { value: Fraction; inclusive: boolean }> = {
  simple: { value: fraction(1, 2), inclusive: false },
  two_thirds: { value: fraction(2, 3), inclusive: true },
  three_quarters: { value: fraction(3, 4), inclusive: true },
  unanimity: { value: fraction(1), inclusive: true },
};

/**
 * What the "for" side is measured against:
 * - `cast`: the ballots of the people who voted (present, represented or postal);
 * - `members`: every member with a vote, present or not, so an absent member weighs like a "no" (SARL ordinary
 *   meeting on first consultation: more than half of all the associates).
 */
export type Base = "cast" | "members";

/**
 * With base `cast`: are abstentions, blank and spoiled ballots left out of the base (`excluded`, votes expressed
 * only, the default since 2019 in SA meetings, §1.5) or kept in it (`counted`, so that they weigh like a "no":
 * majority of the associates present or represented, SARL extraordinary meetings)? Without effect on base `members`.
 */
export type Abstentions = "excluded" | "counted";

export interface MajorityRule {
  method: "majority";
  threshold: Threshold;
  base: Base;
  abstentions: Abstentions;
}

/**
 * - `proportional`: each college brings its weight split between "for" and "against" in proportion to its votes
 *   (method A of §1.4).
 * - `college_majority`: each college brings its whole weight to the side that has the majority inside it
 *   (method B of §1.4).
 */
export type Counting = "proportional" | "college_majority";

/**
 * A college with no side to give: nobody in its base voted, or (college_majority) its votes are tied.
 * - `excluded`: its weight leaves the base, the others are renormalised (default of §1.4);
 * - `against`: its weight stays in the base without being "for", so it weighs like a "no".
 * Its weight never goes to "for".
 */
export type SilentCollege = "excluded" | "against";

export interface CollegeRule {
  method: "colleges";
  counting: Counting;
  threshold: Threshold;
  base: Base;
  abstentions: Abstentions;
  silentCollege: SilentCollege;
}

export type TallyRule = MajorityRule | CollegeRule;

/** One college, or the whole body as one group when there are no colleges. */
export interface TallyGroup {
  id: string;
  name: string;
  /** Required by the `colleges` method, ignored by `majority`. Weights need not add up to 1: the ratio is normalised. */
  weight: FractionText | null;
  /** Members with a vote in this group (the electorate), present or not. */
  members: number;
  /** Ballots, one per member who voted (a proxy holder casts one for each member they represent). */
  counts: ChoiceCounts;
}

/** Everything needed to count a vote, and nothing else: the record keeps it to recount. */
export interface TallyInput {
  rule: TallyRule;
  groups: TallyGroup[];
}

export type GroupStatus = "counted" | "silent" | "tied";

export interface GroupBreakdown {
  id: string;
  name: string;
  weight: FractionText | null;
  members: number;
  counts: ChoiceCounts;
  /** for + against. */
  expressed: number;
  /** The head count "for" is measured against inside this group (see Base, Abstentions). */
  base: number;
  /** for / base inside the group; null when the base is empty. */
  forShare: FractionText | null;
  /** colleges: counted, silent (empty base) or tied (college_majority only). majority: counted or silent. */
  status: GroupStatus;
  /** college_majority: the side the college's weight went to. */
  side: "for" | "against" | null;
  /** The group's contribution to the overall "for" and base (weights for colleges, heads for majority). */
  weightedFor: FractionText;
  weightedBase: FractionText;
}

export type TallyReason = "threshold_met" | "threshold_not_met" | "nothing_expressed";

export interface TallyResult {
  outcome: "adopted" | "rejected";
  reason: TallyReason;
  rule: TallyRule;
  threshold: { key: Threshold; value: FractionText; inclusive: boolean };
  /** The overall "for" and base: heads for `majority`, weights for `colleges`. */
  forWeight: FractionText;
  baseWeight: FractionText;
  /** forWeight / baseWeight, exact; null when the base is empty. */
  forShare: FractionText | null;
  /** majority only: the smallest number of "for" votes that would have met the threshold on this base. */
  forNeeded: number | null;
  totals: ChoiceCounts & { members: number; expressed: number; ballots: number };
  groups: GroupBreakdown[];
}

export type TallyIssueCode =
  | "tally_no_group"
  | "tally_duplicate_group"
  | "tally_count_invalid"
  | "tally_more_ballots_than_members"
  | "tally_weight_missing"
  | "tally_weight_invalid";

/** Checks that counts are whole and possible and that weights are readable and positive (colleges method). */
export function validateTallyInput(input: TallyInput): Issue<TallyIssueCode>[] {
  const issues: Issue<TallyIssueCode>[] = [];
  if (input.groups.length === 0) issues.push(issue("tally_no_group"));
  const seen = new Set<string>();
  for (const g of input.groups) {
    if (seen.has(g.id)) issues.push(issue("tally_duplicate_group", { group: g.name }));
    seen.add(g.id);
    const numbers = [g.members, ...CHOICES.map((c) => g.counts[c])];
    if (numbers.some((n) => !Number.isSafeInteger(n) || n < 0)) {
      issues.push(issue("tally_count_invalid", { group: g.name }));
      continue;
    }
    const ballots = ballotsOf(g.counts);
    if (ballots > g.members)
      issues.push(issue("tally_more_ballots_than_members", { group: g.name, ballots, members: g.members }));
    if (input.rule.method === "colleges") {
      if (g.weight === null) issues.push(issue("tally_weight_missing", { group: g.name }));
      else {
        const w = parseFraction(g.weight);
        if (w === null || compare(w, ZERO) <= 0) issues.push(issue("tally_weight_invalid", { group: g.name, text: g.weight }));
      }
    }
  }
  return issues;
}

const ballotsOf = (c: ChoiceCounts) => CHOICES.reduce((n, k) => n + c[k], 0);
const expressedOf = (c: ChoiceCounts) => c.for + c.against;

/** The head count "for" is measured against inside one group. */
function baseOf(rule: TallyRule, g: TallyGroup): number {
  if (rule.base === "members") return g.members;
  return rule.abstentions === "counted" ? ballotsOf(g.counts) : expressedOf(g.counts);
}

/** Does `share` meet the threshold? Exact: 2/3 meets "two_thirds", 1/2 does not meet "simple". */
export function meetsThreshold(share: Fraction, threshold: Threshold): boolean {
  const t = THRESHOLDS[threshold];
  const c = compare(share, t.value);
  return t.inclusive ? c >= 0 : c > 0;
}

/** The smallest whole number of "for" votes out of `base` that meets the threshold. */
export function votesNeeded(base: number, threshold: Threshold): number {
  const t = THRESHOLDS[threshold];
  const exact = mul(fromInt(base), t.value);
  return Number(t.inclusive ? ceil(exact) : floor(exact) + 1n);
}

/**
 * Counts a vote. Pure and deterministic: the same input always gives the same result, whatever the order in which
 * the ballots were cast (they arrive here already summed per group). Throws GovernanceError on an input that
 * validateTallyInput refuses.
 */
export function tally(input: TallyInput): TallyResult {
  const issues = validateTallyInput(input);
  if (issues.length > 0) throw new GovernanceError(issues);
  const { rule } = input;
  const t = THRESHOLDS[rule.threshold];

  let forWeight = ZERO;
  let baseWeight = ZERO;
  const groups: GroupBreakdown[] = input.groups.map((g) => {
    const base = baseOf(rule, g);
    const forShare = base === 0 ? null : fraction(g.counts.for, base);
    const row = {
      id: g.id,
      name: g.name,
      weight: g.weight === null ? null : toText(parseFraction(g.weight) ?? ZERO),
      members: g.members,
      counts: { ...g.counts },
      expressed: expressedOf(g.counts),
      base,
      forShare: forShare === null ? null : toText(forShare),
    };
    let status: GroupStatus = base === 0 ? "silent" : "counted";
    let side: "for" | "against" | null = null;
    let wFor = ZERO;
    let wBase = ZERO;
    if (rule.method === "majority") {
      wFor = fromInt(g.counts.for);
      wBase = fromInt(base);
    } else {
      const w = parseFraction(g.weight ?? "") ?? ZERO;
      if (forShare !== null && rule.counting === "proportional") {
        wFor = mul(w, forShare);
        wBase = w;
      } else if (forShare !== null) {
        // Inside the college, the side with more than half of its base takes the whole weight.
        const c = compare(forShare, fraction(1, 2));
        if (c === 0) status = "tied";
        else {
          side = c > 0 ? "for" : "against";
          wFor = side === "for" ? w : ZERO;
          wBase = w;
        }
      }
      if (status !== "counted" && rule.silentCollege === "against") wBase = w;
    }
    forWeight = add(forWeight, wFor);
    baseWeight = add(baseWeight, wBase);
    return { ...row, status, side, weightedFor: toText(wFor), weightedBase: toText(wBase) };
  });

  const totals = { ...emptyCounts(), members: 0, expressed: 0, ballots: 0 };
  for (const g of input.groups) {
    for (const c of CHOICES) totals[c] += g.counts[c];
    totals.members += g.members;
  }
  totals.expressed = expressedOf(totals);
  totals.ballots = ballotsOf(totals);

  const share = isZero(baseWeight) ? null : div(forWeight, baseWeight);
  const adopted = share !== null && meetsThreshold(share, rule.threshold);
  return {
    outcome: adopted ? "adopted" : "rejected",
    reason: share === null ? "nothing_expressed" : adopted ? "threshold_met" : "threshold_not_met",
    rule: { ...rule },
    threshold: { key: rule.threshold, value: toText(t.value), inclusive: t.inclusive },
    forWeight: toText(forWeight),
    baseWeight: toText(baseWeight),
    forShare: share === null ? null : toText(share),
    forNeeded: rule.method === "majority" && !isZero(baseWeight) ? votesNeeded(Number(baseWeight.num), rule.threshold) : null,
    totals,
    groups,
  };
}

/** The weight "against" in a result (base − for), for a breakdown that shows both columns. */
export const againstWeight = (r: Pick<TallyResult, "forWeight" | "baseWeight">): FractionText =>
  toText(sub(parseFraction(r.baseWeight) ?? ZERO, parseFraction(r.forWeight) ?? ZERO));

// ---------------------------------------------------------------- presets

/**
 * Company-law defaults adapted to one associate, one vote (§1.5, tagged [K] there): starting points that a body's
 * statutes override. `quorum` values are read by quorum.ts.
 */
export const DECISION_PRESETS = {
  /** SA, ordinary: quorum 1/5 on first call, none on second; more than half of the votes expressed. */
  sa_ordinary: {
    quorum: { firstCall: "1/5", secondCall: null },
    majority: { threshold: "simple", base: "cast", abstentions: "excluded" },
  },
  /** SA, extraordinary: quorum 1/4 then 1/5; at least 2/3 of the votes expressed. */
  sa_extraordinary: {
    quorum: { firstCall: "1/4", secondCall: "1/5" },
    majority: { threshold: "two_thirds", base: "cast", abstentions: "excluded" },
  },
  /** SARL, ordinary, first consultation: no quorum; more than half of all the associates. */
  sarl_ordinary_first: {
    quorum: { firstCall: null, secondCall: null },
    majority: { threshold: "simple", base: "members", abstentions: "excluded" },
  },
  /** SARL, ordinary, second consultation: no quorum; more than half of the votes cast. */
  sarl_ordinary_second: {
    quorum: { firstCall: null, secondCall: null },
    majority: { threshold: "simple", base: "cast", abstentions: "excluded" },
  },
  /** SARL, extraordinary: quorum 1/4 then 1/5; at least 2/3 of the associates present or represented. */
  sarl_extraordinary: {
    quorum: { firstCall: "1/4", secondCall: "1/5" },
    majority: { threshold: "two_thirds", base: "cast", abstentions: "counted" },
  },
} as const satisfies Record<
  string,
  {
    quorum: { firstCall: FractionText | null; secondCall: FractionText | null };
    majority: { threshold: Threshold; base: Base; abstentions: Abstentions };
  }
>;
