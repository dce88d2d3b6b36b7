import type { Db } from "../db/client.ts";
import {
  consortia,
  consortiumAccounts,
  memberPeriods,
  organizations,
  people,
  personRoles,
  places,
  representatives,
  spaces,
} from "../db/schema/index.ts";

// Factories insert valid rows and build missing parents. The demo seed and the tests both use them,
// so the demo never drifts from what the tests exercise.

let counter = 0;
const next = () => ++counter;

type Insert<T extends { $inferInsert: unknown }> = Partial<T["$inferInsert"]>;

export async function buildConsortium(db: Db, overrides: Insert<typeof consortia> = {}) {
  const n = next();
  const [row] = await db
    .insert(consortia)
    .values({
      slug: `consortium-${n}-${Math.random().toString(36).slice(2, 7)}`,
      name: `Consortium ${n}`,
      territory: "Vallée de la Drôme",
      scale: "intercommunalite",
      carrierModel: "member-lead",
      ...overrides,
    })
    .returning();
  return row;
}

export async function buildOrganization(
  db: Db,
  overrides: Insert<typeof organizations> & { consortiumId: string; joinedOn?: string | null },
) {
  const { joinedOn, ...values } = overrides;
  const [row] = await db
    .insert(organizations)
    .values({ kind: "member", name: `Structure ${next()}`, ...values })
    .returning();
  if (row.kind === "member" && joinedOn !== null) {
    await db
      .insert(memberPeriods)
      .values({ consortiumId: row.consortiumId, organizationId: row.id, joinedOn: joinedOn ?? "2024-01-01" });
  }
  return row;
}

export async function setCarrier(db: Db, consortiumId: string, organizationId: string) {
  const { eq } = await import("drizzle-orm");
  await db.update(consortia).set({ carrierOrganizationId: organizationId }).where(eq(consortia.id, consortiumId));
}

export async function buildPlace(db: Db, overrides: Insert<typeof places> & { consortiumId: string; organizationId: string }) {
  const n = next();
  const [row] = await db
    .insert(places)
    .values({ name: `Lieu ${n}`, slug: `lieu-${n}`, city: "Crest", postalCode: "26400", ...overrides })
    .returning();
  return row;
}

export async function buildSpace(db: Db, overrides: Insert<typeof spaces> & { consortiumId: string; placeId: string }) {
  const [row] = await db
    .insert(spaces)
    .values({ name: `Salle ${next()}`, capacity: 20, ...overrides })
    .returning();
  return row;
}

export async function buildPerson(
  db: Db,
  overrides: Insert<typeof people> & {
    consortiumId: string;
    role?: { organizationId: string; role: (typeof personRoles.$inferInsert)["role"]; title?: string; since?: string };
  },
) {
  const { role, ...values } = overrides;
  const n = next();
  const [row] = await db
    .insert(people)
    .values({ firstName: "Camille", lastName: `Martin ${n}`, ...values })
    .returning();
  if (role) {
    await db.insert(personRoles).values({
      consortiumId: row.consortiumId,
      personId: row.id,
      organizationId: role.organizationId,
      role: role.role,
      title: role.title ?? null,
      since: role.since ?? "2024-01-01",
    });
  }
  return row;
}

export async function buildRepresentative(
  db: Db,
  values: { consortiumId: string; organizationId: string; personId: string; since?: string },
) {
  const [row] = await db
    .insert(representatives)
    .values({ since: "2024-01-01", ...values })
    .returning();
  return row;
}

export async function grantAccount(
  db: Db,
  values: {
    consortiumId: string;
    userId: string;
    role: (typeof consortiumAccounts.$inferInsert)["role"];
    organizationId?: string | null;
  },
) {
  await db.insert(consortiumAccounts).values(values);
}
