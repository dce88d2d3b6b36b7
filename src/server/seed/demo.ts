import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { isValidSiret } from "../../shared/lib/siret.ts";
import type { Db } from "../db/client.ts";
import { activities, memberPeriods, personRoles, representatives, users } from "../db/schema/index.ts";
import { seedDemoAgenda } from "./demo-agenda.ts";
import { type ConsortiumSeed, DEMO, type DemoAccountKey, NEIGHBOUR } from "./demo-data.ts";
import { seedDemoGovernance } from "./demo-governance.ts";
import { seedDemoResidency } from "./demo-residency.ts";
import { seedDemoRotation } from "./demo-rotation.ts";
import { seedDemoTasks } from "./demo-tasks.ts";
import { seedDemoTour } from "./demo-tour.ts";
import {
  buildConsortium,
  buildOrganization,
  buildPerson,
  buildPlace,
  buildRepresentative,
  buildSpace,
  grantAccount,
  setCarrier,
} from "./factories.ts";

// The demo instance: consortium « demo » (Val d'Aurèze, carried by a SCIC) and a small neighbour
// network « reseau-voisin » (member-lead), with one sign-in account per role. The data tables are in
// demo-data.ts; everything there is fictional.

export const DEMO_PASSWORD = "maillage-demo";

/** Roles starting on or after this day get a "person.role_add" entry in the demo activity feed. */
const RECENT = "2025-01-01";

const ACCOUNTS: { key: DemoAccountKey; label: string; email: string; role: string; name: string }[] = [
  // First: the first account of an instance becomes its administrator (modules/auth/auth.ts).
  {
    key: "admin",
    label: "Administration de l'instance",
    email: "admin@demo.maillage.fr",
    role: "admin",
    name: "Administration Maillage",
  },
  {
    key: "coordination",
    label: "Coordination",
    email: "coordination@demo.maillage.fr",
    role: "coordinator",
    name: "Claire Dumas",
  },
  {
    key: "referent",
    label: "Référent·e d'un lieu",
    email: "referent@demo.maillage.fr",
    role: "referent",
    name: "Élodie Marchand",
  },
  { key: "membre", label: "Membre", email: "membre@demo.maillage.fr", role: "member", name: "Julien Faure" },
  { key: "partenaire", label: "Partenaire public", email: "partenaire@demo.maillage.fr", role: "partner", name: "Maxime Leroy" },
];

/** Printed at start-up by main.ts. */
export const DEMO_ACCOUNTS: { label: string; email: string; role: string }[] = ACCOUNTS.map(({ label, email, role }) => ({
  label,
  email,
  role,
}));

/** Signs up through the real endpoint, so the password is hashed (and the first user made admin) by the app. */
async function signUp(app: FastifyInstance, db: Db, name: string, email: string): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    headers: { "content-type": "application/json" },
    payload: { name, email, password: DEMO_PASSWORD },
  });
  if (response.statusCode === 200) {
    const id = (response.json() as { user?: { id?: string } }).user?.id;
    if (id) return id;
  }
  // An instance whose consortia were all deleted still has the demo users: reuse them.
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  throw new Error(`Compte de démonstration ${email} : inscription refusée (${response.statusCode}) ${response.body}`);
}

async function seedConsortium(db: Db, seed: ConsortiumSeed, userIds: Record<DemoAccountKey, string>) {
  const consortium = await buildConsortium(db, {
    slug: seed.slug,
    name: seed.name,
    territory: seed.territory,
    scale: seed.scale,
    description: seed.description,
    carrierModel: seed.carrierModel,
  });
  const consortiumId = consortium.id;
  const actorUserId = userIds.coordination;

  // ---------------------------------------------------------------- organisations and membership periods
  const orgIds = new Map<string, string>();
  const orgId = (key: string) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`Seed de démonstration : structure inconnue « ${key} »`);
    return id;
  };
  for (const { key, periods: _periods, ...values } of seed.organizations) {
    if (values.siret && !isValidSiret(values.siret)) throw new Error(`Seed de démonstration : SIRET invalide ${values.siret}`);
    // Periods are inserted below, with their end dates; the factory must not open one itself.
    const row = await buildOrganization(db, { consortiumId, ...values, joinedOn: null });
    orgIds.set(key, row.id);
  }
  const periods = seed.organizations.flatMap((o) =>
    (o.periods ?? []).map((p) => ({
      consortiumId,
      organizationId: orgId(o.key),
      joinedOn: p.joinedOn,
      leftOn: p.leftOn ?? null,
    })),
  );
  if (periods.length > 0) await db.insert(memberPeriods).values(periods);
  await setCarrier(db, consortiumId, orgId(seed.carrier));

  // ---------------------------------------------------------------- places and spaces
  const placeIds = new Map<string, { id: string; spaces: Map<string, string> }>();
  for (const { org, spaces, ...place } of seed.places) {
    const row = await buildPlace(db, { consortiumId, organizationId: orgId(org), ...place });
    const spaceIds = new Map<string, string>();
    for (const space of spaces) spaceIds.set(space.name, (await buildSpace(db, { consortiumId, placeId: row.id, ...space })).id);
    placeIds.set(place.slug, { id: row.id, spaces: spaceIds });
  }
  if (seed.slug === DEMO.slug)
    await seedDemoAgenda(db, consortiumId, {
      org: orgId,
      place: (slug) => {
        const place = placeIds.get(slug);
        if (!place) throw new Error(`Seed de démonstration : lieu inconnu « ${slug} »`);
        return place;
      },
    });

  // ---------------------------------------------------------------- people, roles, representatives
  const laterRoles: (typeof personRoles.$inferInsert)[] = [];
  const endedRepresentatives: (typeof representatives.$inferInsert)[] = [];
  const roleActivities: (typeof activities.$inferInsert)[] = [];
  const orgName = (key: string) => seed.organizations.find((o) => o.key === key)?.name ?? key;

  for (const { roles, represents, account, ...fields } of seed.people) {
    const [first, ...others] = roles;
    // The factory opens a current role; a role that already ended is inserted with the others.
    const firstByFactory = first && !first.until;
    const person = await buildPerson(db, {
      consortiumId,
      ...fields,
      userId: account ? userIds[account] : null,
      role: firstByFactory
        ? { organizationId: orgId(first.org), role: first.role, title: first.title, since: first.since }
        : undefined,
    });
    for (const r of roles) {
      // Recent arrivals show in the activity feed next to the departures (e.g. the interlocutor change).
      if (r.since >= RECENT) {
        roleActivities.push({
          consortiumId,
          actorUserId,
          action: "person.role_add",
          subjectType: "person",
          subjectId: person.id,
          summary: `${fields.firstName} ${fields.lastName} : ${r.title} (${orgName(r.org)})`,
          createdAt: new Date(`${r.since}T08:30:00Z`),
        });
      }
    }
    for (const r of firstByFactory ? others : roles) {
      laterRoles.push({
        consortiumId,
        personId: person.id,
        organizationId: orgId(r.org),
        role: r.role,
        title: r.title,
        since: r.since,
        until: r.until ?? null,
      });
      if (r.until) {
        roleActivities.push({
          consortiumId,
          actorUserId,
          action: "person.role_end",
          subjectType: "person",
          subjectId: person.id,
          summary: `Fin de rôle — ${fields.firstName} ${fields.lastName} : ${r.title} (${orgName(r.org)})`,
          createdAt: new Date(`${r.until}T17:00:00Z`),
        });
      }
    }
    for (const rep of represents ?? []) {
      if (rep.until) {
        endedRepresentatives.push({
          consortiumId,
          organizationId: orgId(rep.org),
          personId: person.id,
          since: rep.since,
          until: rep.until,
        });
      } else {
        await buildRepresentative(db, { consortiumId, organizationId: orgId(rep.org), personId: person.id, since: rep.since });
      }
    }
  }
  if (laterRoles.length > 0) await db.insert(personRoles).values(laterRoles);
  if (endedRepresentatives.length > 0) await db.insert(representatives).values(endedRepresentatives);

  // ---------------------------------------------------------------- demo accounts
  for (const a of seed.accounts) {
    await grantAccount(db, {
      consortiumId,
      userId: userIds[a.account],
      role: a.role,
      organizationId: a.org ? orgId(a.org) : null,
    });
  }

  // ---------------------------------------------------------------- a short, dated history for the activity feed
  const firstDay = periods.map((p) => p.joinedOn).sort()[0] ?? "2024-01-01";
  const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const history: (typeof activities.$inferInsert)[] = [
    {
      consortiumId,
      actorUserId,
      action: "consortium.create",
      subjectType: "consortium",
      subjectId: consortiumId,
      summary: `Création du consortium « ${seed.name} »`,
      createdAt: at(firstDay, 8),
    },
    ...seed.organizations.flatMap((o) =>
      (o.periods ?? []).flatMap((p) => {
        const entries: (typeof activities.$inferInsert)[] = [
          {
            consortiumId,
            actorUserId,
            action: "organization.join",
            subjectType: "organization",
            subjectId: orgId(o.key),
            summary: `${o.name} rejoint le consortium`,
            createdAt: at(p.joinedOn),
          },
        ];
        if (p.leftOn) {
          entries.push({
            consortiumId,
            actorUserId,
            action: "organization.leave",
            subjectType: "organization",
            subjectId: orgId(o.key),
            summary: `${o.name} quitte le consortium`,
            createdAt: at(p.leftOn, 16),
          });
        }
        return entries;
      }),
    ),
    ...roleActivities,
  ];
  await db.insert(activities).values(history);
}

export async function seedDemo(db: Db, app: FastifyInstance): Promise<void> {
  // Accounts first, one after the other (the admin must be the very first), through the auth endpoint:
  // those requests use their own connections, so they cannot run inside the transaction below.
  const userIds = {} as Record<DemoAccountKey, string>;
  for (const a of ACCOUNTS) userIds[a.key] = await signUp(app, db, a.name, a.email);

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await seedConsortium(t, DEMO, userIds);
    await seedConsortium(t, NEIGHBOUR, userIds);
  });
  await seedDemoRotation(db, DEMO.slug, userIds.coordination);
  await seedDemoResidency(db, DEMO.slug, userIds.coordination);
  await seedDemoTour(db, DEMO.slug, userIds.coordination);
  await seedDemoGovernance(db, DEMO.slug);
  await seedDemoTasks(db, DEMO.slug, userIds.coordination);
}
