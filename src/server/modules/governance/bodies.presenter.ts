import { addDays, daysBetween } from "../../../shared/agenda/time.ts";
import {
  type BodyDto,
  type BodySummaryDto,
  type MandateDto,
  RENEWAL_WINDOW_DAYS,
  type RenewalDto,
} from "../../../shared/contracts/governance.ts";
import type { QuorumRule } from "../../../shared/governance/quorum.ts";
import type { Ctx } from "../../http/auth.ts";
import { type BodySubject, bodyPolicy, type MandateSubject, mandatePolicy } from "../../policies/governance.ts";
import { abilitiesFor } from "../../policies/index.ts";
import type * as q from "./bodies.queries.ts";

type BodyWithCollege = { body: q.BodyRow; collegeName: string | null };

/** `endsOn` is the mandate's last day (schema), so a mandate ending today is still current today. */
export function mandateStatus(m: { startsOn: string; endsOn: string | null }, today: string): MandateDto["status"] {
  if (m.startsOn > today) return "upcoming";
  if (m.endsOn !== null && m.endsOn < today) return "ended";
  return "current";
}

/** Which mandate renewed which: the renewal points back at the old one (`renews`). */
export const renewedByOf = (list: q.MandateRow[]) => new Map(list.flatMap((m) => (m.renews ? [[m.renews, m.id] as const] : [])));

export const mandateSubject = (m: q.MandateRow, today: string, renewedBy: Map<string, string>): MandateSubject => ({
  status: mandateStatus(m, today),
  renewed: renewedBy.has(m.id),
  openEnded: m.endsOn === null,
  endedEarly: m.endedReason !== null,
});

export function presentMandate(ctx: Ctx, m: q.MandateRow, today: string, renewedBy: Map<string, string>): MandateDto {
  return {
    id: m.id,
    bodyId: m.bodyId,
    personId: m.personId,
    organizationId: m.organizationId,
    holderName: m.holderName,
    role: m.role,
    title: m.title,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    endedReason: m.endedReason,
    renews: m.renews,
    renewedBy: renewedBy.get(m.id) ?? null,
    status: mandateStatus(m, today),
    abilities: abilitiesFor(mandatePolicy, ctx.actor, mandateSubject(m, today, renewedBy)),
  };
}

/**
 * Mandates due for renewal: running or about to, ending within the window, neither renewed yet nor ended on
 * purpose (an early end carries its reason). Soonest first.
 */
export function renewalsOf(list: q.MandateRow[], bodyNames: Map<string, string>, today: string): RenewalDto[] {
  const renewedBy = renewedByOf(list);
  const horizon = addDays(today, RENEWAL_WINDOW_DAYS);
  return list
    .filter(
      (m) =>
        bodyNames.has(m.bodyId) &&
        m.endsOn !== null &&
        m.endsOn >= today &&
        m.endsOn <= horizon &&
        m.endedReason === null &&
        !renewedBy.has(m.id),
    )
    .map((m) => ({
      mandateId: m.id,
      bodyId: m.bodyId,
      bodyName: bodyNames.get(m.bodyId) ?? "",
      holderName: m.holderName,
      role: m.role,
      title: m.title,
      endsOn: m.endsOn as string,
      daysLeft: daysBetween(today, m.endsOn as string),
    }))
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.holderName.localeCompare(b.holderName, "fr"));
}

export const bodySubject = (b: q.BodyRow): BodySubject => ({ archived: b.archivedAt !== null });

export function presentSummary(
  row: BodyWithCollege,
  list: q.MandateRow[],
  renewals: RenewalDto[],
  today: string,
): BodySummaryDto {
  const mine = list.filter((m) => m.bodyId === row.body.id);
  const current = mine.filter((m) => mandateStatus(m, today) === "current");
  const ends = current.flatMap((m) => (m.endsOn ? [m.endsOn] : [])).sort();
  return {
    id: row.body.id,
    name: row.body.name,
    kind: row.body.kind,
    description: row.body.description,
    collegeId: row.body.collegeId,
    collegeName: row.collegeName,
    memberCount: current.length,
    nextEnd: ends.length ? { endsOn: ends[0], count: ends.filter((d) => d === ends[0]).length } : null,
    renewalsDue: renewals.filter((r) => r.bodyId === row.body.id).length,
    archived: row.body.archivedAt !== null,
  };
}

export function presentBody(ctx: Ctx, row: BodyWithCollege, list: q.MandateRow[], today: string): BodyDto {
  const renewedBy = renewedByOf(list);
  const renewals = renewalsOf(list, new Map([[row.body.id, row.body.name]]), today);
  const history = list.map((m) => presentMandate(ctx, m, today, renewedBy));
  return {
    ...presentSummary(row, list, renewals, today),
    proxyLimit: row.body.proxyLimit,
    quorum: row.body.quorum ?? null,
    quorumText: describeQuorumRule(row.body.quorum ?? null),
    members: history
      .filter((m) => m.status === "current")
      .sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.holderName.localeCompare(b.holderName, "fr")),
    history,
    abilities: abilitiesFor(bodyPolicy, ctx.actor, bodySubject(row.body)),
  };
}

/** « 1/4 des membres présents ou représentés »; the whole body reads better than « 1 des membres ». */
const shareOfMembers = (share: string) =>
  share === "1" ? "la totalité des membres présents ou représentés" : `${share} des membres présents ou représentés`;

/**
 * A body's quorum rule as the body page and the journal write it, e.g. « Quorum : 1/4 des membres présents ou
 * représentés en première convocation, 1/5 en seconde. » (labels.ts describes a meeting's live quorum, not a rule;
 * the web builds the same sentence in the interface's language from `quorum`).
 */
export function describeQuorumRule(rule: QuorumRule | null): string {
  if (rule === null || (rule.firstCall === null && rule.secondCall === null))
    return "Pas de quorum : l'instance délibère quel que soit le nombre de présents.";
  const head = rule.basis === "weighted" ? "Quorum pondéré par collège" : "Quorum";
  const { firstCall: first, secondCall: second } = rule;
  if (first !== null && second === first) return `${head} : ${shareOfMembers(first)}, en première comme en seconde convocation.`;
  if (first === null) return `${head} : aucun en première convocation, ${shareOfMembers(second as string)} en seconde.`;
  if (second === null) return `${head} : ${shareOfMembers(first)} en première convocation, aucun en seconde.`;
  return `${head} : ${shareOfMembers(first)} en première convocation, ${second === "1" ? "la totalité" : second} en seconde.`;
}

/** Officers first, in the order a body's list is usually read. */
const ROLE_ORDER = ["president", "co_president", "secretary", "treasurer", "referent", "facilitator", "member", "other"];
const roleRank = (role: string) => ROLE_ORDER.indexOf(role);
