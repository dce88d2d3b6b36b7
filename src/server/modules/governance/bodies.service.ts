import { eq } from "drizzle-orm";
import type { z } from "zod";
import { addDays } from "../../../shared/agenda/time.ts";
import {
  type BodyDto,
  type BodyInput,
  type BodyListDto,
  type EndMandateInput,
  type MandateInput,
  type MandateRole,
  RENEWAL_WINDOW_DAYS,
  type RenewMandateInput,
  type UpdateBodyInput,
} from "../../../shared/contracts/governance.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import { bodies, mandates } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { bodyPolicy, governancePolicy, mandatePolicy } from "../../policies/governance.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import {
  bodySubject,
  describeQuorumRule,
  mandateSubject,
  presentBody,
  presentSummary,
  renewalsOf,
  renewedByOf,
} from "./bodies.presenter.ts";
import * as q from "./bodies.queries.ts";
import { weightingOf } from "./colleges.queries.ts";

/** How the activity journal and the reminder mail name a role. */
export const ROLE_FR: Record<MandateRole, string> = {
  member: "membre",
  co_president: "co-présidence",
  president: "présidence",
  referent: "référent·e",
  secretary: "secrétariat",
  treasurer: "trésorerie",
  facilitator: "animation",
  other: "autre rôle",
};

/** « 29/02/2028 »: days in sentences people read in French. */
export const frDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

const today = (ctx: Ctx) => parisDay(ctx.now);

// ---------------------------------------------------------------- reading

/** The bodies with their current members, and the mandates due for renewal across all of them. */
export async function listBodies(ctx: Ctx): Promise<BodyListDto> {
  const rows = await q.listBodies(ctx.db, ctx.consortium.id);
  const list = await q.mandatesOf(ctx.db, ctx.consortium.id);
  const day = today(ctx);
  // An archived body no longer sits: its mandates are not due for anything.
  const open = new Map(rows.filter((r) => r.body.archivedAt === null).map((r) => [r.body.id, r.body.name]));
  const renewals = renewalsOf(list, open, day);
  const last = await q.lastReminder(ctx.db, ctx.consortium.id);
  return {
    items: rows.map((r) => presentSummary(r, list, renewals, day)),
    renewals,
    windowDays: RENEWAL_WINDOW_DAYS,
    lastReminderAt: last ? last.createdAt.toISOString() : null,
    abilities: {
      create: consortiumPolicy.createBody(ctx.actor),
      sendReminders: governancePolicy.sendReminders(ctx.actor, null),
    },
  };
}

async function loadBody(ctx: Ctx, id: string) {
  const row = await q.findBody(ctx.db, ctx.consortium.id, id);
  if (!row) throw notFound("Instance");
  return row;
}

export async function getBody(ctx: Ctx, id: string): Promise<BodyDto> {
  const row = await loadBody(ctx, id);
  const list = await q.mandatesOf(ctx.db, ctx.consortium.id, [id]);
  return presentBody(ctx, row, list, today(ctx));
}

// ---------------------------------------------------------------- bodies

type BodyFields = z.output<typeof BodyInput>;

/**
 * A body's name is unique in the consortium, a college body points at one of its colleges, and a weighted quorum
 * needs the weights the statutes give the colleges: with none (or equal ones, which store no weight), the meeting
 * page would count every college at zero and never reach the quorum. The quorum is checked only when the request
 * sets it, so that renaming a body is not refused over a statute changed since.
 */
async function checkBody(ctx: Ctx, f: BodyFields, id: string | null, quorumSet: boolean) {
  const same = await q.findBodyByName(ctx.db, ctx.consortium.id, f.name);
  if (same && same.id !== id) throw conflict("Une instance porte déjà ce nom.", { name: "Une instance porte déjà ce nom" });
  if (f.collegeId && !(await q.findCollege(ctx.db, ctx.consortium.id, f.collegeId)))
    throw invalid({ collegeId: "Collège introuvable dans ce consortium" });
  if (quorumSet && f.quorum?.basis === "weighted" && (await weightingOf(ctx.db, ctx.consortium.id)) === "none")
    throw invalid({
      "quorum.basis":
        "Un quorum pondéré demande des collèges qui votent (à parts égales ou avec des poids fixés par les statuts) : comptez par tête, ou pondérez les collèges",
    });
}

/** A rule with neither call is no quorum at all: stored as null, so the meeting page shows none. */
const quorumOf = (rule: BodyFields["quorum"]) => (rule && (rule.firstCall !== null || rule.secondCall !== null) ? rule : null);

/** Creates a body (general assembly, steering committee, college, working group…): coordinators only. */
export async function createBody(ctx: Ctx, f: BodyFields): Promise<BodyDto> {
  authorize(consortiumPolicy.createBody(ctx.actor));
  await checkBody(ctx, f, null, true);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bodies)
      .values({
        consortiumId: ctx.consortium.id,
        name: f.name,
        kind: f.kind,
        description: f.description ?? null,
        collegeId: f.collegeId ?? null,
        proxyLimit: f.proxyLimit,
        quorum: quorumOf(f.quorum),
      })
      .returning({ id: bodies.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "body.create",
      subjectType: "body",
      subjectId: row.id,
      summary: `${ctx.user.name} crée l'instance « ${f.name} »`,
    });
    return row.id;
  });
  return getBody(ctx, id);
}

/** Changes a body; what the request leaves out stays as it was (a PUT from an older form must not reset it). */
export async function updateBody(ctx: Ctx, id: string, changes: z.output<typeof UpdateBodyInput>): Promise<BodyDto> {
  const row = await loadBody(ctx, id);
  authorize(bodyPolicy.update(ctx.actor, bodySubject(row.body)));
  const keep = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
  const f: BodyFields = {
    name: keep(changes.name, row.body.name),
    kind: keep(changes.kind, row.body.kind),
    description: keep(changes.description, row.body.description),
    collegeId: keep(changes.collegeId, row.body.collegeId),
    proxyLimit: keep(changes.proxyLimit, row.body.proxyLimit),
    quorum: keep(changes.quorum, row.body.quorum),
  };
  await checkBody(ctx, f, id, changes.quorum !== undefined);
  const quorum = quorumOf(f.quorum);
  const sameRule = (a: BodyFields["quorum"], b: BodyFields["quorum"]) =>
    a?.firstCall === b?.firstCall && a?.secondCall === b?.secondCall && a?.basis === b?.basis;
  const quorumChanged = !sameRule(quorumOf(row.body.quorum), quorum);
  const what =
    row.body.name === f.name
      ? `${ctx.user.name} modifie l'instance « ${f.name} »`
      : `${ctx.user.name} renomme l'instance « ${row.body.name} » en « ${f.name} »`;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(bodies)
      .set({
        name: f.name,
        kind: f.kind,
        description: f.description ?? null,
        collegeId: f.collegeId ?? null,
        proxyLimit: f.proxyLimit,
        quorum,
        updatedAt: ctx.now,
      })
      .where(eq(bodies.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "body.update",
      subjectType: "body",
      subjectId: id,
      // The quorum decides whether a meeting may deliberate: the journal says what it became, and keeps what it was.
      summary: quorumChanged ? `${what} — ${describeQuorumRule(quorum)}` : what,
      ...(quorumChanged ? { data: { quorum: { before: quorumOf(row.body.quorum), after: quorum } } } : {}),
    });
  });
  return getBody(ctx, id);
}

/**
 * Archives a body that no longer meets: it keeps its mandates as history, takes no new one and leaves the
 * renewal reminders. Nothing is deleted.
 */
export async function archiveBody(ctx: Ctx, id: string): Promise<BodyDto> {
  const row = await loadBody(ctx, id);
  if (row.body.archivedAt !== null) throw conflict("Cette instance est déjà archivée.");
  authorize(bodyPolicy.archive(ctx.actor, bodySubject(row.body)));
  await ctx.db.transaction(async (tx) => {
    await tx.update(bodies).set({ archivedAt: ctx.now, updatedAt: ctx.now }).where(eq(bodies.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "body.archive",
      subjectType: "body",
      subjectId: id,
      summary: `${ctx.user.name} archive l'instance « ${row.body.name} »`,
    });
  });
  return getBody(ctx, id);
}

// ---------------------------------------------------------------- mandates

/** Gives someone a seat in a body: a person, an organisation, or a person for an organisation. */
export async function addMandate(ctx: Ctx, bodyId: string, f: z.output<typeof MandateInput>): Promise<BodyDto> {
  const row = await loadBody(ctx, bodyId);
  authorize(bodyPolicy.addMandate(ctx.actor, bodySubject(row.body)));
  const fields: Record<string, string> = {};
  if (f.personId && !(await q.findPerson(ctx.db, ctx.consortium.id, f.personId)))
    fields.personId = "Personne introuvable dans ce consortium";
  if (f.organizationId && !(await q.findOrganization(ctx.db, ctx.consortium.id, f.organizationId)))
    fields.organizationId = "Structure introuvable dans ce consortium";
  if (Object.keys(fields).length) throw invalid(fields);
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(mandates)
      .values({
        consortiumId: ctx.consortium.id,
        bodyId,
        personId: f.personId ?? null,
        organizationId: f.organizationId ?? null,
        role: f.role,
        title: f.title ?? null,
        startsOn: f.startsOn,
        endsOn: f.endsOn ?? null,
      })
      .returning({ id: mandates.id });
    const [named] = await q.mandatesOf(tx, ctx.consortium.id, [bodyId]).then((l) => l.filter((x) => x.id === m.id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "mandate.add",
      subjectType: "body",
      subjectId: bodyId,
      summary: `${ctx.user.name} donne à ${named.holderName} un mandat (${ROLE_FR[f.role]}) dans « ${row.body.name} », du ${frDay(f.startsOn)}${f.endsOn ? ` au ${frDay(f.endsOn)}` : ""}`,
      data: { mandateId: m.id },
    });
  });
  return getBody(ctx, bodyId);
}

async function loadMandate(ctx: Ctx, bodyId: string, mandateId: string) {
  const row = await loadBody(ctx, bodyId);
  const list = await q.mandatesOf(ctx.db, ctx.consortium.id, [bodyId]);
  const mandate = list.find((m) => m.id === mandateId);
  if (!mandate) throw notFound("Mandat");
  return { row, list, mandate, renewedBy: renewedByOf(list) };
}

/**
 * Ends a mandate before its term, with the reason. The row keeps its start and gets its last day: the history
 * is never rewritten. Extending a mandate is a renewal, not an end.
 */
export async function endMandate(
  ctx: Ctx,
  bodyId: string,
  mandateId: string,
  f: z.output<typeof EndMandateInput>,
): Promise<BodyDto> {
  const { row, mandate, renewedBy } = await loadMandate(ctx, bodyId, mandateId);
  const day = today(ctx);
  const subject = mandateSubject(mandate, day, renewedBy);
  if (subject.status === "ended") throw conflict("Ce mandat est déjà terminé.");
  authorize(mandatePolicy.end(ctx.actor, subject));
  if (f.endsOn < mandate.startsOn) throw invalid({ endsOn: "Le mandat ne peut pas finir avant d'avoir commencé" });
  if (mandate.endsOn !== null && f.endsOn > mandate.endsOn)
    throw invalid({ endsOn: `Le mandat finit déjà le ${frDay(mandate.endsOn)} : pour le prolonger, renouvelez-le` });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(mandates)
      .set({ endsOn: f.endsOn, endedReason: f.reason, updatedAt: ctx.now })
      .where(eq(mandates.id, mandateId));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "mandate.end",
      subjectType: "body",
      subjectId: bodyId,
      summary: `${ctx.user.name} met fin au mandat de ${mandate.holderName} dans « ${row.body.name} » au ${frDay(f.endsOn)} : ${f.reason}`,
      data: { mandateId, previousEnd: mandate.endsOn },
    });
  });
  return getBody(ctx, bodyId);
}

/**
 * Renews a mandate: a new row for the same holder and body that points at the old one, which stays as it was.
 * The new term starts by default the day after the old one ends; it may not start before that day.
 */
export async function renewMandate(
  ctx: Ctx,
  bodyId: string,
  mandateId: string,
  f: z.output<typeof RenewMandateInput>,
): Promise<BodyDto> {
  const { row, mandate, renewedBy } = await loadMandate(ctx, bodyId, mandateId);
  const subject = mandateSubject(mandate, today(ctx), renewedBy);
  if (subject.renewed) throw conflict("Ce mandat a déjà été renouvelé.");
  if (subject.openEnded) throw conflict("Ce mandat n'a pas de fin : il n'y a rien à renouveler.");
  if (subject.endedEarly)
    throw conflict("Ce mandat a pris fin avant son terme : ajoutez un nouveau mandat plutôt que de le renouveler.");
  authorize(mandatePolicy.renew(ctx.actor, subject));
  if (row.body.archivedAt !== null) throw conflict("Cette instance est archivée : elle ne prend plus de mandat.");
  const dayAfter = addDays(mandate.endsOn as string, 1);
  const startsOn = f.startsOn ?? dayAfter;
  if (startsOn <= (mandate.endsOn as string))
    throw invalid({ startsOn: `Le nouveau mandat commence après la fin de l'ancien (le ${frDay(dayAfter)} au plus tôt)` });
  if (f.endsOn && f.endsOn < startsOn) throw invalid({ endsOn: "La fin précède le début" });
  const role = f.role ?? mandate.role;
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(mandates)
      .values({
        consortiumId: ctx.consortium.id,
        bodyId,
        personId: mandate.personId,
        organizationId: mandate.organizationId,
        role,
        title: f.title === undefined ? mandate.title : f.title,
        startsOn,
        endsOn: f.endsOn ?? null,
        renews: mandate.id,
      })
      .returning({ id: mandates.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "mandate.renew",
      subjectType: "body",
      subjectId: bodyId,
      summary: `${ctx.user.name} renouvelle le mandat de ${mandate.holderName} (${ROLE_FR[role]}) dans « ${row.body.name} » à partir du ${frDay(startsOn)}${f.endsOn ? ` jusqu'au ${frDay(f.endsOn)}` : ""}`,
      data: { mandateId: m.id, renews: mandate.id },
    });
  });
  return getBody(ctx, bodyId);
}
