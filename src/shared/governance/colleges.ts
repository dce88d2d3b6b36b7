// SCIC colleges and associates: who holds how much capital, and how much of the vote. The law keeps the two apart
// (one associate, one vote; capital is never a voting weight, SCIC-05, COL-02), and colleges are how a SCIC gives
// each kind of stakeholder its say whatever its size. A public partner can hold 40 % of the capital and under
// 2 % of the votes; votingShares shows both numbers side by side.

import {
  add,
  compare,
  div,
  type Fraction,
  type FractionText,
  fraction,
  fromInt,
  isZero,
  ONE,
  parseFraction,
  sum,
  toText,
  ZERO,
} from "./fraction.ts";
import { type Issue, issue } from "./issues.ts";

/**
 * How votes are spread between colleges:
 * - `set`: each college has a weight written in the statutes (COL-04 bounds apply);
 * - `equal`: the colleges share the votes equally, the legal default when the statutes create colleges without
 *   weights (COL-03);
 * - `none`: no voting colleges; one associate, one vote (COL-01). Colleges, if any, only group people.
 */
export type Weighting = "set" | "equal" | "none";

export interface College {
  id: string;
  name: string;
  /** Only with weighting `set`: "3/10", "0.3", "30 %"… (parseFraction). */
  weight?: FractionText | null;
}

export interface CollegeStatute {
  weighting: Weighting;
  colleges: College[];
}

export interface Associate {
  id: string;
  name: string;
  /** Exactly one college per associate (COL-06, the usual model statutes). */
  collegeId: string | null;
  /** Capital subscribed, in integer cents (money is integer cents across the project). */
  capitalCents: number;
  /** A territorial authority, a grouping of them or a territorial public body: counted for the 50 % cap (SCIC-03). */
  publicTerritorial?: boolean;
  categoryId?: string | null;
}

/** COL-05: at least 3 voting colleges, at most 10. */
export const MIN_COLLEGES = 3;
export const MAX_COLLEGES = 10;
/** COL-04: each weighted college holds between 10 % and 50 % of the votes, bounds included. */
export const MIN_COLLEGE_WEIGHT: Fraction = fraction(1, 10);
export const MAX_COLLEGE_WEIGHT: Fraction = fraction(1, 2);
/** SCIC-03: territorial authorities together hold at most half of the capital. */
export const PUBLIC_CAPITAL_CAP: Fraction = fraction(1, 2);

export type CollegeIssueCode =
  | "college_count_too_low"
  | "college_count_too_high"
  | "college_duplicate_id"
  | "college_name_missing"
  | "college_weight_missing"
  | "college_weight_unreadable"
  | "college_weight_unexpected"
  | "college_weight_below_min"
  | "college_weight_above_max"
  | "college_weights_sum"
  | "associate_duplicate_id"
  | "associate_unknown_college"
  | "associate_without_college"
  | "associate_capital_invalid"
  | "public_capital_above_cap"
  | "category_count_too_low"
  | "category_beneficiaries_missing"
  | "category_employees_missing"
  | "category_producers_missing";

/**
 * Checks the colleges of a statute (COL-04, COL-05). The weights are statute data: this runs when they are saved,
 * and nothing else in this module accepts weights it did not check. Every problem is listed, not only the first,
 * so a form can show them all. Params carry the college name and fractions as text (labels.ts formats them).
 */
export function validateColleges(statute: CollegeStatute): Issue<CollegeIssueCode>[] {
  const issues: Issue<CollegeIssueCode>[] = [];
  const { colleges, weighting } = statute;
  const seen = new Set<string>();
  colleges.forEach((c, index) => {
    if (seen.has(c.id)) issues.push(issue("college_duplicate_id", { college: c.id }));
    seen.add(c.id);
    if (c.name.trim() === "") issues.push(issue("college_name_missing", { index: index + 1 }));
  });
  if (weighting === "none") {
    for (const c of colleges) if (c.weight != null) issues.push(issue("college_weight_unexpected", { college: c.name }));
    return issues;
  }
  if (colleges.length < MIN_COLLEGES) issues.push(issue("college_count_too_low", { count: colleges.length, min: MIN_COLLEGES }));
  if (colleges.length > MAX_COLLEGES) issues.push(issue("college_count_too_high", { count: colleges.length, max: MAX_COLLEGES }));
  if (weighting === "equal") {
    for (const c of colleges) if (c.weight != null) issues.push(issue("college_weight_unexpected", { college: c.name }));
    return issues;
  }
  const weights: Fraction[] = [];
  for (const c of colleges) {
    if (c.weight == null || c.weight.trim() === "") {
      issues.push(issue("college_weight_missing", { college: c.name }));
      continue;
    }
    const w = parseFraction(c.weight);
    if (w === null) {
      issues.push(issue("college_weight_unreadable", { college: c.name, text: c.weight }));
      continue;
    }
    weights.push(w);
    const bounds = { college: c.name, weight: toText(w), min: toText(MIN_COLLEGE_WEIGHT), max: toText(MAX_COLLEGE_WEIGHT) };
    if (compare(w, MIN_COLLEGE_WEIGHT) < 0) issues.push(issue("college_weight_below_min", bounds));
    if (compare(w, MAX_COLLEGE_WEIGHT) > 0) issues.push(issue("college_weight_above_max", bounds));
  }
  // The sum is only meaningful once every weight could be read.
  if (weights.length === colleges.length && colleges.length > 0 && compare(sum(weights), ONE) !== 0) {
    issues.push(issue("college_weights_sum", { sum: toText(sum(weights)) }));
  }
  return issues;
}

/**
 * The weight of each college, exact, or null under weighting `none`. Call validateColleges first: this trusts
 * the statute (an unreadable weight counts as zero).
 */
export function collegeWeights(statute: CollegeStatute): Map<string, Fraction> | null {
  if (statute.weighting === "none") return null;
  const n = statute.colleges.length;
  return new Map(
    statute.colleges.map((c) => [
      c.id,
      statute.weighting === "equal" ? fraction(1, n) : ((c.weight ? parseFraction(c.weight) : null) ?? ZERO),
    ]),
  );
}

/**
 * Checks the associates against the statute: unique ids, a known college for everyone when the colleges vote
 * (COL-06), capital in whole cents, and the public cap on capital (SCIC-03: at most 50 %, bound included).
 */
export function validateAssociates(statute: CollegeStatute, associates: Associate[]): Issue<CollegeIssueCode>[] {
  const issues: Issue<CollegeIssueCode>[] = [];
  const collegeIds = new Set(statute.colleges.map((c) => c.id));
  const seen = new Set<string>();
  for (const a of associates) {
    if (seen.has(a.id)) issues.push(issue("associate_duplicate_id", { associate: a.name }));
    seen.add(a.id);
    if (a.collegeId !== null && !collegeIds.has(a.collegeId)) {
      issues.push(issue("associate_unknown_college", { associate: a.name, college: a.collegeId }));
    } else if (a.collegeId === null && statute.weighting !== "none") {
      issues.push(issue("associate_without_college", { associate: a.name }));
    }
    if (!Number.isSafeInteger(a.capitalCents) || a.capitalCents < 0) {
      issues.push(issue("associate_capital_invalid", { associate: a.name }));
    }
  }
  const share = publicCapitalShare(associates);
  if (compare(share, PUBLIC_CAPITAL_CAP) > 0) {
    issues.push(issue("public_capital_above_cap", { share: toText(share), max: toText(PUBLIC_CAPITAL_CAP) }));
  }
  return issues;
}

const capitalOf = (associates: Associate[]) =>
  associates.reduce((total, a) => total + BigInt(Number.isSafeInteger(a.capitalCents) ? a.capitalCents : 0), 0n);

/** The share of the capital held by territorial authorities together (SCIC-03). Zero when there is no capital. */
export function publicCapitalShare(associates: Associate[]): Fraction {
  const total = capitalOf(associates);
  if (total === 0n) return ZERO;
  return fraction(capitalOf(associates.filter((a) => a.publicTerritorial)), total);
}

export interface ShareRow {
  associateId: string;
  name: string;
  collegeId: string | null;
  /** Capital held / total capital. */
  capitalShare: FractionText;
  /** Share of the votes at a general meeting where every associate votes. */
  votingShare: FractionText;
  /** The college's weight once empty colleges are set aside; null under weighting `none`. */
  collegeWeight: FractionText | null;
  /** Associates in the same college (everyone under weighting `none`). */
  collegeSize: number;
}

export interface VotingShares {
  rows: ShareRow[];
  totalCapitalCents: number;
  /** Weighted colleges with nobody in them: their weight is spread over the others, as in a tally (§1.4). */
  emptyColleges: string[];
}

/**
 * Each associate's share of the capital next to their share of the votes. With colleges, a college's weight is
 * split equally among its members (COL-06: one vote each inside the college), so an associate's share is
 * weight / college size. Colleges nobody belongs to are left out and the others renormalised, the same rule the
 * tally applies to an empty college; associates without a college then have no vote (validateAssociates flags
 * them). Without colleges, everyone has 1 / number of associates.
 */
export function votingShares(statute: CollegeStatute, associates: Associate[]): VotingShares {
  const totalCapital = capitalOf(associates);
  const capitalShare = (a: Associate) =>
    totalCapital === 0n ? ZERO : fraction(Number.isSafeInteger(a.capitalCents) ? a.capitalCents : 0, totalCapital);
  const weights = collegeWeights(statute);
  const sizes = new Map<string, number>();
  for (const a of associates) if (a.collegeId !== null) sizes.set(a.collegeId, (sizes.get(a.collegeId) ?? 0) + 1);

  if (weights === null) {
    const each = associates.length === 0 ? ZERO : fraction(1, associates.length);
    return {
      rows: associates.map((a) => ({
        associateId: a.id,
        name: a.name,
        collegeId: a.collegeId,
        capitalShare: toText(capitalShare(a)),
        votingShare: toText(each),
        collegeWeight: null,
        collegeSize: associates.length,
      })),
      totalCapitalCents: Number(totalCapital),
      emptyColleges: [],
    };
  }

  const emptyColleges = statute.colleges.filter((c) => !sizes.has(c.id)).map((c) => c.id);
  let inUse = ZERO;
  for (const [id, w] of weights) if (sizes.has(id)) inUse = add(inUse, w);
  const effective = (id: string | null): Fraction | null => {
    if (id === null || !sizes.has(id) || isZero(inUse)) return null;
    return div(weights.get(id) ?? ZERO, inUse);
  };
  return {
    rows: associates.map((a) => {
      const w = effective(a.collegeId);
      const size = a.collegeId === null ? 0 : (sizes.get(a.collegeId) ?? 0);
      return {
        associateId: a.id,
        name: a.name,
        collegeId: a.collegeId,
        capitalShare: toText(capitalShare(a)),
        votingShare: toText(w === null ? ZERO : div(w, fromInt(size))),
        collegeWeight: w === null ? null : toText(w),
        collegeSize: size,
      };
    }),
    totalCapitalCents: Number(totalCapital),
    emptyColleges,
  };
}

// ---------------------------------------------------------------- categories (membership, not voting)

/** Kinds of associate categories (SCIC-01). A category is a membership notion, a college a voting one (SCIC-05). */
export type CategoryKind = "beneficiaries" | "employees" | "producers" | "volunteers" | "public_bodies" | "supporters" | "other";

export interface Category {
  id: string;
  name: string;
  kind: CategoryKind;
}

/**
 * SCIC-02: at least 3 categories, among them the beneficiaries and the employees, or, for a SCIC without
 * employees, the producers of its goods or services.
 */
export function validateCategories(categories: Category[], options: { hasEmployees: boolean }): Issue<CollegeIssueCode>[] {
  const issues: Issue<CollegeIssueCode>[] = [];
  const kinds = new Set(categories.map((c) => c.kind));
  if (categories.length < 3) issues.push(issue("category_count_too_low", { count: categories.length, min: 3 }));
  if (!kinds.has("beneficiaries")) issues.push(issue("category_beneficiaries_missing"));
  if (options.hasEmployees && !kinds.has("employees")) issues.push(issue("category_employees_missing"));
  if (!options.hasEmployees && !kinds.has("producers")) issues.push(issue("category_producers_missing"));
  return issues;
}
