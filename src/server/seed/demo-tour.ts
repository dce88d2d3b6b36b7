import { addDays, parisDate, parisWeekday } from "../../shared/agenda/time.ts";
import type { Db } from "../db/client.ts";
import { createRotation, generate } from "../modules/rotations/rotations.service.ts";
import { register } from "../modules/tours/tours.guests.ts";
import { createTour, updateDay } from "../modules/tours/tours.service.ts";
import { coordinatorCtx, memberPlaces, silentMailer } from "./demo-ctx.ts";

/** The third Thursday of May of the year after `today`, the season of the tour. */
function tourDateAfter(today: string): string {
  const first = `${Number(today.slice(0, 4)) + 1}-05-01`;
  return addDays(first, ((3 - parisWeekday(first) + 7) % 7) + 14);
}

const GUESTS = [
  {
    name: "Sylvie Bonnet",
    email: "s.bonnet@aureze-la-ville.example",
    organization: "Mairie d'Aurèze-la-Ville",
    category: "elected",
  },
  { name: "Thomas Girard", email: "t.girard@la-montagne.example", organization: "La Montagne", category: "media" },
  { name: "Nadia Benali", email: "nadia.benali@example.org", organization: null, category: "project_holder" },
  { name: "Hélène Roux", email: "h.roux@caf63.example", organization: "CAF du Puy-de-Dôme", category: "institution" },
] as const;

/**
 * The demo's learning tour: a yearly rotation names the organiser (a different member place each May), and the
 * first year's tour visits four other places in the order the planner finds, within their Thursday opening hours.
 */
export async function seedDemoTour(db: Db, consortiumSlug: string, coordinatorUserId: string) {
  const ctx = await coordinatorCtx(db, consortiumSlug, coordinatorUserId);
  const hosts = await memberPlaces(db, ctx.consortium.id);
  const date = tourDateAfter(parisDate(ctx.now));
  const rotation = await createRotation(ctx, {
    name: "Organisation de la tournée apprenante",
    description: "Chaque printemps, un lieu différent organise la tournée des élus, de la presse et des partenaires.",
    start: `${date}T09:00`,
    end: `${date}T17:30`,
    recurrence: { frequency: "yearly", interval: 1, count: 4 },
    hosts: hosts.map((h) => ({
      organizationId: h.organizationId,
      placeId: h.placeId,
      weight: 1,
      pastTurns: 0,
      wishes: [],
    })),
    weighting: "equal",
    minGapDays: 0,
    stepFree: false,
    unavailable: [],
    audiences: ["professionals"],
    visibility: "consortium",
  });
  const generated = await generate(ctx, silentMailer, rotation.id, date);
  const turn = generated.turns[0];
  const tour = await createTour(ctx, silentMailer, {
    name: `Tournée apprenante ${date.slice(0, 4)}`,
    description:
      "Une journée pour découvrir les tiers-lieux du Val d'Aurèze : ateliers, fablab, ressourcerie et café associatif, avec celles et ceux qui les font vivre.",
    rotationTurnId: turn.id,
    capacity: 25,
    signupOpen: true,
    visibility: "public",
  });
  const weekday = parisWeekday(date) + 1;
  const visited = hosts.filter((h) => h.organizationId !== tour.organizerId).slice(0, 4);
  await updateDay(ctx, tour.id, tour.days[0].id, {
    date,
    start: { placeId: tour.days[0].start.placeId as string },
    end: null,
    startTime: "09:00",
    endBy: "17:30",
    stops: visited.map((h, i) => ({
      placeId: h.placeId,
      visitMinutes: [90, 75, 90, 60][i] ?? 60,
      windows: h.openingHours
        .filter((s) => s.day === weekday)
        .slice(0, 4)
        .map((s) => ({ from: s.opens, to: s.closes })),
    })),
  });
  // No mail leaves the seed, so the links' base address does not matter.
  for (const guest of GUESTS) await register(db, silentMailer, "", consortiumSlug, tour.id, { ...guest, consent: true });
}
