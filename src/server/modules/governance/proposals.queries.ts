import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { PROPOSAL_STATUSES } from "../../../shared/contracts/proposals.ts";
import type { Db } from "../../db/client.ts";
import {
  associates,
  ballots,
  bodies,
  colleges,
  decisions,
  governanceSettings,
  mandates,
  meetingItems,
  meetings,
  organizations,
  people,
  proposals,
  voteParticipations,
} from "../../db/schema/index.ts";

export type ProposalRow = typeof proposals.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;

export async function findProposal(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.consortiumId, consortiumId), eq(proposals.id, id)));
  return row ?? null;
}

/** Locks the proposal's row for the transaction: two ballots or a ballot and the close cannot interleave. */
export async function lockProposal(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.consortiumId, consortiumId), eq(proposals.id, id)))
    .for("update");
  return row ?? null;
}

export async function listProposals(db: Db, consortiumId: string, status?: (typeof PROPOSAL_STATUSES)[number]) {
  return db
    .select({
      id: proposals.id,
      title: proposals.title,
      method: proposals.method,
      secrecy: proposals.secrecy,
      status: proposals.status,
      outcome: proposals.outcome,
      bodyId: proposals.bodyId,
      bodyName: bodies.name,
      createdAt: proposals.createdAt,
      decidedAt: proposals.decidedAt,
    })
    .from(proposals)
    .innerJoin(bodies, eq(bodies.id, proposals.bodyId))
    .where(and(eq(proposals.consortiumId, consortiumId), status ? eq(proposals.status, status) : undefined))
    .orderBy(desc(proposals.createdAt));
}

export async function findBody(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.consortiumId, consortiumId), eq(bodies.id, id)));
  return row ?? null;
}

export async function listBodies(db: Db, consortiumId: string) {
  return db
    .select()
    .from(bodies)
    .where(and(eq(bodies.consortiumId, consortiumId), isNull(bodies.archivedAt)))
    .orderBy(asc(bodies.name));
}

export interface BodyMemberRow {
  mandateId: string;
  bodyId: string;
  role: string;
  personId: string | null;
  organizationId: string | null;
  personUserId: string | null;
  name: string;
  /** The college the member votes in: the body's own college, else their associate's college. */
  collegeId: string | null;
}

/**
 * The members of bodies on a day (every mandate ever held with no day): their running mandates, with a name and the college they vote in. An
 * organisation's seat names the organisation (and the person who sits for it, when there is one).
 */
export async function membersOn(db: Db, consortiumId: string, day: string | null, bodyId?: string): Promise<BodyMemberRow[]> {
  const rows = await db
    .select({
      mandateId: mandates.id,
      bodyId: mandates.bodyId,
      role: mandates.role,
      personId: mandates.personId,
      organizationId: mandates.organizationId,
      personUserId: people.userId,
      firstName: people.firstName,
      lastName: people.lastName,
      organizationName: organizations.name,
      bodyCollegeId: bodies.collegeId,
    })
    .from(mandates)
    .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
    .leftJoin(people, eq(people.id, mandates.personId))
    .leftJoin(organizations, eq(organizations.id, mandates.organizationId))
    .where(
      and(
        eq(mandates.consortiumId, consortiumId),
        bodyId ? eq(mandates.bodyId, bodyId) : undefined,
        day ? lte(mandates.startsOn, day) : undefined,
        day ? or(isNull(mandates.endsOn), sql`${mandates.endsOn} >= ${day}`) : undefined,
      ),
    );
  const assoc = await db
    .select({ organizationId: associates.organizationId, personId: associates.personId, collegeId: associates.collegeId })
    .from(associates)
    .where(eq(associates.consortiumId, consortiumId));
  const byOrg = new Map(assoc.flatMap((a) => (a.organizationId ? [[a.organizationId, a.collegeId]] : [])));
  const byPerson = new Map(assoc.flatMap((a) => (a.personId ? [[a.personId, a.collegeId]] : [])));
  return rows
    .map((r) => {
      const person = r.firstName ? `${r.firstName} ${r.lastName}` : null;
      const name = r.organizationName && person ? `${r.organizationName} (${person})` : (r.organizationName ?? person ?? "—");
      // An organisation's seat votes in the organisation's college, whoever sits for it.
      const associateCollege =
        (r.organizationId ? byOrg.get(r.organizationId) : undefined) ?? (r.personId ? byPerson.get(r.personId) : undefined);
      return {
        mandateId: r.mandateId,
        bodyId: r.bodyId,
        role: r.role,
        personId: r.personId,
        organizationId: r.organizationId,
        personUserId: r.personUserId,
        name,
        collegeId: r.bodyCollegeId ?? associateCollege ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** The consortium's colleges with the weight each has in a vote, per the statutes' weighting. */
export async function votingColleges(db: Db, consortiumId: string) {
  const [settings] = await db.select().from(governanceSettings).where(eq(governanceSettings.consortiumId, consortiumId));
  const weighting = settings?.collegeWeighting ?? "none";
  if (weighting === "none") return { weighting, colleges: [] };
  const rows = await db
    .select()
    .from(colleges)
    .where(eq(colleges.consortiumId, consortiumId))
    .orderBy(asc(colleges.position), asc(colleges.name));
  // Equal weighting (COL-03): every college weighs the same; the tally normalises, so "1" each is enough.
  return { weighting, colleges: rows.map((c) => ({ id: c.id, name: c.name, weight: weighting === "equal" ? "1" : c.weight })) };
}

export async function participationsOf(db: Db, proposalId: string) {
  return db
    .select({ mandateId: voteParticipations.mandateId, castBy: voteParticipations.castBy })
    .from(voteParticipations)
    .where(eq(voteParticipations.proposalId, proposalId))
    .orderBy(asc(voteParticipations.castAt));
}

export async function ballotsOf(db: Db, proposalId: string) {
  return db.select().from(ballots).where(eq(ballots.proposalId, proposalId));
}

export async function decisionOf(db: Db, consortiumId: string, proposalId: string) {
  const [row] = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.consortiumId, consortiumId), eq(decisions.proposalId, proposalId)));
  return row ?? null;
}

/** The meetings whose order of the day names a proposal, soonest first. */
export async function meetingsOfProposal(db: Db, consortiumId: string, proposalId: string) {
  return db
    .selectDistinct({ id: meetings.id, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetingItems)
    .innerJoin(meetings, eq(meetings.id, meetingItems.meetingId))
    .where(and(eq(meetings.consortiumId, consortiumId), eq(meetingItems.proposalId, proposalId)))
    .orderBy(asc(meetings.startsAt));
}
