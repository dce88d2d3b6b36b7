import type {
  AssociateDto,
  CollegeShareDto,
  CollegesDto,
  CollegeWeighting,
  SharesDto,
} from "../../../shared/contracts/governance.ts";
import {
  type Associate,
  type CollegeStatute,
  collegeWeights,
  publicCapitalShare,
  validateAssociates,
  votingShares,
} from "../../../shared/governance/colleges.ts";
import { add, fraction, parseFraction, toText, ZERO } from "../../../shared/governance/fraction.ts";
import { describeIssue, percent } from "../../../shared/governance/labels.ts";
import type { Ctx } from "../../http/auth.ts";
import { governancePolicy } from "../../policies/governance.ts";
import type * as q from "./colleges.queries.ts";

/** The statute as the pure rules read it: database ids name the colleges. */
export const statuteOf = (weighting: CollegeWeighting, colleges: q.CollegeRow[]): CollegeStatute => ({
  weighting,
  colleges: colleges.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
});

export const rulesAssociates = (
  rows: Array<Pick<q.AssociateRow, "id" | "name" | "collegeId" | "capitalCents" | "publicTerritorial">>,
) =>
  rows.map(
    (a): Associate => ({
      id: a.id,
      name: a.name,
      collegeId: a.collegeId,
      capitalCents: a.capitalCents,
      publicTerritorial: a.publicTerritorial,
    }),
  );

const share = (text: string) => ({ share: text, percent: percent(text, "fr") });

export function presentColleges(
  ctx: Ctx,
  weighting: CollegeWeighting,
  colleges: q.CollegeRow[],
  associates: q.AssociateRow[],
): CollegesDto {
  return {
    weighting,
    colleges: colleges.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      weight: weighting === "set" ? c.weight : null,
      associateCount: associates.filter((a) => a.collegeId === c.id).length,
    })),
    abilities: { update: governancePolicy.manageColleges(ctx.actor, null) },
  };
}

export function presentAssociate(ctx: Ctx, a: q.AssociateRow): AssociateDto {
  const manage = governancePolicy.manageAssociates(ctx.actor, null);
  return {
    id: a.id,
    name: a.name,
    organizationId: a.organizationId,
    personId: a.personId,
    collegeId: a.collegeId,
    collegeName: a.collegeName,
    capitalCents: a.capitalCents,
    publicTerritorial: a.publicTerritorial,
    joinedOn: a.joinedOn,
    abilities: { update: manage, remove: manage },
  };
}

/**
 * Capital share next to voting share, per associate and per college, computed by votingShares: capital never
 * enters the vote (SCIC-05), so a public partner can hold 40 % of the capital and 1/60 of the votes.
 */
export function presentShares(weighting: CollegeWeighting, colleges: q.CollegeRow[], associates: q.AssociateRow[]): SharesDto {
  const statute = statuteOf(weighting, colleges);
  const rules = rulesAssociates(associates);
  const result = votingShares(statute, rules);
  const byId = new Map(associates.map((a) => [a.id, a]));
  const written = collegeWeights(statute);
  const total = result.totalCapitalCents;
  const collegeShares: CollegeShareDto[] = colleges.map((c) => {
    const rows = result.rows.filter((r) => r.collegeId === c.id);
    const capitalCents = rows.reduce((s, r) => s + (byId.get(r.associateId)?.capitalCents ?? 0), 0);
    const votes = rows.reduce((s, r) => add(s, parseFraction(r.votingShare) ?? ZERO), ZERO);
    return {
      collegeId: c.id,
      name: c.name,
      weight: written ? toText(written.get(c.id) ?? ZERO) : null,
      associateCount: rows.length,
      capitalCents,
      capital: share(toText(total === 0 ? ZERO : fraction(capitalCents, total))),
      votes: share(toText(votes)),
    };
  });
  const names = new Map(colleges.map((c) => [c.id, c.name]));
  return {
    weighting,
    totalCapitalCents: total,
    rows: result.rows.map((r) => {
      const a = byId.get(r.associateId);
      return {
        associateId: r.associateId,
        name: r.name,
        collegeId: r.collegeId,
        collegeName: r.collegeId ? (names.get(r.collegeId) ?? null) : null,
        capitalCents: a?.capitalCents ?? 0,
        publicTerritorial: a?.publicTerritorial ?? false,
        capital: share(r.capitalShare),
        votes: share(r.votingShare),
      };
    }),
    colleges: collegeShares,
    publicCapital: share(toText(publicCapitalShare(rules))),
    issues: validateAssociates(statute, rules).map((i) => describeIssue(i, "fr")),
  };
}
