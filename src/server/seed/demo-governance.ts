import { eq } from "drizzle-orm";
import { addDays } from "../../shared/agenda/time.ts";
import { scicDemoExample } from "../../shared/governance/fixtures.ts";
import { parseFraction, toText } from "../../shared/governance/fraction.ts";
import { parisDay } from "../../shared/lib/dates.ts";
import type { Db } from "../db/client.ts";
import {
  associates,
  bodies,
  colleges,
  consortia,
  decisions,
  governanceSettings,
  mandates,
  organizations,
  people,
} from "../db/schema/index.ts";

// The demo's governance as its statutes would write it: the SCIC's four weighted colleges and 42 associates
// (the case where the intercommunalité holds 40 % of the capital and 1/60 of the votes), a general assembly of
// all associates, a steering committee with three co-presidents, and two working groups.

const STEERING: Array<{ person: [string, string]; role: "co_president" | "secretary" | "treasurer" | "member"; title?: string }> =
  [
    { person: ["Jean-Marc", "Roussel"], role: "co_president", title: "Co-président (collège des habitants)" },
    { person: ["Élodie", "Marchand"], role: "co_president", title: "Co-présidente (La Filature)" },
    { person: ["Karim", "Haddad"], role: "co_president", title: "Co-président" },
    { person: ["Sophie", "Lefèvre"], role: "treasurer" },
    { person: ["Mehdi", "Benali"], role: "secretary" },
    { person: ["Claire", "Dumas"], role: "member" },
  ];

const GROUPS = [
  {
    name: "Groupe de travail foncier",
    description: "Locaux, baux et acquisitions : suivre les projets immobiliers des lieux et chercher du foncier partagé.",
    members: [
      { person: ["Jean-Marc", "Roussel"], role: "referent" },
      { person: ["Claire", "Dumas"], role: "member" },
    ],
  },
  {
    name: "Groupe de travail formation",
    description: "Le parcours de formation commun et la certification Qualiopi portée pour le réseau.",
    members: [
      { person: ["Élodie", "Marchand"], role: "referent" },
      { person: ["Mehdi", "Benali"], role: "member" },
    ],
  },
] as const;

/** "40 %" as the register keeps it: "2/5". */
const toTextOrNull = (text: string) => {
  const f = parseFraction(text);
  return f ? toText(f) : null;
};

/** The date the statutes took effect: every founding mandate starts then. */
const FOUNDED = "2022-03-01";

export async function seedDemoGovernance(db: Db, consortiumSlug: string) {
  const [consortium] = await db.select().from(consortia).where(eq(consortia.slug, consortiumSlug));
  const consortiumId = consortium.id;
  await db.insert(governanceSettings).values({ consortiumId, collegeWeighting: scicDemoExample.statute.weighting });

  const collegeIds = new Map<string, string>();
  for (const [position, c] of scicDemoExample.statute.colleges.entries()) {
    const [row] = await db
      .insert(colleges)
      .values({ consortiumId, name: c.name, weight: c.weight ? toTextOrNull(c.weight) : null, position })
      .returning({ id: colleges.id });
    collegeIds.set(c.id, row.id);
  }

  const orgs = await db.select().from(organizations).where(eq(organizations.consortiumId, consortiumId));
  const orgByName = new Map(orgs.map((o) => [o.name, o.id]));
  const persons = await db.select().from(people).where(eq(people.consortiumId, consortiumId));
  const personByName = new Map(persons.map((p) => [`${p.firstName} ${p.lastName}`, p.id]));

  /** An associate's organisation or person, created when the directory does not have it yet (small communes, habitants). */
  async function holderOf(
    name: string,
    publicBody: boolean,
  ): Promise<{ organizationId: string | null; personId: string | null }> {
    const org = orgByName.get(name);
    if (org) return { organizationId: org, personId: null };
    const person = personByName.get(name);
    if (person) return { organizationId: null, personId: person };
    if (publicBody) {
      const [row] = await db
        .insert(organizations)
        .values({ consortiumId, kind: "partner", partnerType: "commune", name })
        .returning({ id: organizations.id });
      orgByName.set(name, row.id);
      return { organizationId: row.id, personId: null };
    }
    const [first, ...rest] = name.split(" ");
    const [row] = await db
      .insert(people)
      .values({ consortiumId, firstName: first, lastName: rest.join(" "), contactVisibility: "private" })
      .returning({ id: people.id });
    personByName.set(name, row.id);
    return { organizationId: null, personId: row.id };
  }

  const [assembly] = await db
    .insert(bodies)
    .values({
      consortiumId,
      name: "Assemblée générale des associés",
      kind: "general_assembly",
      description: "Tous les associés de la SCIC, votant par collège (40 / 20 / 30 / 10 %).",
      quorum: { firstCall: "1/4", secondCall: "1/5", basis: "headcount" },
      proxyLimit: 2,
    })
    .returning({ id: bodies.id });
  for (const a of scicDemoExample.associates) {
    const holder = await holderOf(a.name, a.publicTerritorial === true);
    await db.insert(associates).values({
      consortiumId,
      ...holder,
      collegeId: a.collegeId ? (collegeIds.get(a.collegeId) ?? null) : null,
      capitalCents: a.capitalCents,
      publicTerritorial: a.publicTerritorial === true,
      joinedOn: FOUNDED,
    });
    await db.insert(mandates).values({ consortiumId, bodyId: assembly.id, ...holder, role: "member", startsOn: FOUNDED });
  }

  const [steering] = await db
    .insert(bodies)
    .values({
      consortiumId,
      name: "Comité de pilotage",
      kind: "steering_committee",
      description: "Prépare les décisions de l'assemblée et suit les projets communs ; décide par consentement.",
      quorum: { firstCall: "1/2", secondCall: null, basis: "headcount" },
      proxyLimit: 1,
    })
    .returning({ id: bodies.id });
  for (const m of STEERING) {
    const personId = personByName.get(m.person.join(" "));
    if (!personId) continue;
    await db.insert(mandates).values({
      consortiumId,
      bodyId: steering.id,
      personId,
      role: m.role,
      title: m.title ?? null,
      startsOn: "2025-03-01",
      // Three-year mandates renewed at the assembly of spring 2028.
      endsOn: "2028-02-29",
    });
  }
  await seedDecisions(db, consortiumId, { assembly: assembly.id, steering: steering.id });
  for (const g of GROUPS) {
    const [group] = await db
      .insert(bodies)
      .values({ consortiumId, name: g.name, kind: "working_group", description: g.description, proxyLimit: 0 })
      .returning({ id: bodies.id });
    for (const m of g.members) {
      const personId = personByName.get(m.person.join(" "));
      if (personId)
        await db.insert(mandates).values({ consortiumId, bodyId: group.id, personId, role: m.role, startsOn: "2024-09-01" });
    }
  }
}

/**
 * A register that is not empty on the first visit: the founding charter (its review comes in three weeks, so the
 * reminder is not sent at start), and the internal rules of 2025 replaced by those of 2026.
 */
async function seedDecisions(db: Db, consortiumId: string, body: { assembly: string; steering: string }) {
  const today = parisDay(new Date());
  await db.insert(decisions).values({
    consortiumId,
    bodyId: body.assembly,
    title: "Charte commune des tiers-lieux du Val d'Aurèze",
    text: "Les lieux du réseau s'engagent sur un accueil ouvert, une gouvernance partagée et la mise en commun de leurs ressources.",
    method: "vote pondéré par collège",
    resultSummary: "Adoptée : 100 % des voix pondérées par collège sont pour, seuil : la majorité simple.",
    decidedOn: "2025-03-15",
    reviewOn: addDays(today, 21),
  });
  const [rules2026] = await db
    .insert(decisions)
    .values({
      consortiumId,
      bodyId: body.steering,
      title: "Règlement intérieur 2026",
      text: "Le comité de pilotage se réunit chaque mois ; les groupes de travail rendent compte à chaque réunion ; chaque lieu tient à jour l'agenda commun.",
      method: "décision par consentement",
      resultSummary: "Adoptée par consentement : aucune objection ne subsiste, après 1 tour d'objections, 6 participants.",
      decidedOn: "2026-02-12",
      reviewOn: "2027-02-12",
    })
    .returning({ id: decisions.id });
  await db.insert(decisions).values({
    consortiumId,
    bodyId: body.steering,
    title: "Règlement intérieur 2025",
    text: "Le comité de pilotage se réunit tous les deux mois ; l'agenda commun est tenu par la coordination.",
    method: "décision par consentement",
    resultSummary: "Adoptée par consentement : aucune objection ne subsiste, après 2 tours d'objections, 6 participants.",
    decidedOn: "2025-04-10",
    status: "replaced",
    replacedBy: rules2026.id,
  });
}
