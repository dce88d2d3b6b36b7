import { parisDate } from "../../../shared/agenda/time.ts";
import type { PublicResidencyDto, ResidencyDto, ResidencySummaryDto, StayDto } from "../../../shared/contracts/residencies.ts";
import { stayStatus } from "../../../shared/residencies/dates.ts";
import type { Ctx } from "../../http/auth.ts";
import { personPolicy } from "../../policies/directory.ts";
import type { StaySubject } from "../../policies/residencies.ts";
import type * as q from "./residencies.queries.ts";

type ChecklistWithName = Awaited<ReturnType<typeof q.checklistsOf>>[number];

/** Stays come in date order and never overlap: the first starts the residency, the last ends it. */
const spanOf = (stays: Array<{ stay: q.StayRow }>) => {
  const [first, last] = [stays.at(0), stays.at(-1)];
  return first && last ? { from: first.stay.fromDate, to: last.stay.toDate } : null;
};

const progressOf = (items: Array<{ item: q.ChecklistRow }>) => ({
  done: items.filter((i) => i.item.doneAt !== null).length,
  total: items.length,
});

export function presentStay(
  ctx: Ctx,
  s: q.StayWithPlace,
  items: ChecklistWithName[],
  referent: q.ReferentRow | undefined,
  abilities: (subject: StaySubject) => Record<string, boolean>,
): StayDto {
  const { stay } = s;
  const stayAbilities = abilities({ organizationId: stay.organizationId });
  // Contacts follow the person's own choice, as in the directory.
  const seeContact = referent ? personPolicy.seeContact(ctx.actor, referent) : false;
  return {
    id: stay.id,
    placeId: stay.placeId,
    placeName: s.placeName,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    organizationId: stay.organizationId,
    hostName: s.hostName,
    from: stay.fromDate,
    to: stay.toDate,
    status: stayStatus(stay.fromDate, stay.toDate, parisDate(ctx.now)),
    referent: referent
      ? {
          id: referent.id,
          name: `${referent.firstName} ${referent.lastName}`,
          email: seeContact ? referent.email : null,
          phone: seeContact ? referent.phone : null,
          ofHost: referent.organizationIds.includes(stay.organizationId),
        }
      : null,
    summary: stay.summary,
    eventId: stay.eventId,
    checklist: items.map(({ item, doneByName }) => ({
      id: item.id,
      label: item.label,
      done: item.doneAt !== null,
      doneAt: item.doneAt?.toISOString() ?? null,
      doneByName: item.doneAt ? doneByName : null,
      abilities: { tick: stayAbilities.tick, update: stayAbilities.editChecklist, delete: stayAbilities.editChecklist },
    })),
    progress: progressOf(items),
    abilities: stayAbilities,
  };
}

export function presentResidency(
  ctx: Ctx,
  residency: q.ResidencyRow,
  stays: q.StayWithPlace[],
  checklists: ChecklistWithName[],
  referents: q.ReferentRow[],
  abilities: { residency: Record<string, boolean>; stay: (s: StaySubject) => Record<string, boolean> },
): ResidencyDto {
  const referentById = new Map(referents.map((r) => [r.id, r]));
  return {
    id: residency.id,
    name: residency.name,
    artist: residency.artist,
    discipline: residency.discipline,
    description: residency.description,
    visibility: residency.visibility,
    stays: stays.map((s) =>
      presentStay(
        ctx,
        s,
        checklists.filter((c) => c.item.stayId === s.stay.id),
        s.stay.referentId ? referentById.get(s.stay.referentId) : undefined,
        abilities.stay,
      ),
    ),
    span: spanOf(stays),
    abilities: abilities.residency,
  };
}

export function presentSummary(
  ctx: Ctx,
  residency: q.ResidencyRow,
  stays: q.StayWithPlace[],
  checklists: Array<{ item: q.ChecklistRow }>,
): ResidencySummaryDto {
  const today = parisDate(ctx.now);
  const current = stays.find((s) => stayStatus(s.stay.fromDate, s.stay.toDate, today) === "current");
  const next = current ?? stays.find((s) => s.stay.fromDate > today);
  return {
    id: residency.id,
    name: residency.name,
    artist: residency.artist,
    discipline: residency.discipline,
    visibility: residency.visibility,
    stayCount: stays.length,
    span: spanOf(stays),
    now: next
      ? { status: current ? "current" : "upcoming", placeName: next.placeName, from: next.stay.fromDate, to: next.stay.toDate }
      : null,
    progress: progressOf(checklists),
  };
}

/** The public route: places, days and summaries; the referents and the checklists stay inside the consortium. */
export function presentPublic(
  consortium: { name: string; slug: string },
  residency: q.ResidencyRow,
  stays: q.StayWithPlace[],
  now: Date,
): PublicResidencyDto {
  const today = parisDate(now);
  return {
    consortium: { name: consortium.name, slug: consortium.slug },
    id: residency.id,
    name: residency.name,
    artist: residency.artist,
    discipline: residency.discipline,
    description: residency.description,
    span: spanOf(stays),
    stays: stays.map((s) => ({
      id: s.stay.id,
      placeName: s.placeName,
      hostName: s.hostName,
      city: s.city,
      latitude: s.latitude,
      longitude: s.longitude,
      from: s.stay.fromDate,
      to: s.stay.toDate,
      status: stayStatus(s.stay.fromDate, s.stay.toDate, today),
      summary: s.stay.summary,
    })),
  };
}
