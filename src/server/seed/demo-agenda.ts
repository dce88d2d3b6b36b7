import { toRRule } from "../../shared/agenda/recurrence.ts";
import { addDays, allDayRange, mondayOf, parisDate, parisWallToInstant } from "../../shared/agenda/time.ts";
import type { Recurrence } from "../../shared/contracts/agenda.ts";
import type { Db } from "../db/client.ts";
import { insertEvents, type NewEvent } from "../modules/agenda/events.store.ts";

// A year of the demo consortium's programme, dated from the day the demo is seeded (two months back, ten
// ahead) so that it always looks alive. It holds what the agenda is there to find: two audience clashes and
// two probable duplicates in the coming weeks.

type Audience =
  | "general_public"
  | "families"
  | "children"
  | "youth"
  | "seniors"
  | "professionals"
  | "project_holders"
  | "elected_officials"
  | "job_seekers"
  | "students";

interface DemoEvent {
  title: string;
  org: string | string[];
  place: string;
  space?: string;
  /** Weeks from the Monday of the seeding week, and the weekday (0 = Monday). */
  week: number;
  day: number;
  from?: string;
  to?: string;
  allDayUntil?: number;
  audiences: Audience[];
  themes: string[];
  description?: string;
  price?: string;
  visibility?: "public" | "consortium" | "draft";
  status?: "tentative" | "confirmed";
  repeat?: Omit<Recurrence, "interval"> & { interval?: number };
}

const SERIES: DemoEvent[] = [
  {
    title: "Fablab ouvert",
    org: "filature",
    place: "la-filature",
    space: "Fablab",
    week: -8,
    day: 2,
    from: "14:00",
    to: "18:00",
    audiences: ["general_public"],
    themes: ["fabrication numérique"],
    price: "Prix libre",
    description: "Découpe laser, impression 3D et conseils de l'équipe du fablab.",
    repeat: { frequency: "weekly", count: 52 },
  },
  {
    title: "Goûter-jeux des familles",
    org: "grain",
    place: "le-grain-de-sel",
    space: "Salle du café",
    week: -8,
    day: 2,
    from: "16:00",
    to: "18:00",
    audiences: ["families"],
    themes: ["jeux"],
    price: "Gratuit",
    repeat: { frequency: "weekly", count: 52 },
  },
  {
    title: "Atelier vélo participatif",
    org: "ressourcerie",
    place: "ressourcerie-des-fayes",
    space: "Atelier vélo",
    week: -8,
    day: 5,
    from: "10:00",
    to: "12:30",
    audiences: ["general_public"],
    themes: ["mobilité", "réemploi"],
    price: "Adhésion à prix libre",
    repeat: { frequency: "weekly", count: 52 },
  },
  {
    title: "Repair café",
    org: "ressourcerie",
    place: "ressourcerie-des-fayes",
    space: "Atelier réparation",
    week: -8,
    day: 5,
    from: "14:00",
    to: "17:00",
    audiences: ["general_public"],
    themes: ["réemploi"],
    price: "Gratuit",
    repeat: { frequency: "monthly_weekday", count: 12 },
  },
  {
    title: "Atelier théâtre ados",
    org: "moulin",
    place: "le-moulin-des-arts",
    space: "Grande salle",
    week: -8,
    day: 1,
    from: "18:00",
    to: "20:00",
    audiences: ["youth"],
    themes: ["théâtre"],
    price: "Sur inscription",
    repeat: { frequency: "weekly", count: 40 },
  },
  {
    title: "Initiation aux machines à bois",
    org: "etabli",
    place: "l-etabli",
    space: "Atelier machines",
    week: -8,
    day: 3,
    from: "18:00",
    to: "21:00",
    audiences: ["professionals", "project_holders"],
    themes: ["bois", "formation"],
    price: "45 €",
    repeat: { frequency: "monthly_weekday", count: 12 },
  },
  {
    title: "Permanence numérique",
    org: "halte",
    place: "la-halte",
    space: "Bureau des permanences",
    week: -8,
    day: 0,
    from: "09:30",
    to: "12:00",
    audiences: ["seniors", "job_seekers"],
    themes: ["numérique", "accès aux droits"],
    price: "Gratuit",
    repeat: { frequency: "weekly", count: 52 },
  },
  {
    title: "Soirée jeux de société",
    org: "grain",
    place: "le-grain-de-sel",
    space: "Salle de l'étage",
    week: -7,
    day: 4,
    from: "19:30",
    to: "23:00",
    audiences: ["youth", "general_public"],
    themes: ["jeux"],
    price: "Gratuit",
    repeat: { frequency: "weekly", interval: 2, count: 26 },
  },
  {
    title: "Café des porteurs de projet",
    org: "scic",
    place: "la-filature",
    space: "Salle des métiers",
    week: -8,
    day: 1,
    from: "08:30",
    to: "10:00",
    audiences: ["project_holders"],
    themes: ["entrepreneuriat"],
    price: "Gratuit",
    visibility: "public",
    repeat: { frequency: "monthly_weekday", count: 12 },
  },
  {
    title: "Comité de programmation",
    org: "scic",
    place: "la-halte",
    space: "Salle des pas perdus",
    week: -6,
    day: 3,
    from: "14:00",
    to: "16:00",
    audiences: ["professionals"],
    themes: ["coopération"],
    visibility: "consortium",
    repeat: { frequency: "monthly_weekday", count: 12 },
  },
];

const ONE_OFFS: DemoEvent[] = [
  {
    title: "Festival des arts de rue",
    org: "moulin",
    place: "le-moulin-des-arts",
    week: 3,
    day: 5,
    allDayUntil: 1,
    audiences: ["general_public", "families"],
    themes: ["arts de rue", "festival"],
    price: "Gratuit",
    description: "Deux jours de spectacles dans les jardins du Moulin.",
  },
  {
    title: "Concert jeune public : les Zinzins",
    org: "moulin",
    place: "le-moulin-des-arts",
    space: "Grande salle",
    // The same Friday evening as a "Soirée jeux de société" for the same youth: a clash to find.
    week: 3,
    day: 4,
    from: "20:00",
    to: "22:00",
    audiences: ["youth"],
    themes: ["musique"],
    price: "5 €",
  },
  {
    title: "Atelier cuisine en famille",
    org: "halte",
    place: "la-halte",
    space: "Salle des pas perdus",
    week: 1,
    day: 2,
    from: "15:00",
    to: "17:30",
    audiences: ["families"],
    themes: ["alimentation"],
    price: "2 € par personne",
  },
  {
    title: "Conférence « Sobriété énergétique : par où commencer ? »",
    org: "halte",
    place: "la-halte",
    week: 4,
    day: 3,
    from: "18:30",
    to: "20:30",
    audiences: ["general_public"],
    themes: ["énergie"],
    price: "Gratuit",
  },
  {
    title: "Conférence sobriété énergétique : par où commencer",
    org: "scic",
    place: "la-halte",
    week: 4,
    day: 3,
    from: "18:30",
    to: "20:00",
    audiences: ["general_public"],
    themes: ["énergie"],
    price: "Gratuit",
  },
  {
    title: "Forum des porteurs de projet",
    org: "scic",
    place: "la-filature",
    week: 6,
    day: 3,
    from: "14:00",
    to: "18:00",
    audiences: ["project_holders"],
    themes: ["entrepreneuriat"],
    price: "Gratuit",
  },
  {
    title: "Forum des porteurs de projets",
    org: "filature",
    place: "la-filature",
    week: 6,
    day: 3,
    from: "13:30",
    to: "18:00",
    audiences: ["project_holders"],
    themes: ["entrepreneuriat"],
    price: "Gratuit",
  },
  {
    title: "Visite apprenante des élus du Val d'Aurèze",
    org: ["scic", "filature", "etabli"],
    place: "la-filature",
    week: 9,
    day: 4,
    from: "09:00",
    to: "16:00",
    audiences: ["elected_officials"],
    themes: ["coopération", "visite"],
    visibility: "consortium",
    description: "Une journée de visites des lieux du consortium pour les élus et les services.",
  },
  {
    title: "Fête de la science : fabriquer pour comprendre",
    org: ["filature", "etabli"],
    place: "l-etabli",
    week: 12,
    day: 5,
    from: "10:00",
    to: "18:00",
    audiences: ["families", "children"],
    themes: ["sciences", "fabrication numérique"],
    price: "Gratuit",
  },
  {
    title: "Bourse aux vélos",
    org: "ressourcerie",
    place: "ressourcerie-des-fayes",
    space: "Boutique",
    week: 7,
    day: 6,
    from: "09:00",
    to: "13:00",
    audiences: ["general_public"],
    themes: ["mobilité", "réemploi"],
  },
  {
    title: "Assemblée générale de la SCIC",
    org: "scic",
    place: "le-grain-de-sel",
    space: "Salle de l'étage",
    week: 20,
    day: 5,
    from: "10:00",
    to: "12:30",
    audiences: ["professionals"],
    themes: ["gouvernance"],
    visibility: "consortium",
  },
  {
    title: "Résidence d'artiste : sortie de chantier",
    org: "moulin",
    place: "le-moulin-des-arts",
    space: "Grande salle",
    week: -3,
    day: 4,
    from: "19:00",
    to: "21:00",
    audiences: ["general_public"],
    themes: ["arts plastiques"],
    price: "Gratuit",
  },
  {
    title: "Marché de Noël des créateurs",
    org: ["grain", "ressourcerie"],
    place: "le-grain-de-sel",
    week: 4,
    day: 6,
    from: "10:00",
    to: "18:00",
    audiences: ["general_public", "families"],
    themes: ["artisanat"],
    price: "Entrée libre",
  },
  {
    title: "Formation « Animer un tiers-lieu »",
    org: "etabli",
    place: "l-etabli",
    space: "Salle de formation",
    week: 10,
    day: 0,
    allDayUntil: 2,
    audiences: ["professionals"],
    themes: ["formation"],
    price: "Pris en charge OPCO",
    status: "tentative",
  },
  {
    title: "Programme de printemps (brouillon)",
    org: "scic",
    place: "la-halte",
    week: 14,
    day: 1,
    from: "18:00",
    to: "19:00",
    audiences: ["professionals"],
    themes: ["coopération"],
    visibility: "draft",
  },
];

export async function seedDemoAgenda(
  db: Db,
  consortiumId: string,
  ids: { org: (key: string) => string; place: (slug: string) => { id: string; spaces: Map<string, string> } },
  today = new Date(),
) {
  const monday = mondayOf(parisDate(today));
  const list: NewEvent[] = [];
  for (const e of [...SERIES, ...ONE_OFFS]) {
    const day = addDays(monday, e.week * 7 + e.day);
    const place = ids.place(e.place);
    const times =
      e.allDayUntil !== undefined
        ? allDayRange(day, addDays(day, e.allDayUntil))
        : { startsAt: parisWallToInstant(`${day}T${e.from}`) as Date, endsAt: parisWallToInstant(`${day}T${e.to}`) as Date };
    const rrule = e.repeat
      ? toRRule(
          { interval: 1, ...e.repeat } as Recurrence,
          e.allDayUntil !== undefined ? day : `${day}T${e.from}`,
          e.allDayUntil !== undefined,
        )
      : null;
    const orgs = Array.isArray(e.org) ? e.org : [e.org];
    list.push({
      values: {
        title: e.title,
        description: e.description ?? null,
        venue: "place",
        placeId: place.id,
        spaceId: e.space ? (place.spaces.get(e.space) ?? null) : null,
        allDay: e.allDayUntil !== undefined,
        ...times,
        rrule,
        audiences: e.audiences,
        themes: e.themes,
        price: e.price ?? null,
        visibility: e.visibility ?? "public",
        status: e.status ?? "confirmed",
      },
      organizerIds: orgs.map(ids.org),
    });
  }
  await insertEvents(db, consortiumId, list);
}
