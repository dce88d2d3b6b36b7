import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { instantToParisWall, parisDate } from "../../../shared/agenda/time.ts";
import type {
  AttendanceInput,
  ItemsInput,
  MeetingDto,
  MeetingInput,
  MeetingListDto,
  MinutesInput,
} from "../../../shared/contracts/meetings.ts";
import { ATTENDANCE_LABELS, describeIssue, describeQuorum } from "../../../shared/governance/labels.ts";
import { attendanceSheet, type QuorumRule, quorumStatus } from "../../../shared/governance/quorum.ts";
import { formatDateFr } from "../../../shared/rotations/labels.ts";
import type { Db } from "../../db/client.ts";
import { attendance, bodies, events, meetingItems, meetings, places } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import type { Block } from "../../lib/odt.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { meetingPolicy } from "../../policies/meetings.ts";
import { recordActivity } from "../activity.ts";
import { resolveTimes } from "../agenda/event-input.ts";
import { insertEvent } from "../agenda/events.store.ts";
import * as q from "./meetings.queries.ts";
import { votingColleges } from "./proposals.queries.ts";

// Meetings of a body: convened in the agenda, their order of the day, the attendance sheet with proxies and the
// live quorum (src/shared/governance/quorum.ts), and minutes that the body approves and anyone exports.

type Fields = z.output<typeof MeetingInput>;

const subject = (m: q.MeetingRow) => ({ minutesApproved: m.minutesApprovedAt !== null });

export async function listMeetings(ctx: Ctx): Promise<MeetingListDto> {
  const [rows, bodyRows, placeRows, turns] = await Promise.all([
    ctx.db
      .select({ meeting: meetings, bodyName: bodies.name, placeName: places.name })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .leftJoin(places, eq(places.id, meetings.placeId))
      .where(eq(meetings.consortiumId, ctx.consortium.id))
      .orderBy(asc(meetings.startsAt)),
    ctx.db
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .where(and(eq(bodies.consortiumId, ctx.consortium.id), isNull(bodies.archivedAt)))
      .orderBy(asc(bodies.name)),
    ctx.db
      .select({ id: places.id, name: places.name })
      .from(places)
      .where(eq(places.consortiumId, ctx.consortium.id))
      .orderBy(asc(places.name)),
    q.freeTurns(ctx.db, ctx.consortium.id, ctx.now),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.meeting.id,
      title: r.meeting.title,
      bodyId: r.meeting.bodyId,
      bodyName: r.bodyName,
      startsAt: r.meeting.startsAt.toISOString(),
      endsAt: r.meeting.endsAt.toISOString(),
      placeName: r.placeName,
      status: r.meeting.status,
      minutesApproved: r.meeting.minutesApprovedAt !== null,
    })),
    bodies: bodyRows,
    places: placeRows,
    turns: turns.map((t) => ({
      id: t.id,
      label: `${t.rotationName} — ${formatDateFr(parisDate(t.startsAt))} à ${instantToParisWall(t.startsAt).slice(11)}, ${t.placeName ?? t.hostName}`,
    })),
    abilities: { create: consortiumPolicy.createMeeting(ctx.actor) },
  };
}

async function load(ctx: Ctx, id: string) {
  const meeting = await q.findMeeting(ctx.db, ctx.consortium.id, id);
  if (!meeting) throw notFound("Réunion");
  return meeting;
}

export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingDto> {
  const meeting = await load(ctx, id);
  const body = await q.findBody(ctx.db, ctx.consortium.id, meeting.bodyId);
  if (!body) throw notFound("Instance");
  const [members, marks, items, proposals, colleges, place] = await Promise.all([
    q.membersOn(ctx.db, ctx.consortium.id, body.id, parisDate(meeting.startsAt)),
    q.attendanceOf(ctx.db, meeting.id),
    q.itemsOf(ctx.db, meeting.id),
    q.proposalsOfBody(ctx.db, ctx.consortium.id, body.id),
    votingColleges(ctx.db, ctx.consortium.id),
    meeting.placeId ? q.findPlace(ctx.db, ctx.consortium.id, meeting.placeId) : Promise.resolve(null),
  ]);
  const rotation = meeting.rotationTurnId ? await q.rotationOfTurn(ctx.db, meeting.rotationTurnId) : null;
  const markOf = new Map(marks.map((m) => [m.mandateId, m]));
  const nameOf = (id: string) => members.find((m) => m.mandateId === id)?.name ?? id;
  const presence = Object.fromEntries(marks.map((m) => [m.mandateId, m.presence]));
  // Grants in the order they were recorded: the first ones within the limit win (checkProxies).
  const grants = [...marks]
    .filter((m) => m.proxyTo)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
    .map((m) => ({ from: m.mandateId, to: m.proxyTo as string }));
  const sheet = attendanceSheet(
    members.map((m) => ({ id: m.mandateId, collegeId: m.collegeId })),
    presence,
    grants,
    { maxPerHolder: body.proxyLimit },
  );
  const rowOf = new Map(sheet.rows.map((r) => [r.memberId, r]));
  const quorum = body.quorum
    ? quorumStatus(body.quorum as QuorumRule, sheet, {
        call: meeting.call === 2 ? 2 : 1,
        // The colleges as a vote weighs them: equal weighting counts each college the same.
        colleges: colleges.colleges.map((c) => ({ id: c.id, weight: c.weight })),
      })
    : null;
  return {
    id: meeting.id,
    title: meeting.title,
    body: { id: body.id, name: body.name, proxyLimit: body.proxyLimit },
    start: instantToParisWall(meeting.startsAt),
    end: instantToParisWall(meeting.endsAt),
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    placeId: meeting.placeId,
    placeName: place?.name ?? null,
    eventId: meeting.eventId,
    rotation,
    call: meeting.call,
    status: meeting.status,
    items: items.map((i) => ({
      id: i.item.id,
      title: i.item.title,
      proposalId: i.item.proposalId,
      proposalTitle: i.proposalTitle,
      notes: i.item.notes,
    })),
    proposals,
    members: members.map((m) => {
      const row = rowOf.get(m.mandateId);
      return {
        mandateId: m.mandateId,
        name: m.name,
        role: m.role,
        collegeName: m.collegeName,
        presence: markOf.get(m.mandateId)?.presence ?? null,
        proxyTo: markOf.get(m.mandateId)?.proxyTo ?? null,
        status: row?.status ?? "absent",
        holderName: row?.holder ? nameOf(row.holder) : null,
      };
    }),
    counts: sheet.counts,
    refusedProxies: sheet.proxies.refused.map((r) => describeIssue(r.issue, "fr", nameOf)),
    quorum: quorum ? { met: quorum.met, text: describeQuorum(quorum, "fr") } : null,
    minutes: meeting.minutes ?? "",
    minutesApproved: meeting.minutesApprovedAt !== null,
    abilities: abilitiesFor(meetingPolicy, ctx.actor, subject(meeting)),
  };
}

/**
 * Checks the body, place and rotation date against the consortium and turns the Paris wall-clock times into
 * instants. A rotation's date brings its own times, host place and agenda event.
 */
async function resolve(ctx: Ctx, f: Fields, meetingId: string | null) {
  const body = await q.findBody(ctx.db, ctx.consortium.id, f.bodyId);
  if (!body) throw invalid({ bodyId: "Cette instance n'existe pas dans ce consortium." });
  if (f.rotationTurnId) {
    const turn = await q.findTurn(ctx.db, ctx.consortium.id, f.rotationTurnId);
    if (!turn) throw invalid({ rotationTurnId: "Cette date de rotation n'existe pas dans ce consortium." });
    if (turn.status !== "planned") throw invalid({ rotationTurnId: "Cette date de rotation est annulée." });
    if (turn.meetingId && turn.meetingId !== meetingId)
      throw invalid({ rotationTurnId: "Une autre réunion se tient déjà à cette date de rotation." });
    const place = turn.placeId ? await q.findPlace(ctx.db, ctx.consortium.id, turn.placeId) : null;
    return { body, place, startsAt: turn.startsAt, endsAt: turn.endsAt, turn };
  }
  const place = f.placeId ? await q.findPlace(ctx.db, ctx.consortium.id, f.placeId) : null;
  if (f.placeId && !place) throw invalid({ placeId: "Ce lieu n'existe pas dans ce consortium." });
  const { startsAt, endsAt } = resolveTimes(false, f.start as string, f.end as string);
  return { body, place, startsAt, endsAt, turn: null };
}

/** The meeting in the shared agenda, at its place, for the consortium's members; none without a place. */
async function writeEvent(
  tx: Db,
  ctx: Ctx,
  title: string,
  bodyName: string,
  place: { id: string; organizationId: string } | null,
  startsAt: Date,
  endsAt: Date,
) {
  if (!place) return null;
  return insertEvent(
    tx,
    ctx.consortium.id,
    {
      title,
      description: `Réunion : ${bodyName}.`,
      venue: "place",
      placeId: place.id,
      spaceId: null,
      partnerId: null,
      venueName: null,
      onlineUrl: null,
      allDay: false,
      startsAt,
      endsAt,
      rrule: null,
      audiences: ["professionals"],
      themes: [],
      price: null,
      accessibility: [],
      capacity: null,
      visibility: "consortium",
      status: "confirmed",
      createdBy: ctx.user.id,
    },
    [place.organizationId],
  );
}

export async function createMeeting(ctx: Ctx, f: Fields): Promise<MeetingDto> {
  authorize(consortiumPolicy.createMeeting(ctx.actor));
  const { body, place, startsAt, endsAt, turn } = await resolve(ctx, f, null);
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    // A rotation's date is already in the agenda: its event stands for the meeting.
    const eventId = turn ? turn.eventId : await writeEvent(tx, ctx, f.title, body.name, place, startsAt, endsAt);
    await tx.insert(meetings).values({
      id,
      consortiumId: ctx.consortium.id,
      bodyId: body.id,
      title: f.title,
      startsAt,
      endsAt,
      placeId: place?.id ?? null,
      eventId,
      rotationTurnId: turn?.id ?? null,
      call: f.call,
      createdBy: ctx.user.id,
    });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "meeting.create",
      subjectType: "meeting",
      subjectId: id,
      summary: `${ctx.user.name} convoque « ${f.title} » (${body.name}) le ${formatDateFr(parisDate(startsAt))}`,
    });
  });
  return getMeeting(ctx, id);
}

export async function updateMeeting(ctx: Ctx, id: string, f: Fields): Promise<MeetingDto> {
  const meeting = await load(ctx, id);
  authorize(meetingPolicy.update(ctx.actor, subject(meeting)));
  if (f.bodyId !== meeting.bodyId)
    throw invalid({ bodyId: "Une réunion ne change pas d'instance : annulez-la et convoquez l'autre." });
  const { body, place, startsAt, endsAt, turn } = await resolve(ctx, f, id);
  await ctx.db.transaction(async (tx) => {
    // The meeting's own event goes; a rotation's event belongs to the rotation and stays.
    if (meeting.eventId && !meeting.rotationTurnId) await tx.delete(events).where(eq(events.id, meeting.eventId));
    const eventId = turn ? turn.eventId : await writeEvent(tx, ctx, f.title, body.name, place, startsAt, endsAt);
    await tx
      .update(meetings)
      .set({
        title: f.title,
        startsAt,
        endsAt,
        placeId: place?.id ?? null,
        eventId,
        rotationTurnId: turn?.id ?? null,
        call: f.call,
        updatedAt: ctx.now,
      })
      .where(eq(meetings.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "meeting.update",
      subjectType: "meeting",
      subjectId: id,
      summary: `${ctx.user.name} modifie la réunion « ${f.title} »`,
    });
  });
  return getMeeting(ctx, id);
}

export async function deleteMeeting(ctx: Ctx, id: string): Promise<void> {
  const meeting = await load(ctx, id);
  authorize(meetingPolicy.delete(ctx.actor, subject(meeting)));
  if (meeting.minutesApprovedAt) throw conflict("Le compte rendu de cette réunion est approuvé : elle reste dans l'historique.");
  await ctx.db.transaction(async (tx) => {
    if (meeting.eventId && !meeting.rotationTurnId) await tx.delete(events).where(eq(events.id, meeting.eventId));
    await tx.delete(meetings).where(eq(meetings.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "meeting.delete",
      subjectType: "meeting",
      subjectId: id,
      summary: `${ctx.user.name} annule la réunion « ${meeting.title} »`,
    });
  });
}

export async function setItems(ctx: Ctx, id: string, f: z.output<typeof ItemsInput>): Promise<MeetingDto> {
  const meeting = await load(ctx, id);
  authorize(meetingPolicy.update(ctx.actor, subject(meeting)));
  const linked = [...new Set(f.items.flatMap((i) => (i.proposalId ? [i.proposalId] : [])))];
  const found = new Set((await q.proposalsAmong(ctx.db, ctx.consortium.id, meeting.bodyId, linked)).map((p) => p.id));
  const fields: Record<string, string> = {};
  f.items.forEach((item, i) => {
    if (item.proposalId && !found.has(item.proposalId))
      fields[`items.${i}.proposalId`] = "Cette proposition n'est pas soumise à cette instance.";
  });
  if (Object.keys(fields).length) throw invalid(fields);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(meetingItems).where(eq(meetingItems.meetingId, id));
    if (f.items.length)
      await tx.insert(meetingItems).values(
        f.items.map((item, position) => ({
          meetingId: id,
          consortiumId: ctx.consortium.id,
          position,
          title: item.title,
          proposalId: item.proposalId ?? null,
          notes: item.notes ?? null,
        })),
      );
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "meeting.items",
      subjectType: "meeting",
      subjectId: id,
      summary: `${ctx.user.name} fixe l'ordre du jour de « ${meeting.title} » (${f.items.length} point(s))`,
    });
  });
  return getMeeting(ctx, id);
}

/**
 * Records the sheet as the secretary marks it. Proxies beyond the body's limit are kept as given and reported as
 * refused with their reason, as a paper sheet would show them crossed out.
 */
export async function setAttendance(ctx: Ctx, id: string, f: z.output<typeof AttendanceInput>): Promise<MeetingDto> {
  const meeting = await load(ctx, id);
  authorize(meetingPolicy.recordAttendance(ctx.actor, subject(meeting)));
  const members = await q.membersOn(ctx.db, ctx.consortium.id, meeting.bodyId, parisDate(meeting.startsAt));
  const ids = new Set(members.map((m) => m.mandateId));
  const fields: Record<string, string> = {};
  f.rows.forEach((r, i) => {
    if (!ids.has(r.mandateId)) fields[`rows.${i}.mandateId`] = "Cette personne ne siège pas dans cette instance ce jour-là.";
    else if (r.proxyTo && !ids.has(r.proxyTo)) fields[`rows.${i}.proxyTo`] = "Un pouvoir se donne à un membre de l'instance.";
    else if (r.proxyTo && r.presence === "present") fields[`rows.${i}.proxyTo`] = "Un membre présent vote lui-même.";
  });
  if (Object.keys(fields).length) throw invalid(fields);
  const before = new Map((await q.attendanceOf(ctx.db, id)).map((m) => [m.mandateId, m]));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(attendance).where(eq(attendance.meetingId, id));
    if (f.rows.length)
      await tx.insert(attendance).values(
        f.rows.map((r, i) => {
          const kept = before.get(r.mandateId);
          // A proxy keeps its place in the order it was first given, which decides who is within the limit.
          const sameProxy = kept && kept.proxyTo === (r.proxyTo ?? null);
          return {
            meetingId: id,
            mandateId: r.mandateId,
            consortiumId: ctx.consortium.id,
            presence: r.presence,
            proxyTo: r.proxyTo ?? null,
            recordedAt: sameProxy ? kept.recordedAt : new Date(ctx.now.getTime() + i),
          };
        }),
      );
    await tx.update(meetings).set({ status: "held", updatedAt: ctx.now }).where(eq(meetings.id, id));
    const present = f.rows.filter((r) => r.presence === "present").length;
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "meeting.attendance",
      subjectType: "meeting",
      subjectId: id,
      summary: `${ctx.user.name} tient la feuille de présence de « ${meeting.title} » (${present} présent(s), ${f.rows.filter((r) => r.proxyTo).length} pouvoir(s))`,
    });
  });
  return getMeeting(ctx, id);
}

export async function setMinutes(ctx: Ctx, id: string, f: z.output<typeof MinutesInput>): Promise<MeetingDto> {
  const meeting = await load(ctx, id);
  if (meeting.minutesApprovedAt) throw conflict("Ce compte rendu est approuvé : il ne change plus.");
  authorize(meetingPolicy.writeMinutes(ctx.actor, subject(meeting)));
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ minutes: f.minutes, minutesApprovedAt: f.approved ? ctx.now : null, updatedAt: ctx.now })
      .where(eq(meetings.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: f.approved ? "meeting.minutes.approve" : "meeting.minutes",
      subjectType: "meeting",
      subjectId: id,
      summary: f.approved
        ? `${ctx.user.name} enregistre le compte rendu approuvé de « ${meeting.title} »`
        : `${ctx.user.name} rédige le compte rendu de « ${meeting.title} »`,
    });
  });
  return getMeeting(ctx, id);
}

/** The minutes as a document: header, attendance with proxies and quorum, order of the day, then the text. */
export async function minutesDocument(ctx: Ctx, id: string): Promise<{ blocks: Block[]; fileName: string }> {
  const m = await getMeeting(ctx, id);
  const day = parisDate(new Date(m.startsAt));
  const status = (s: (typeof m.members)[number]) =>
    s.status === "represented" && s.holderName ? `représenté·e par ${s.holderName}` : ATTENDANCE_LABELS.fr[s.status];
  const blocks: Block[] = [
    { kind: "title", text: `Compte rendu — ${m.title}` },
    {
      kind: "paragraph",
      text: `${m.body.name}, le ${formatDateFr(day)} de ${m.start.slice(11)} à ${m.end.slice(11)}${m.placeName ? `, ${m.placeName}` : ""}.${m.minutesApproved ? " Compte rendu approuvé." : " Projet de compte rendu."}`,
    },
    { kind: "heading", text: "Présences" },
    ...(m.quorum ? [{ kind: "paragraph" as const, text: m.quorum.text }] : []),
    {
      kind: "table",
      header: ["Membre", "Collège", "Présence"],
      rows: m.members.map((s) => [s.name, s.collegeName ?? "", status(s)]),
    },
    ...m.refusedProxies.map((text) => ({ kind: "paragraph" as const, text: `Pouvoir non retenu : ${text}` })),
    { kind: "heading", text: "Ordre du jour" },
    ...(m.items.length
      ? m.items.map((item, i) => ({
          kind: "paragraph" as const,
          text: `${i + 1}. ${item.title}${item.proposalTitle ? ` (proposition « ${item.proposalTitle} »)` : ""}${item.notes ? ` — ${item.notes}` : ""}`,
        }))
      : [{ kind: "paragraph" as const, text: "Aucun point inscrit." }]),
    { kind: "heading", text: "Compte rendu" },
    ...(m.minutes.trim()
      ? m.minutes.split(/\n+/).map((text) => ({ kind: "paragraph" as const, text }))
      : [{ kind: "paragraph" as const, text: "(à rédiger)" }]),
  ];
  return { blocks, fileName: `compte-rendu-${day}.odt` };
}
