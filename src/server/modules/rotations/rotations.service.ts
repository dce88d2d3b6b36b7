import { and, eq, inArray, or } from "drizzle-orm";
import type { z } from "zod";
import { expandSeries } from "../../../shared/agenda/recurrence.ts";
import { instantToParisWall, parisDate } from "../../../shared/agenda/time.ts";
import {
  type CreateRotationInput,
  hostKey,
  type PinTurnInput,
  type RotationDto,
  type RotationListDto,
  type SwapAnswerInput,
  type SwapRequestInput,
} from "../../../shared/contracts/rotations.ts";
import { explainInfeasible, explainRoomTaken, type RoomTaken } from "../../../shared/rotations/phrases.ts";
import {
  type RotationHost,
  type RotationProblem,
  type RotationResult,
  reassignTurn,
  solveRotation,
  type TurnAssignmentInput,
  type TurnPreference,
} from "../../../shared/rotations/solver.ts";
import type { Db } from "../../db/client.ts";
import {
  events,
  organizations,
  people,
  places,
  rotationHosts,
  rotationSwaps,
  rotations,
  rotationTurns,
  rotationUnavailability,
  spaces,
} from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { rotationPolicy, swapPolicy, turnPolicy } from "../../policies/rotations.ts";
import { recordActivity } from "../activity.ts";
import { guardSpace, recurrenceRule, resolveTimes, SPACE_TAKEN } from "../agenda/event-input.ts";
import { insertEvent, materialize, updateEvent } from "../agenda/events.store.ts";
import { ineligibility, type Loaded, presentRotation, ruleInWords, turnSubject } from "./rotations.presenter.ts";
import * as q from "./rotations.queries.ts";

type Fields = z.output<typeof CreateRotationInput>;
/** A host as turns, closures and pins name it: its organisation and, for a person host, the person. */
type HostId = { organizationId: string; personId: string | null };

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
          organizationName: organizations.name,
          firstName: people.firstName,
          lastName: people.lastName,
        })
        .from(rotationTurns)
        .innerJoin(organizations, eq(organizations.id, rotationTurns.organizationId))
        .leftJoin(people, eq(people.id, rotationTurns.personId))
        .where(inArray(rotationTurns.rotationId, ids))
    : [];
  const now = ctx.now.getTime();
  return {
    items: rows.map((r) => {
      const mine = turns.filter((t) => t.rotationId === r.id && t.status === "planned");
      const next = mine.filter((t) => t.startsAt.getTime() >= now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      const person = next?.firstName && next.lastName ? { firstName: next.firstName, lastName: next.lastName } : null;
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        rule: ruleInWords(r),
        hostCount: hosts.filter((h) => h.rotationId === r.id).length,
        nextTurn: next ? { date: parisDate(next.startsAt), hostName: q.hostLabel(next.organizationName, person) } : null,
        turnCount: mine.length,
      };
    }),
    abilities: { create: consortiumPolicy.createRotation(ctx.actor) },
  };
}

async function load(ctx: Ctx, id: string): Promise<Loaded> {
  const rotation = await q.findRotation(ctx.db, ctx.consortium.id, id);
  if (!rotation) throw notFound("Rotation");
  const [hosts, unavailable, turns, swaps] = await Promise.all([
    q.hostsOf(ctx.db, id),
    q.unavailabilityOf(ctx.db, id),
    q.turnsOf(ctx.db, id),
    q.swapsOf(ctx.db, id),
  ]);
  const personIds = turns.flatMap((t) => (t.personId ? [t.personId] : []));
  const persons = await q.personsById(ctx.db, ctx.consortium.id, personIds);
  return { rotation, hosts, unavailable, turns, swaps, personUsers: new Map(persons.map((p) => [p.id, p.userId])) };
}

export async function getRotation(ctx: Ctx, id: string): Promise<RotationDto> {
  const loaded = await load(ctx, id);
  const current = new Set(loaded.hosts.map((h) => h.key));
  const former = await q.formerHostNames(
    ctx.db,
    ctx.consortium.id,
    loaded.turns.filter((t) => !current.has(hostKey(t))),
  );
  return presentRotation(ctx, loaded, former, {
    rotation: abilitiesFor(rotationPolicy, ctx.actor, null),
    turn: (t) => abilitiesFor(turnPolicy, ctx.actor, t),
    swap: (s) => abilitiesFor(swapPolicy, ctx.actor, s),
  });
}

// ---------------------------------------------------------------- writing the rotation

/**
 * Checks every reference against the consortium: hosts are member organisations with their own place and room,
 * a person host is a person of the consortium, and a wish names a date of the rotation.
 */
async function checkFields(ctx: Ctx, f: Fields) {
  const { startsAt, endsAt } = resolveTimes(false, f.start, f.end);
  if (f.start.slice(0, 10) !== f.end.slice(0, 10)) throw invalid({ end: "Une rencontre commence et finit le même jour" });
  const rrule = recurrenceRule(f.recurrence, f.start, false) as string;
  const orgIds = f.hosts.map((h) => h.organizationId);
  const personIds = f.hosts.flatMap((h) => (h.personId ? [h.personId] : []));
  const [orgs, placeRows, spaceRows, persons] = await Promise.all([
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
    q.personsById(ctx.db, ctx.consortium.id, personIds),
  ]);
  const occurrences = expandSeries({ startsAt, endsAt, allDay: false, rrule });
  const days = new Set(occurrences.map((o) => parisDate(o.startsAt)));
  const fields: Record<string, string> = {};
  f.hosts.forEach((h, i) => {
    const org = orgs.find((o) => o.id === h.organizationId);
    if (org?.kind !== "member") fields[`hosts.${i}.organizationId`] = "Seul un lieu membre du consortium accueille";
    const place = placeRows.find((p) => p.id === h.placeId);
    if (!place || place.organizationId !== h.organizationId)
      fields[`hosts.${i}.placeId`] = "Ce lieu n'appartient pas à cette structure";
    if (h.spaceId && spaceRows.find((s) => s.id === h.spaceId)?.placeId !== h.placeId)
      fields[`hosts.${i}.spaceId`] = "Cette salle n'appartient pas au lieu choisi";
    if (h.personId && !persons.some((p) => p.id === h.personId))
      fields[`hosts.${i}.personId`] = "Personne introuvable dans ce consortium";
    h.wishes.forEach((wish, j) => {
      if (!days.has(wish.date)) fields[`hosts.${i}.wishes.${j}.date`] = "Ce jour n'est pas une date de la rotation";
    });
  });
  if (Object.keys(fields).length) throw invalid(fields);
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
      personId: h.personId ?? null,
      placeId: h.placeId,
      spaceId: h.spaceId ?? null,
      weight: h.weight,
      pastTurns: h.pastTurns,
      wishes: [...h.wishes].sort((a, b) => (a.date < b.date ? -1 : 1)),
    })),
  );
  if (f.unavailable.length)
    await tx.insert(rotationUnavailability).values(
      f.unavailable.map((u) => ({
        rotationId,
        consortiumId: ctx.consortium.id,
        organizationId: u.organizationId,
        personId: u.personId ?? null,
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
 * (with the last one for the minimum gap), pinned turns kept, closures, weights, eligibility and wishes. Hosts
 * are named by hostKey. A cancelled date is left out (`keep` brings one back, to restore it); `dates` still
 * lists every date of the rule from the cutoff on.
 */
function problemOf(loaded: Loaded, cutoff: string, keep?: string) {
  const { rotation, hosts, unavailable, turns } = loaded;
  const { startsAt, endsAt } = resolveTimes(false, rotation.startLocal, rotation.endLocal);
  const all = expandSeries({ startsAt, endsAt, allDay: false, rrule: rotation.rrule });
  const dates = all.filter((o) => parisDate(o.startsAt) >= cutoff);
  const byKey = new Map(turns.map((t) => [occurrenceKey(t.startsAt), t]));
  const future = dates.filter((o) => {
    const key = occurrenceKey(o.startsAt);
    return byKey.get(key)?.status !== "cancelled" || key === keep;
  });
  const before = turns.filter((t) => t.status === "planned" && parisDate(t.startsAt) < cutoff);
  const problemHosts: RotationHost[] = hosts.map((h) => {
    const held = before.filter((t) => hostKey(t) === h.key);
    const last = held.at(-1);
    return {
      id: h.key,
      label: h.hostName,
      weight: rotation.weighting === "weighted" ? h.weight : 1,
      pastTurns: h.pastTurns + held.length,
      ...(last ? { lastTurnDate: parisDate(new Date(last.endsAt.getTime() - 1)) } : {}),
      ...(ineligibility(rotation, h) ? { ineligibleReason: ineligibility(rotation, h) as string } : {}),
    };
  });
  const hostIds = new Set(hosts.map((h) => h.key));
  const pinned: TurnAssignmentInput[] = [];
  for (const o of future) {
    const t = byKey.get(occurrenceKey(o.startsAt));
    if (t?.pinned && t.status === "planned" && hostIds.has(hostKey(t)))
      pinned.push({ occurrenceId: occurrenceKey(o.startsAt), hostId: hostKey(t) });
  }
  const onDay = new Map(future.map((o) => [parisDate(o.startsAt), occurrenceKey(o.startsAt)]));
  const preferences: TurnPreference[] = hosts.flatMap((h) =>
    h.wishes.flatMap((w) => {
      const occurrenceId = onDay.get(w.date);
      return occurrenceId ? [{ hostId: h.key, occurrenceId, kind: w.kind }] : [];
    }),
  );
  const problem: RotationProblem = {
    occurrences: future.map((o) => ({
      id: occurrenceKey(o.startsAt),
      start: o.startsAt.toISOString(),
      end: o.endsAt.toISOString(),
    })),
    hosts: problemHosts,
    unavailable: unavailable.map((u) => ({ hostId: hostKey(u), from: u.fromDate, to: u.toDate, label: u.label })),
    minGapDays: rotation.minGapDays,
    pinned,
    preferences,
  };
  return { problem, future, dates };
}

/** The problem on some of its dates only: the wishes about the others go with them. */
function onlyDates(problem: RotationProblem, keep: (occurrenceId: string) => boolean): RotationProblem {
  return {
    ...problem,
    occurrences: problem.occurrences.filter((o) => keep(o.id)),
    preferences: (problem.preferences ?? []).filter((p) => keep(p.occurrenceId)),
  };
}

/** A turn whose date the rule no longer gives (it changed since the schedule was made): generating settles it. */
function refuseIfStale(problem: RotationProblem, keys: string[]) {
  if (keys.some((key) => !problem.occurrences.some((o) => o.id === key)))
    throw conflict("Cette date ne fait plus partie de la rotation : regénérez le calendrier.");
}

function refuseIfImpossible(result: RotationResult): asserts result is Extract<RotationResult, { ok: true }> {
  if (!result.ok) throw conflict(explainInfeasible(result.infeasible, "fr"), undefined, result.infeasible);
}

// ---------------------------------------------------------------- events of the turns

const hostsByKey = (loaded: Loaded) => new Map(loaded.hosts.map((h) => [h.key, h]));

/** The agenda event of one turn, at the host's place and room, organised by the host's organisation. */
async function writeTurnEvent(tx: Db, ctx: Ctx, rotation: q.RotationRow, host: q.HostRow, startsAt: Date, endsAt: Date) {
  const welcome = host.personName
    ? `Accueil : ${host.personName}, pour ${host.organizationName}, à ${host.placeName}, à tour de rôle.`
    : `Accueil : ${host.hostName} (${host.placeName}), à tour de rôle.`;
  return insertEvent(
    tx,
    ctx.consortium.id,
    {
      title: rotation.name,
      description: [rotation.description, welcome].filter(Boolean).join("\n\n"),
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
    .set({
      organizationId: host.organizationId,
      personId: host.personId,
      eventId,
      reasons,
      pinned,
      status: "planned",
      cancelReason: null,
      updatedAt: ctx.now,
    })
    .where(eq(rotationTurns.id, turn.id));
}

type Slot = { host: q.HostRow; startsAt: Date; endsAt: Date };
const minutesOf = (d: Date) => {
  const [h, m] = instantToParisWall(d).slice(11, 16).split(":").map(Number);
  return h * 60 + m;
};

/**
 * Refuses, naming the room, the day and the other event, a turn whose room another event already holds. The
 * rotation's own events do not count: the write replaces them.
 */
async function refuseTakenRooms(ctx: Ctx, loaded: Loaded, slots: Slot[]) {
  const rooms = slots.flatMap((x) =>
    x.host.spaceId ? [{ spaceId: x.host.spaceId, startsAt: x.startsAt, endsAt: x.endsAt }] : [],
  );
  const own = loaded.turns.flatMap((t) => (t.eventId ? [t.eventId] : []));
  const taken = await q.roomTaken(ctx.db, ctx.consortium.id, rooms, own);
  if (!taken) return;
  const report: RoomTaken = {
    code: "room-taken",
    space: taken.spaceName,
    place: taken.placeName,
    date: parisDate(taken.startsAt),
    from: minutesOf(taken.startsAt),
    to: parisDate(taken.endsAt) === parisDate(taken.startsAt) ? minutesOf(taken.endsAt) : 24 * 60,
    title: taken.title,
  };
  throw conflict(explainRoomTaken(report, "fr"), undefined, report);
}

/**
 * Writes turns whose events take rooms: checked first, so that the answer names the clash; a concurrent write
 * can still take the room in between, and the agenda's exclusion constraint then has the last word.
 */
async function withRooms<T>(ctx: Ctx, loaded: Loaded, slots: Slot[], work: () => Promise<T>): Promise<T> {
  await refuseTakenRooms(ctx, loaded, slots);
  try {
    return await guardSpace(work);
  } catch (error) {
    if (error instanceof AppError && error.message === SPACE_TAKEN) await refuseTakenRooms(ctx, loaded, slots);
    throw error;
  }
}

/**
 * Who hears about a host's turns: a person host at their address (their own, else their account's), a place
 * through its organisation's referents; a person with no address at all through those referents too.
 */
async function recipientsOf(ctx: Ctx, hosts: HostId[]) {
  const persons = await q.personsById(
    ctx.db,
    ctx.consortium.id,
    hosts.flatMap((h) => (h.personId ? [h.personId] : [])),
  );
  const referents = await q.referentsOf(ctx.db, ctx.consortium.id, [...new Set(hosts.map((h) => h.organizationId))]);
  const out = new Map<string, Array<{ email: string; name: string }>>();
  for (const h of hosts) {
    const person = persons.find((p) => p.id === h.personId);
    out.set(
      hostKey(h),
      person?.email
        ? [{ email: person.email, name: `${person.firstName} ${person.lastName}` }]
        : referents.filter((r) => r.organizationId === h.organizationId),
    );
  }
  return out;
}

const when = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full", timeStyle: "short" }).format(new Date(iso));

/** Tells each host its dates: `intro` then the list, and what to do about them. */
async function notifyHosts(
  ctx: Ctx,
  mailer: Mailer,
  rotation: q.RotationRow,
  items: Array<{ host: HostId; dates: string[] }>,
  intro: string,
  subject = `Maillage : ${rotation.name}, vos tours d'accueil`,
  outro = "Chaque rencontre est dans l'agenda du consortium. Un empêchement ? Proposez un échange ou désistez-vous depuis la page de la rotation.",
) {
  const recipients = await recipientsOf(
    ctx,
    items.map((x) => x.host),
  );
  for (const { host, dates } of items) {
    if (dates.length === 0) continue;
    for (const r of recipients.get(hostKey(host)) ?? [])
      await mailer.send({
        to: r.email,
        subject,
        text: `Bonjour ${r.name},\n\n${intro}\n\n${dates.map((d) => `- ${when(d)}`).join("\n")}\n\n${outro}\n`,
      });
  }
}

const hostIdOf = (h: HostId): HostId => ({ organizationId: h.organizationId, personId: h.personId });

// ---------------------------------------------------------------- generating

/**
 * Gives every date from `from` (today by default) a host. Turns before keep theirs and count as past turns;
 * pinned turns stay; a turn whose host does not change keeps its event; a cancelled date stays cancelled.
 */
export async function generate(ctx: Ctx, mailer: Mailer, id: string, from?: string): Promise<RotationDto> {
  const loaded = await load(ctx, id);
  const { rotation, turns } = loaded;
  authorize(rotationPolicy.generate(ctx.actor, rotation));
  const cutoff = from ?? parisDate(ctx.now);
  const { problem, future, dates } = problemOf(loaded, cutoff);
  if (future.length === 0) throw invalid({ from: "Aucune date de la rotation à partir de ce jour" });
  const result = solveRotation(problem);
  refuseIfImpossible(result);
  const hosts = hostsByKey(loaded);
  const byKey = new Map(turns.map((t) => [occurrenceKey(t.startsAt), t]));
  const wanted = new Set(dates.map((o) => occurrenceKey(o.startsAt)));
  const plan = result.assignments.flatMap((a) => {
    const occurrence = future.find((o) => occurrenceKey(o.startsAt) === a.occurrenceId);
    const host = hosts.get(a.hostId);
    if (!occurrence || !host) return [];
    const existing = byKey.get(a.occurrenceId);
    const unchanged = !!existing && hostKey(existing) === a.hostId && !!existing.eventId && existing.status === "planned";
    return [{ occurrence, host, existing, unchanged, reasons: a.reasons as unknown as Array<Record<string, unknown>> }];
  });
  const moved = plan.filter((x) => !x.unchanged);
  const changed = new Map<string, { host: HostId; dates: string[] }>();
  for (const x of moved) {
    const entry = changed.get(x.host.key) ?? { host: hostIdOf(x.host), dates: [] };
    entry.dates.push(x.occurrence.startsAt.toISOString());
    changed.set(x.host.key, entry);
  }
  const slots = moved.map((x) => ({ host: x.host, startsAt: x.occurrence.startsAt, endsAt: x.occurrence.endsAt }));
  await withRooms(ctx, loaded, slots, () =>
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
      for (const { occurrence, host, existing, unchanged, reasons } of plan) {
        if (existing && unchanged) {
          await tx.update(rotationTurns).set({ reasons, updatedAt: ctx.now }).where(eq(rotationTurns.id, existing.id));
        } else if (existing) {
          await giveTurn(tx, ctx, rotation, existing, host, reasons, existing.pinned);
        } else {
          const eventId = await writeTurnEvent(tx, ctx, rotation, host, occurrence.startsAt, occurrence.endsAt);
          await tx.insert(rotationTurns).values({
            rotationId: id,
            consortiumId: ctx.consortium.id,
            startsAt: occurrence.startsAt,
            endsAt: occurrence.endsAt,
            organizationId: host.organizationId,
            personId: host.personId,
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
  await notifyHosts(
    ctx,
    mailer,
    rotation,
    [...changed.values()],
    `La rotation « ${rotation.name} » vous confie l'accueil de ces dates :`,
  );
  return getRotation(ctx, id);
}

function turnOf(loaded: Loaded, turnId: string) {
  const turn = loaded.turns.find((t) => t.id === turnId);
  if (!turn) throw notFound("Tour");
  return turn;
}

/**
 * Assignments of the future planned turns other than `except`, as the solver takes them (locked). A turn of a
 * host that has left the rotation, or on a date the rule no longer gives, is not the solver's to know.
 */
function currentAssignments(ctx: Ctx, loaded: Loaded, problem: RotationProblem, except: string[]): TurnAssignmentInput[] {
  const hosts = hostsByKey(loaded);
  const dates = new Set(problem.occurrences.map((o) => o.id));
  return loaded.turns
    .filter((t) => t.startsAt >= ctx.now && t.status === "planned" && !except.includes(t.id) && hosts.has(hostKey(t)))
    .map((t) => ({ occurrenceId: occurrenceKey(t.startsAt), hostId: hostKey(t) }))
    .filter((a) => dates.has(a.occurrenceId));
}

/** Whether one turn can go to `host` with every other future turn where it is: closures, rooms, the gap. */
function checkOneTurn(ctx: Ctx, loaded: Loaded, turn: q.TurnRow, host: q.HostRow) {
  const key = occurrenceKey(turn.startsAt);
  const { problem } = problemOf(loaded, parisDate(ctx.now), key);
  refuseIfStale(problem, [key]);
  const known = new Set(loaded.turns.filter((t) => t.status === "planned").map((t) => occurrenceKey(t.startsAt)));
  refuseIfImpossible(
    solveRotation({
      ...onlyDates(problem, (o) => o === key || known.has(o)),
      pinned: [{ occurrenceId: key, hostId: host.key }],
      locked: currentAssignments(ctx, loaded, problem, [turn.id]).filter((a) => a.occurrenceId !== key),
    }),
  );
}

/** A coordinator gives a turn to a host of their choice; every hard constraint is still checked. */
export async function pinTurn(ctx: Ctx, mailer: Mailer, id: string, turnId: string, input: z.output<typeof PinTurnInput>) {
  const loaded = await load(ctx, id);
  authorize(rotationPolicy.pin(ctx.actor, loaded.rotation));
  const turn = turnOf(loaded, turnId);
  if (turn.startsAt < ctx.now) throw invalid({ turnId: "Ce tour est passé" });
  if (turn.status === "cancelled") throw invalid({ turnId: "Cette date est annulée : rétablissez-la d'abord" });
  const host = hostsByKey(loaded).get(hostKey({ organizationId: input.organizationId, personId: input.personId ?? null }));
  if (!host || host.organizationId !== input.organizationId)
    throw invalid({ [input.personId ? "personId" : "organizationId"]: "Cet hôte n'accueille pas cette rotation" });
  checkOneTurn(ctx, loaded, turn, host);
  const reasons = [{ code: "pinned" }];
  await withRooms(ctx, loaded, [{ host, startsAt: turn.startsAt, endsAt: turn.endsAt }], () =>
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
    [{ host: hostIdOf(host), dates: [turn.startsAt.toISOString()] }],
    `La rotation « ${loaded.rotation.name} » vous confie l'accueil de cette date :`,
  );
  return getRotation(ctx, id);
}

/** The host gives up its turn: only that date gets a new host, never the one who withdrew. */
export async function withdraw(ctx: Ctx, mailer: Mailer, id: string, turnId: string, reason: string) {
  const loaded = await load(ctx, id);
  const turn = turnOf(loaded, turnId);
  authorize(turnPolicy.withdraw(ctx.actor, turnSubject(loaded, turn, ctx.now)));
  const hosts = hostsByKey(loaded);
  if (!hosts.has(hostKey(turn)))
    throw conflict("Cet hôte n'accueille plus cette rotation : la coordination peut confier la date.");
  const { problem } = problemOf(loaded, parisDate(ctx.now));
  const key = occurrenceKey(turn.startsAt);
  const current = currentAssignments(ctx, loaded, problem, []);
  const known = new Set(current.map((a) => a.occurrenceId));
  refuseIfStale(problem, [key]);
  const result = reassignTurn(
    { ...onlyDates(problem, (o) => known.has(o)), pinned: [] },
    current,
    key,
    hostKey(turn),
    `désistement : ${reason}`,
  );
  refuseIfImpossible(result);
  const assignment = result.assignments.find((a) => a.occurrenceId === key);
  const host = assignment ? hosts.get(assignment.hostId) : undefined;
  if (!assignment || !host) throw conflict("Aucun autre lieu ne peut reprendre ce tour.");
  const previous = hosts.get(hostKey(turn))?.hostName ?? "";
  await withRooms(ctx, loaded, [{ host, startsAt: turn.startsAt, endsAt: turn.endsAt }], () =>
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
    [{ host: hostIdOf(host), dates: [turn.startsAt.toISOString()] }],
    `${previous} ne peut pas accueillir « ${loaded.rotation.name} » à cette date ; elle vous revient :`,
  );
  return getRotation(ctx, id);
}

// ---------------------------------------------------------------- cancelling a date

/**
 * A coordinator cancels one date: the turn keeps its host but counts for nobody, its event is cancelled in the
 * agenda (feeds say so), a pending swap about it is withdrawn, and a new generation leaves the date alone.
 */
export async function cancelTurn(ctx: Ctx, mailer: Mailer, id: string, turnId: string, reason: string) {
  const loaded = await load(ctx, id);
  authorize(rotationPolicy.cancelTurn(ctx.actor, loaded.rotation));
  const turn = turnOf(loaded, turnId);
  if (turn.startsAt < ctx.now) throw invalid({ turnId: "Ce tour est passé" });
  if (turn.status === "cancelled") throw conflict("Cette date est déjà annulée.");
  const name = hostsByKey(loaded).get(hostKey(turn))?.hostName ?? "";
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(rotationTurns)
      .set({ status: "cancelled", cancelReason: reason, updatedAt: ctx.now })
      .where(eq(rotationTurns.id, turn.id));
    if (turn.eventId) {
      await updateEvent(tx, ctx.consortium.id, turn.eventId, { status: "cancelled" }, ctx.now);
      await materialize(tx, ctx.consortium.id, turn.eventId);
    }
    await tx
      .update(rotationSwaps)
      .set({ status: "withdrawn", answeredAt: ctx.now })
      .where(
        and(eq(rotationSwaps.status, "pending"), or(eq(rotationSwaps.turnId, turn.id), eq(rotationSwaps.withTurnId, turn.id))),
      );
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "rotation.cancel_turn",
      subjectType: "rotation",
      subjectId: id,
      summary: `${ctx.user.name} annule le ${parisDate(turn.startsAt)} de « ${loaded.rotation.name} »${name ? ` (chez ${name})` : ""} : ${reason}`,
    });
  });
  await notifyHosts(
    ctx,
    mailer,
    loaded.rotation,
    [{ host: hostIdOf(turn), dates: [turn.startsAt.toISOString()] }],
    `La coordination annule cette rencontre de « ${loaded.rotation.name} » que vous deviez accueillir (« ${reason} ») :`,
    `Maillage : ${loaded.rotation.name}, une date annulée`,
    "Vous n'avez rien à préparer pour cette date. Les autres dates de la rotation ne changent pas.",
  );
  return getRotation(ctx, id);
}

/** Undoes a cancellation: the date goes back to its host, if closures, the gap and its room still allow it. */
export async function restoreTurn(ctx: Ctx, mailer: Mailer, id: string, turnId: string) {
  const loaded = await load(ctx, id);
  authorize(rotationPolicy.cancelTurn(ctx.actor, loaded.rotation));
  const turn = turnOf(loaded, turnId);
  if (turn.startsAt < ctx.now) throw invalid({ turnId: "Ce tour est passé" });
  if (turn.status !== "cancelled") throw conflict("Cette date n'est pas annulée.");
  const host = hostsByKey(loaded).get(hostKey(turn));
  if (!host)
    throw conflict("Cet hôte n'accueille plus cette rotation : regénérez le calendrier pour donner un hôte à cette date.");
  // Since the cancellation, the host may have closed or taken a date too close: checked like a pin.
  checkOneTurn(ctx, loaded, turn, host);
  await withRooms(ctx, loaded, [{ host, startsAt: turn.startsAt, endsAt: turn.endsAt }], () =>
    ctx.db.transaction(async (tx) => {
      let eventId = turn.eventId;
      if (eventId) {
        await updateEvent(tx, ctx.consortium.id, eventId, { status: "confirmed" }, ctx.now);
        await materialize(tx, ctx.consortium.id, eventId);
      } else {
        eventId = await writeTurnEvent(tx, ctx, loaded.rotation, host, turn.startsAt, turn.endsAt);
      }
      await tx
        .update(rotationTurns)
        .set({ status: "planned", cancelReason: null, eventId, updatedAt: ctx.now })
        .where(eq(rotationTurns.id, turn.id));
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "rotation.restore_turn",
        subjectType: "rotation",
        subjectId: id,
        summary: `${ctx.user.name} rétablit le ${parisDate(turn.startsAt)} de « ${loaded.rotation.name} » (chez ${host.hostName})`,
      });
    }),
  );
  await notifyHosts(
    ctx,
    mailer,
    loaded.rotation,
    [{ host: hostIdOf(host), dates: [turn.startsAt.toISOString()] }],
    `La coordination rétablit cette rencontre de « ${loaded.rotation.name} », que vous accueillez :`,
    `Maillage : ${loaded.rotation.name}, une date rétablie`,
  );
  return getRotation(ctx, id);
}

// ---------------------------------------------------------------- swaps

export async function requestSwap(ctx: Ctx, mailer: Mailer, id: string, input: z.output<typeof SwapRequestInput>) {
  const loaded = await load(ctx, id);
  const turn = turnOf(loaded, input.turnId);
  const other = loaded.turns.find((t) => t.id === input.withTurnId);
  if (!other) throw invalid({ withTurnId: "Tour introuvable dans cette rotation" });
  authorize(turnPolicy.requestSwap(ctx.actor, turnSubject(loaded, turn, ctx.now)));
  if (other.startsAt < ctx.now || other.status !== "planned") throw invalid({ withTurnId: "Ce tour n'est plus à venir" });
  if (hostKey(other) === hostKey(turn)) throw invalid({ withTurnId: "Choisissez le tour d'un autre hôte" });
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
  const recipients = (await recipientsOf(ctx, [hostIdOf(other)])).get(hostKey(other)) ?? [];
  for (const r of recipients)
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
  authorize(
    swapPolicy.answer(ctx.actor, {
      status: swap.status,
      toOrganizationId: other.organizationId,
      toPersonUserId: turnSubject(loaded, other, ctx.now).personUserId,
    }),
  );
  const hosts = hostsByKey(loaded);
  const [hostOfTurn, hostOfOther] = [hosts.get(hostKey(other)), hosts.get(hostKey(turn))];
  if (input.accept) {
    if (turn.startsAt < ctx.now || other.startsAt < ctx.now) throw conflict("L'un des deux tours est déjà passé.");
    if (turn.status !== "planned" || other.status !== "planned") throw conflict("L'une des deux dates est annulée.");
    if (!hostOfTurn || !hostOfOther) throw conflict("L'un des deux lieux n'accueille plus cette rotation.");
    // Exchanged, both turns must still respect closures, rooms and the gap between turns.
    const { problem } = problemOf(loaded, parisDate(ctx.now));
    const [a, b] = [occurrenceKey(turn.startsAt), occurrenceKey(other.startsAt)];
    const known = new Set(currentAssignments(ctx, loaded, problem, []).map((x) => x.occurrenceId));
    refuseIfStale(problem, [a, b]);
    refuseIfImpossible(
      solveRotation({
        ...onlyDates(problem, (o) => known.has(o)),
        pinned: [
          { occurrenceId: a, hostId: hostOfTurn.key },
          { occurrenceId: b, hostId: hostOfOther.key },
        ],
        locked: currentAssignments(ctx, loaded, problem, [turn.id, other.id]),
      }),
    );
  }
  const slots =
    input.accept && hostOfTurn && hostOfOther
      ? [
          { host: hostOfTurn, startsAt: turn.startsAt, endsAt: turn.endsAt },
          { host: hostOfOther, startsAt: other.startsAt, endsAt: other.endsAt },
        ]
      : [];
  await withRooms(ctx, loaded, slots, () =>
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
