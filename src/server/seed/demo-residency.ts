import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { addDays, parisDate } from "../../shared/agenda/time.ts";
import type { Db } from "../db/client.ts";
import { organizations, people, personRoles, places } from "../db/schema/index.ts";
import { addStay, createResidency, updateChecklistItem } from "../modules/residencies/residencies.service.ts";
import { coordinatorCtx } from "./demo-ctx.ts";

/** The route, in order: each host organisation of the demo and what the collective does there. */
const ROUTE = [
  {
    organization: "Le Moulin des Arts",
    summary:
      "Arrivée et installation dans les logements de résidence ; carnets de croquis du moulin et de ses habitants, atelier ouvert le samedi.",
  },
  {
    organization: "La Filature",
    summary: "Gravure et découpe laser au fablab : les dessins du Moulin deviennent des tampons et des pochoirs.",
  },
  {
    organization: "Le Grain de Sel",
    summary: "Portraits des habitués du café-cantine et fresque participative sur le mur du jardin partagé.",
  },
  {
    organization: "La Halte",
    summary: "Exposition de fin de résidence dans la salle des pas perdus et édition d'un carnet du Val d'Aurèze.",
  },
];

/** Three weeks at each place, four days on the road in between. */
const STAY_DAYS = 21;
const TRAVEL_DAYS = 4;

/**
 * The demo's moving residency: a collective of illustrators visiting four member places from next month,
 * made through the same services as the web app (its stays appear in the agenda). The first host has
 * already handed over the keys and the artists' contact sheet.
 */
export async function seedDemoResidency(db: Db, consortiumSlug: string, coordinatorUserId: string) {
  const ctx = await coordinatorCtx(db, consortiumSlug, coordinatorUserId);
  const { consortium } = ctx;
  const hosts = await db
    .select({ organizationId: organizations.id, organization: organizations.name, placeId: places.id })
    .from(organizations)
    .innerJoin(places, eq(places.organizationId, organizations.id))
    .where(
      and(
        eq(organizations.consortiumId, consortium.id),
        inArray(
          organizations.name,
          ROUTE.map((r) => r.organization),
        ),
      ),
    )
    .orderBy(asc(places.name));
  // The host's longest-standing staff member welcomes the collective.
  const staff = await db
    .select({ personId: people.id, organizationId: personRoles.organizationId })
    .from(personRoles)
    .innerJoin(people, eq(people.id, personRoles.personId))
    .where(and(eq(personRoles.consortiumId, consortium.id), eq(personRoles.role, "staff"), isNull(personRoles.until)))
    .orderBy(asc(personRoles.since), asc(people.lastName));

  const [y, m] = parisDate(ctx.now).split("-").map(Number);
  let from = addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`, 2);
  let residency = await createResidency(ctx, {
    name: "Carnets du Val d'Aurèze",
    artist: "Collectif Encre Vive",
    discipline: "Illustration et micro-édition",
    description:
      "Trois illustratrices du collectif Encre Vive traversent le Val d'Aurèze de lieu en lieu. Elles dessinent les tiers-lieux " +
      "et celles et ceux qui les font vivre, impriment sur place et laissent à chaque étape une trace : tampons, fresque, carnet.",
    visibility: "public",
  });
  for (const step of ROUTE) {
    const host = hosts.find((h) => h.organization === step.organization);
    if (!host) continue;
    const to = addDays(from, STAY_DAYS - 1);
    residency = await addStay(ctx, residency.id, {
      placeId: host.placeId,
      from,
      to,
      referentId: staff.find((s) => s.organizationId === host.organizationId)?.personId ?? null,
      summary: step.summary,
    });
    from = addDays(to, TRAVEL_DAYS + 1);
  }
  const first = residency.stays[0];
  if (!first) return;
  for (const label of ["Clés et accès remis", "Fiche contact de l'artiste transmise"]) {
    const item = first.checklist.find((i) => i.label === label);
    if (item) await updateChecklistItem(ctx, residency.id, first.id, item.id, { done: true });
  }
}
