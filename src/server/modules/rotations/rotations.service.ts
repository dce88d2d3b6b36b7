import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { expandSeries } from "../../../shared/agenda/recurrence.ts";
import { parisDate } from "../../../shared/agenda/time.ts";
import type {
  CreateRotationInput,
  RotationDto,
  RotationListDto,
  SwapAnswerInput,
  SwapRequestInput,
} from "../../../shared/contracts/rotations.ts";
import { explainInfeasible } from "../../../shared/rotations/phrases.ts";
import {
  type RotationHost,
  type RotationProblem,
  type RotationResult,
  reassignTurn,
  solveRotation,
  type TurnAssignmentInput,
} from "../../../shared/rotations/solver.ts";
import type { Db } from "../../db/client.ts";
import {
  events,
  organizations,
  places,
  rotationHosts,
  rotationSwaps,
  rotations,
  rotationTurns,
  rotationUnavailability,
  spaces,
} from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { rotationPolicy, swapPolicy, turnPolicy } from "../../policies/rotations.ts";
import { recordActivity } from "../activity.ts";
import { guardSpace, recurrenceRule, resolveTimes } from "../agenda/event-input.ts";
import { insertEvent } from "../agenda/events.store.ts";
import { ineligibility, presentRotation, ruleInWords } from "./rotations.presenter.ts";
import * as q from "./rotations.queries.ts";

type Fields = z.output<typeof CreateRotationInput>;

// ---------------------------------------------------------------- reading

export async function listRotations(ctx: Ctx): Promise<RotationListDto> {
  const rows = await ctx.db.select().from(rotations).where(eq(rotations.consortiumId, ctx.consortium.id)).orderBy(rotations.name);
  const ids = rows.map((r) => r.id);
  const hosts = ids.length ? await ctx.db.select().from(rotationHosts).where(inArray(rotationHosts.rotationId, ids)) : [];
  const turns = ids.length
    ? await ctx.db
        .select({
          rotationId: rotationTurns.rotationId,
          startsAt: rotationTurns.startsAt,
          status: rotationTurns.status,
          hostName: organizations.name,
        })
        .from(rotationTurns)
        .innerJoin(organizations, eq(organizations.id, rotationTurns.organizationId))
        .where(inArray(rotationTurns.rotationId, ids))
    : [];
  const now = ctx.now.getTime();
  return {
    items: rows.map((r) => {
      const mine = turns.filter((t) => t.rotationId === r.id && t.status === "planned");
      const next = mine.filter((t) => t.startsAt.getTime() >= now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        rule: ruleInWords(r),
        hostCount: hosts.filter((h) => h.rotationId === r.id).length,
        nextTurn: next ? { date: parisDate(next.startsAt), hostName: next.hostName } : null,
        turnCount: mine.length,
      };
    }),
    abilities: { create: consortiumPolicy.createRotation(ctx.actor) },
  };
}

async function load(ctx: Ctx, id: string) {
  const rotation = await q.findRotation(ctx.db, ctx.consortium.id, id);
  if (!rotation) throw notFound("Rotation");
  const [hosts, unavailable, turns, swaps] = await Promise.all([
    q.hostsOf(ctx.db, id),
    q.unavailabilityOf(ctx.db, id),
    q.turnsOf(ctx.db, id),
    q.swapsOf(ctx.db, id),
  ]);
  return { rotation, hosts, unavailable, turns, swaps };
}
type Loaded = Awaited<ReturnType<typeof load>>;

export async function getRotation(ctx: Ctx, id: string): Promise<RotationDto> {
  const loaded = await load(ctx, id);
  const names = await organizationNames(ctx.db, [
    ...new Set([...loaded.turns.map((t) => t.organizationId), ...loaded.hosts.map((h) => h.organizationId)]),
  ]);
  return presentRotation(ctx, loaded, names, {
    rotation: abilitiesFor(rotationPolicy, ctx.actor, null),
    turn: (t) => abilitiesFor(turnPolicy, ctx.actor, t),
    swap: (s) => abilitiesFor(swapPolicy, ctx.actor, s),
  });
}

async function organizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; placeName: string }>();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, placeName: places.name })
    .from(organizations)
    .leftJoin(places, eq(places.organizationId, organizations.id))
    .where(inArray(organizations.id, ids));
  const out = new Map<string, { name: string; placeName: string }>();
  for (const r of rows) if (!out.has(r.id)) out.set(r.id, { name: r.name, placeName: r.placeName ?? "" });
  return out;
}

// ---------------------------------------------------------------- writing the rotation

/** Checks every reference against the consortium: hosts are member organisations with their own place and room. */
async function checkFields(ctx: Ctx, f: Fields) {
  const { startsAt, endsAt } = resolveTimes(false, f.start, f.end);
  if (f.start.slice(0, 10) !== f.end.slice(0, 10)) throw invalid({ end: "Une rencontre commence et finit le même jour" });
  const rrule = recurrenceRule(f.recurrence, f.start, false) as string;
  const orgIds = f.hosts.map((h) => h.organizationId);
  const [orgs, placeRows, spaceRows] = await Promise.all([
    ctx.db
      .select({ id: organizations.id, kind: organizations.kind })
      .from(organizations)
      .where(and(eq(organizations.consortiumId, ctx.consortium.id), inArray(organizations.id, orgIds))),
    ctx.db
      .select({ id: places.id, organizationId: places.organizationId })
      .from(places)
      .where(
        and(
          eq(places.consortiumId, ctx.consortium.id),
          inArray(
            places.id,
            f.hosts.map((h) => h.placeId),
          ),
        ),
      ),
    ctx.db
      .select({ id: spaces.id, placeId: spaces.placeId })
      .from(spaces)
      .where(
        and(
          eq(spaces.consortiumId, ctx.consortium.id),
          inArray(
            spaces.id,
            f.hosts.flatMap((h) => (h.spaceId ? [h.spaceId] : [])),
          ),
        ),
      ),
  ]);
  const fields: Record<string, string> = {};
  f.hosts.forEach((h, i) => {
    const org = orgs.find((o) => o.id === h.organizationId);
    if (org?.kind !== "member") fields[`hosts.${i}.organizationId`] = "Seul un lieu membre du consortium accueille";
    const place = placeRows.find((p) => p.id === h.placeId);
    if (!place || place.organizationId !== h.organizationId)
      fields[`hosts.${i}.placeId`] = "Ce lieu n'appartient pas à cette structure";
    if (h.spaceId && spaceRows.find((s) => s.id === h.spaceId)?.placeId !== h.placeId)
      fields[`hosts.${i}.spaceId`] = "Cette salle n'appartient pas au lieu choisi";
  });
  if (Object.keys(fields).length) throw invalid(fields);
  const occurrences = expandSeries({ startsAt, endsAt, allDay: false, rrule });
  if (occurrences.length === 0) throw invalid({ recurrence: "Cette répétition ne donne aucune date" });
  return { rrule };
}

async function writeParts(tx: Db, ctx: Ctx, rotationId: string, f: Fields) {
  await tx.delete(rotationHosts).where(eq(rotationHosts.rotationId, rotationId));
  await tx.delete(rotationUnavailability).where(eq(rotationUnavailability.rotationId, rotationId));
  await tx.insert(rotationHosts).values(
    f.hosts.map((h) => ({
      rotationId,
      consortiumId: ctx.consortium.id,
      organizationId: h.organizationId,
      placeId: h.placeId,
      spaceId: h.spaceId ?? null,
      weight: h.weight,
      pastTurns: h.pastTurns,
    })),
  );
  if (f.unavailable.length)
    await tx.insert(rotationUnavailability).values(
      f.unavailable.map((u) => ({
        rotationId,
        consortiumId: ctx.consortium.id,
        organizationId: u.organizationId,
        fromDate: u.from,
        toDate: u.to,
        label: u.label,
      })),
    );
}

const columns = (f: Fields, rrule: string) => ({
  name: f.name,
  description: f.description ?? null,
  startLocal: f.start,
  endLocal: f.end,
  recurrence: f.recurrence as Record<string, unknown>,
  rrule,
  weighting: f.weighting,
  minGapDays: f.minGapDays,
  minCapacity: f.minCapacity ?? null,
  stepFree: f.stepFree,
  audiences: f.audiences,
  visibility: f.visibility,
});

export async function createRotation(ctx: Ctx, f: Fields): Promise<RotationDto> {
  authorize(consortiumPolicy.createRotation(ctx.actor));
  const { rrule } = await checkFields(ctx, f);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rotations)
      .values({ ...columns(f, rrule), consortiumId: ctx.consortium.id, createdBy: ctx.user.id })
      .returning({ id: rotations.id });
    await writeParts(tx, ctx, row.id, f);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "rotation.create",
      subjectType: "rotation",
      subjectId: row.id,
      summary: `${ctx.user.name} crée la rotation « ${f.name} »`,
    });
    return row.id;
  });
  return getRotation(ctx, id);
}

/** Changes apply to the turns of the next generation; turns already given keep their host until then. */
export async function updateRotation(ctx: Ctx, id: string, f: Fields): Promise<RotationDto> {
  const { rotation } = await load(ctx, id);
  authorize(rotationPolicy.update(ctx.actor, rotation));
  const { rrule } = await checkFields(ctx, f);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(rotations)
      .set({ ...columns(f, rrule), updatedAt: ctx.now })
      .where(eq(rotations.id, id));
    await writeParts(tx, ctx, id, f);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "rotation.update",
      subjectType: "rotation",
      subjectId: id,
      summary: `${ctx.user.name} modifie la rotation « ${f.name} »`,
    });
  });
  return getRotation(ctx, id);
}

/** The rotation goes with its future meetings; meetings already held stay in the agenda. */
export async function deleteRotation(ctx: Ctx, id: string): Promise<void> {
  const { rotation, turns } = await load(ctx, id);
  authorize(rotationPolicy.delete(ctx.actor, rotation));
  const future = turns.filter((t) => t.startsAt >= ctx.now && t.eventId).map((t) => t.eventId as string);
  await ctx.db.transaction(async (tx) => {
    if (future.length) await tx.delete(events).where(inArray(events.id, future));
    await tx.delete(rotations).where(eq(rotations.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "rotation.delete",
      subjectType: "rotation",
      subjectId: id,
      summary: `${ctx.user.name} supprime la rotation « ${rotation.name} » et ses ${future.length} rencontre(s) à venir`,
    });
  });
}

// ---------------------------------------------------------------- the solver's problem

const occurrenceKey = (d: Date) => d.toISOString();

/**
 * The solver's problem from what is stored: dates of the rule, turns before `cutoff` counted as past turns
 * (with the last one for the minimum gap), pinned turns kept, closures, weights and eligibility.
 */
function problemOf(loaded: Loaded, cutoff: string) {
  const { rotation, hosts, unavailable, turns } = loaded;
  const { startsAt, endsAt } = resolveTimes(false, rotation.startLocal, rotation.endLocal);
  const all = expandSeries({ startsAt, endsAt, allDay: false, rrule: rotation.rrule });
  const future = all.filter((o) => parisDate(o.startsAt) >= cutoff);
  const before = turns.filter((t) => t.status === "planned" && parisDate(t.startsAt) < cutoff);
  const byKey = new Map(turns.map((t) => [occurrenceKey(t.startsAt), t]));
  const problemHosts: RotationHost[] = hosts.map((h) => {
    const held = before.filter((t) => t.organizationId === h.organizationId);
    const last = held.at(-1);
    return {
      id: h.organizationId,
      label: h.hostName,
      weight: rotation.weighting === "weighted" ? h.weight : 1,
      pastTurns: h.pastTurns + held.length,
      ...(last ? { lastTurnDate: parisDate(new Date(last.endsAt.getTime() - 1)) } : {}),
      ...(ineligibility(rotation, h) ? { ineligibleReason: ineligibility(rotation, h) as string } : {}),
    };
  });
  const hostIds = new Set(hosts.map((h) => h.organizationId));
  const pinned: TurnAssignmentInput[] = [];
  for (const o of future) {
    const t = byKey.get(occurrenceKey(o.startsAt));
    if (t?.pinned && t.status === "planned" && hostIds.has(t.organizationId))
      pinned.push({ occurrenceId: occurrenceKey(o.startsAt), hostId: t.organizationId });
  }
  const problem: RotationProblem = {
    occurrences: future.map((o) => ({
      id: occurrenceKey(o.startsAt),
      start: o.startsAt.toISOString(),
      end: o.endsAt.toISOString(),
    })),
    hosts: problemHosts,
    unavailable: unavailable.map((u) => ({ hostId: u.organizationId, from: u.fromDate, to: u.toDate, label: u.label })),
    minGapDays: rotation.minGapDays,
    pinned,
  };
  return { problem, future };
}

function refuseIfImpossible(result: RotationResult): asserts result is Extract<RotationResult, { ok: true }> {
  if (!result.ok) throw conflict(explainInfeasible(result.infeasible, "fr"), undefined, result.infeasible);
}

// ---------------------------------------------------------------- events of the turns

async function hostPlaces(db: Db, rotationId: string) {
  const hosts = await q.hostsOf(db, rotationId);
  return new Map(hosts.map((h) => [h.organizationId, h]));
}

/** The agenda event of one turn, at the host's place and room, organised by the host. */
async function writeTurnEvent(tx: Db, ctx: Ctx, rotation: q.RotationRow, host: q.HostRow, startsAt: Date, endsAt: Date) {
  return insertEvent(
    tx,
    ctx.consortium.id,
    {
      title: rotation.name,
      description: [rotation.description, `Accueil : ${host.hostName} (${host.placeName}), à tour de rôle.`]
        .filter(Boolean)
        .join("\n\n"),
      venue: "place",
      placeId: host.placeId,
      spaceId: host.spaceId,
      partnerId: null,
      venueName: null,
      onlineUrl: null,
      allDay: false,
      startsAt,
      endsAt,
      rrule: null,
      audiences: rotation.audiences,
      themes: [],
      price: null,
      accessibility: [],
      capacity: null,
      visibility: rotation.visibility,
      status: "confirmed",
      createdBy: ctx.user.id,
    },
    [host.organizationId],
  );
}

/** Moves a turn to a host: its event is replaced by one at the new host's place. */
async function giveTurn(
  tx: Db,
  ctx: Ctx,
  rotation: q.RotationRow,
  turn: q.TurnRow,
  host: q.HostRow,
  reasons: Array<Record<string, unknown>>,
  pinned: boolean,
) {
  if (turn.eventId) await tx.delete(events).where(eq(events.id, turn.eventId));
  const eventId = await writeTurnEvent(tx, ctx, rotation, host, turn.startsAt, turn.endsAt);
  await tx
    .update(rotationTurns)
    .set({ organizationId: host.organizationId, eventId, reasons, pinned, status: "planned", updatedAt: ctx.now })
    .where(eq(rotationTurns.id, turn.id));
}

async function notifyHosts(ctx: Ctx, mailer: Mailer, rotation: q.RotationRow, dates: Map<string, string[]>, intro: string) {
  const referents = await q.referentsOf(ctx.db, ctx.consortium.id, [...dates.keys()]);
  const when = (iso: string) =>
    new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full", timeStyle: "short" }).format(new Date(iso));
  for (const r of referents) {
    const list = dates.get(r.organizationId as string) ?? [];
    if (list.length === 0) continue;
    await mailer.send({
      to: r.email,
      subject: `Maillage : ${rotation.name}, vos tours d'accueil`,
      text:
        `Bonjour ${r.name},\n\n${intro}\n\n${list.map((d) => `- ${when(d)}`).join("\n")}\n\n` +
        "Chaque rencontre est dans l'agenda du consortium. Un empêchement ? Proposez un échange ou désistez-vous depuis la page de la rotation.\n",
    });
  }
}

// ---------------------------------------------------------------- generating

/**
 * Gives every date from `from` (today by default) a host. Turns before keep theirs and count as past turns;
 * pinned turns stay; a turn whose host does not change keeps its event.
 */
export async function generate(ctx: Ctx, mailer: Mailer, id: string, from?: string): Promise<RotationDto> {
  const loaded = await load(ctx, id);
  const { rotation, turns } = loaded;
  authorize(rotationPolicy.generate(ctx.actor, rotation));
  const cutoff = from ?? parisDate(ctx.now);
  const { problem, future } = problemOf(loaded, cutoff);
  if (future.length === 0) throw invalid({ from: "Aucune date de la rotation à partir de ce jour" });
  const result = solveRotation(problem);
  refuseIfImpossible(result);
  const hosts = await hostPlaces(ctx.db, id);
  const byKey = new Map(turns.map((t) => [occurrenceKey(t.startsAt), t]));
  const wanted = new Set(future.map((o) => occurrenceKey(o.startsAt)));
  const changed = new Map<string, string[]>();
  await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      // Dates the rule no longer has (from the cutoff on) lose their turn and meeting.
      const gone = turns.filter((t) => parisDate(t.startsAt) >= cutoff && !wanted.has(occurrenceKey(t.startsAt)));
      const goneEvents = gone.flatMap((t) => (t.eventId ? [t.eventId] : []));
      if (goneEvents.length) await tx.delete(events).where(inArray(events.id, goneEvents));
      if (gone.length)
        await tx.delete(rotationTurns).where(
          inArray(
            rotationTurns.id,
            gone.map((t) => t.id),
          ),
        );
      for (const a of result.assignments) {
        const occurrence = future.find((o) => occurrenceKey(o.startsAt) === a.occurrenceId);
        const host = hosts.get(a.hostId);
        if (!occurrence || !host) continue;
        const reasons = a.reasons as unknown as Array<Record<string, unknown>>;
        const existing = byKey.get(a.occurrenceId);
        if (existing && existing.organizationId === a.hostId && existing.eventId && existing.status === "planned") {
          await tx.update(rotationTurns).set({ reasons, updatedAt: ctx.now }).where(eq(rotationTurns.id, existing.id));
          continue;
        }
        changed.set(a.hostId, [...(changed.get(a.hostId) ?? []), occurrence.startsAt.toISOString()]);
        if (existing) {
          await giveTurn(tx, ctx, rotation, existing, host, reasons, existing.pinned);
        } else {
          const eventId = await writeTurnEvent(tx, ctx, rotation, host, occurrence.startsAt, occurrence.endsAt);
          await tx.insert(rotationTurns).values({
            rotationId: id,
            consortiumId: ctx.consortium.id,
            startsAt: occurrence.startsAt,
            endsAt: occurrence.endsAt,
            organizationId: a.hostId,
            eventId,
            reasons,
          });
        }
      }
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "rotation.generate",
        subjectType: "rotation",
        subjectId: id,
        summary: `${ctx.user.name} répartit ${result.assignments.length} date(s) de « ${rotation.name} » à partir du ${cutoff}`,
        data: { objective: result.objective, optimal: result.optimal },
      });
    }),
  );
  await notifyHosts(ctx, mailer, rotation, changed, `La rotation « ${rotation.name} » vous confie l'accueil de ces dates :`);
  return getRotation(ctx, id);
}

function turnOf(loaded: Loaded, turnId: string) {
  const turn = loaded.turns.find((t) => t.id === turnId);
  if (!turn) throw notFound("Tour");
  return turn;
}

const subject = (ctx: Ctx, t: q.TurnRow) => ({ organizationId: t.organizationId, status: t.status, past: t.startsAt < ctx.now });

/** Assignments of the future turns other than `except`, as the solver takes them (locked). */
function currentAssignments(ctx: Ctx, loaded: Loaded, except: string[]): TurnAssignmentInput[] {
  return loaded.turns
    .filter((t) => t.startsAt >= ctx.now && t.status === "planned" && !except.includes(t.id))
    .map((t) => ({ occurrenceId: occurrenceKey(t.startsAt), hostId: t.organizationId }));
}

/** A coordinator gives a turn to a host of their choice; every hard constraint is still checked. */
export async function pinTurn(ctx: Ctx, mailer: Mailer, id: string, turnId: string, organizationId: string) {
  const loaded = await load(ctx, id);
  authorize(rotationPolicy.pin(ctx.actor, loaded.rotation));
  const turn = turnOf(loaded, turnId);
  if (turn.startsAt < ctx.now) throw invalid({ turnId: "Ce tour est passé" });
  const host = (await hostPlaces(ctx.db, id)).get(organizationId);
  if (!host) throw invalid({ organizationId: "Cette structure n'accueille pas cette rotation" });
  const { problem } = problemOf(loaded, parisDate(ctx.now));
  const key = occurrenceKey(turn.startsAt);
  const result = solveRotation({
    ...problem,
    occurrences: problem.occurrences.filter((o) => o.id === key || loaded.turns.some((t) => occurrenceKey(t.startsAt) === o.id)),
    pinned: [{ occurrenceId: key, hostId: organizationId }],
    locked: currentAssignments(ctx, loaded, [turn.id]).filter((a) => a.occurrenceId !== key),
  });
  refuseIfImpossible(result);
  const reasons = [{ code: "pinned" }];
  await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      await giveTurn(tx, ctx, loaded.rotation, turn, host, reasons, true);
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "rotation.pin",
        subjectType: "rotation",
        subjectId: id,
        summary: `${ctx.user.name} confie le tour du ${parisDate(turn.startsAt)} de « ${loaded.rotation.name} » à ${host.hostName}`,
      });
    }),
  );
  await notifyHosts(
    ctx,
    mailer,
    loaded.rotation,
    new Map([[organizationId, [turn.startsAt.toISOString()]]]),
    `La rotation « ${loaded.rotation.name} » vous confie l'accueil de cette date :`,
  );
  return getRotation(ctx, id);
}

/** The host gives up its turn: only that date gets a new host, never the one who withdrew. */
export async function withdraw(ctx: Ctx, mailer: Mailer, id: string, turnId: string, reason: string) {
  const loaded = await load(ctx, id);
  const turn = turnOf(loaded, turnId);
  authorize(turnPolicy.withdraw(ctx.actor, subject(ctx, turn)));
  const { problem } = problemOf(loaded, parisDate(ctx.now));
  const key = occurrenceKey(turn.startsAt);
  const current = currentAssignments(ctx, loaded, []);
  const known = new Set(current.map((a) => a.occurrenceId));
  const result = reassignTurn(
    { ...problem, occurrences: problem.occurrences.filter((o) => known.has(o.id)), pinned: [] },
    current,
    key,
    turn.organizationId,
    `désistement : ${reason}`,
  );
  refuseIfImpossible(result);
  const assignment = result.assignments.find((a) => a.occurrenceId === key);
  const host = assignment ? (await hostPlaces(ctx.db, id)).get(assignment.hostId) : undefined;
  if (!assignment || !host) throw conflict("Aucun autre lieu ne peut reprendre ce tour.");
  const previous = loaded.hosts.find((h) => h.organizationId === turn.organizationId)?.hostName ?? "";
  await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      await giveTurn(
        tx,
        ctx,
        loaded.rotation,
        turn,
        host,
        [{ code: "withdrawal", from: previous, reason }, ...(assignment.reasons as unknown as Array<Record<string, unknown>>)],
        turn.pinned,
      );
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "rotation.withdraw",
        subjectType: "rotation",
        subjectId: id,
        summary: `${previous} se désiste du ${parisDate(turn.startsAt)} (« ${reason} ») : ${host.hostName} accueille`,
      });
    }),
  );
  await notifyHosts(
    ctx,
    mailer,
    loaded.rotation,
    new Map([[host.organizationId, [turn.startsAt.toISOString()]]]),
    `${previous} ne peut pas accueillir « ${loaded.rotation.name} » à cette date ; elle vous revient :`,
  );
  return getRotation(ctx, id);
}

// ---------------------------------------------------------------- swaps

export async function requestSwap(ctx: Ctx, mailer: Mailer, id: string, input: z.output<typeof SwapRequestInput>) {
  const loaded = await load(ctx, id);
  const turn = turnOf(loaded, input.turnId);
  const other = loaded.turns.find((t) => t.id === input.withTurnId);
  if (!other) throw invalid({ withTurnId: "Tour introuvable dans cette rotation" });
  authorize(turnPolicy.requestSwap(ctx.actor, subject(ctx, turn)));
  if (other.startsAt < ctx.now || other.status !== "planned") throw invalid({ withTurnId: "Ce tour n'est plus à venir" });
  if (other.organizationId === turn.organizationId) throw invalid({ withTurnId: "Choisissez le tour d'un autre lieu" });
  if (loaded.swaps.some((s) => s.status === "pending" && (s.turnId === turn.id || s.withTurnId === turn.id)))
    throw conflict("Un échange est déjà en attente pour ce tour.");
  await ctx.db.transaction(async (tx) => {
    await tx.insert(rotationSwaps).values({
      rotationId: id,
      consortiumId: ctx.consortium.id,
      turnId: turn.id,
      withTurnId: other.id,
      message: input.message ?? null,
      requestedBy: ctx.user.id,
    });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "rotation.swap_request",
      subjectType: "rotation",
      subjectId: id,
      summary: `${ctx.user.name} propose d'échanger le ${parisDate(turn.startsAt)} contre le ${parisDate(other.startsAt)} (« ${loaded.rotation.name} »)`,
    });
  });
  const referents = await q.referentsOf(ctx.db, ctx.consortium.id, [other.organizationId]);
  for (const r of referents)
    await mailer.send({
      to: r.email,
      subject: `Maillage : ${loaded.rotation.name}, une proposition d'échange`,
      text:
        `Bonjour ${r.name},\n\n${ctx.user.name} propose d'échanger son tour du ${parisDate(turn.startsAt)} contre le vôtre du ` +
        `${parisDate(other.startsAt)}.${input.message ? `\n\n« ${input.message} »` : ""}\n\nAcceptez ou refusez depuis la page de la rotation.\n`,
    });
  return getRotation(ctx, id);
}

export async function answerSwap(ctx: Ctx, id: string, swapId: string, input: z.output<typeof SwapAnswerInput>) {
  const loaded = await load(ctx, id);
  const swap = loaded.swaps.find((s) => s.id === swapId);
  if (!swap) throw notFound("Échange");
  const turn = loaded.turns.find((t) => t.id === swap.turnId);
  const other = loaded.turns.find((t) => t.id === swap.withTurnId);
  if (!turn || !other) throw notFound("Tour");
  authorize(swapPolicy.answer(ctx.actor, { status: swap.status, toOrganizationId: other.organizationId }));
  const hosts = await hostPlaces(ctx.db, id);
  const [hostOfTurn, hostOfOther] = [hosts.get(other.organizationId), hosts.get(turn.organizationId)];
  if (input.accept) {
    if (turn.startsAt < ctx.now || other.startsAt < ctx.now) throw conflict("L'un des deux tours est déjà passé.");
    if (!hostOfTurn || !hostOfOther) throw conflict("L'un des deux lieux n'accueille plus cette rotation.");
    // Exchanged, both turns must still respect closures, rooms and the gap between turns.
    const { problem } = problemOf(loaded, parisDate(ctx.now));
    const [a, b] = [occurrenceKey(turn.startsAt), occurrenceKey(other.startsAt)];
    const known = new Set(currentAssignments(ctx, loaded, []).map((x) => x.occurrenceId));
    refuseIfImpossible(
      solveRotation({
        ...problem,
        occurrences: problem.occurrences.filter((o) => known.has(o.id)),
        pinned: [
          { occurrenceId: a, hostId: other.organizationId },
          { occurrenceId: b, hostId: turn.organizationId },
        ],
        locked: currentAssignments(ctx, loaded, [turn.id, other.id]),
      }),
    );
  }
  await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      if (input.accept && hostOfTurn && hostOfOther) {
        const swapped = (date: Date) => [{ code: "swapped", with: parisDate(date) }];
        await giveTurn(tx, ctx, loaded.rotation, turn, hostOfTurn, swapped(other.startsAt), true);
        await giveTurn(tx, ctx, loaded.rotation, other, hostOfOther, swapped(turn.startsAt), true);
      }
      await tx
        .update(rotationSwaps)
        .set({
          status: input.accept ? "accepted" : "refused",
          answer: input.message ?? null,
          answeredBy: ctx.user.id,
          answeredAt: ctx.now,
        })
        .where(eq(rotationSwaps.id, swap.id));
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: input.accept ? "rotation.swap_accept" : "rotation.swap_refuse",
        subjectType: "rotation",
        subjectId: id,
        summary: `${ctx.user.name} ${input.accept ? "accepte" : "refuse"} l'échange du ${parisDate(turn.startsAt)} et du ${parisDate(other.startsAt)}`,
      });
    }),
  );
  return getRotation(ctx, id);
}
