import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { bodies, decisions, organizations, people, personRoles, tasks, users } from "../../db/schema/index.ts";

export type TaskRow = typeof tasks.$inferSelect;

const columns = {
  task: tasks,
  personFirstName: people.firstName,
  personLastName: people.lastName,
  personUserId: people.userId,
  organizationName: organizations.name,
  bodyName: bodies.name,
  decisionTitle: decisions.title,
  createdByName: users.name,
};

/** A task with the names the pages show, and the account of its person (who may tick it done). */
export type TaskWithNames = {
  task: TaskRow;
  personFirstName: string | null;
  personLastName: string | null;
  personUserId: string | null;
  organizationName: string | null;
  bodyName: string | null;
  decisionTitle: string | null;
  createdByName: string | null;
};

function selectTasks(db: Db) {
  return db
    .select(columns)
    .from(tasks)
    .leftJoin(people, eq(people.id, tasks.personId))
    .leftJoin(organizations, eq(organizations.id, tasks.organizationId))
    .leftJoin(bodies, eq(bodies.id, tasks.bodyId))
    .leftJoin(decisions, eq(decisions.id, tasks.decisionId))
    .leftJoin(users, eq(users.id, tasks.createdBy));
}

export async function findTask(db: Db, consortiumId: string, id: string): Promise<TaskWithNames | null> {
  const [row] = await selectTasks(db).where(and(eq(tasks.consortiumId, consortiumId), eq(tasks.id, id)));
  return row ?? null;
}

export interface TaskFilters {
  status?: TaskRow["status"];
  personId?: string;
  organizationId?: string;
  bodyId?: string;
}

/** Open tasks first, by due day (undated last), then the rest, most recent first. */
const order = [
  asc(sql`case ${tasks.status} when 'open' then 0 when 'done' then 1 else 2 end`),
  sql`${tasks.dueOn} asc nulls last`,
  desc(tasks.createdAt),
  asc(tasks.id),
];

export async function listTasks(db: Db, consortiumId: string, f: TaskFilters, page: number, pageSize: number) {
  const where: SQL[] = [eq(tasks.consortiumId, consortiumId)];
  if (f.status) where.push(eq(tasks.status, f.status));
  if (f.personId) where.push(eq(tasks.personId, f.personId));
  if (f.organizationId) where.push(eq(tasks.organizationId, f.organizationId));
  if (f.bodyId) where.push(eq(tasks.bodyId, f.bodyId));
  const [items, [{ total }]] = await Promise.all([
    selectTasks(db)
      .where(and(...where))
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count() })
      .from(tasks)
      .where(and(...where)),
  ]);
  return { items, total };
}

/** Tasks of a person or of an organisation that are open, or done since `doneSince`. */
export async function tasksFor(
  db: Db,
  consortiumId: string,
  holder: { personId: string } | { organizationId: string },
  doneSince: Date,
) {
  const who = "personId" in holder ? eq(tasks.personId, holder.personId) : eq(tasks.organizationId, holder.organizationId);
  return selectTasks(db)
    .where(
      and(
        eq(tasks.consortiumId, consortiumId),
        who,
        or(eq(tasks.status, "open"), and(eq(tasks.status, "done"), sql`${tasks.doneAt} >= ${doneSince.toISOString()}`)),
      ),
    )
    .orderBy(...order);
}

/** The user's person in this consortium's directory. */
export async function findPersonOfUser(db: Db, consortiumId: string, userId: string) {
  const [row] = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(and(eq(people.consortiumId, consortiumId), eq(people.userId, userId)));
  return row ?? null;
}

export async function findPeople(db: Db, consortiumId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, userId: people.userId })
    .from(people)
    .where(and(eq(people.consortiumId, consortiumId), inArray(people.id, ids)));
}

export async function findOrganization(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(and(eq(organizations.consortiumId, consortiumId), eq(organizations.id, id)));
  return row ?? null;
}

export async function findBody(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.consortiumId, consortiumId), eq(bodies.id, id)));
  return row ?? null;
}

export async function findDecision(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ id: decisions.id, title: decisions.title })
    .from(decisions)
    .where(and(eq(decisions.consortiumId, consortiumId), eq(decisions.id, id)));
  return row ?? null;
}

/**
 * The organisation a person works for today: their oldest current role in a member or carrier organisation, or
 * else in any organisation. A task given to a person is carried for it unless another one is named.
 */
export async function currentOrganizationOf(db: Db, consortiumId: string, personId: string, today: string) {
  const rows = await db
    .select({ organizationId: personRoles.organizationId, kind: organizations.kind })
    .from(personRoles)
    .innerJoin(organizations, eq(organizations.id, personRoles.organizationId))
    .where(
      and(
        eq(personRoles.consortiumId, consortiumId),
        eq(personRoles.personId, personId),
        lte(personRoles.since, today),
        or(isNull(personRoles.until), sql`${personRoles.until} > ${today}`),
      ),
    )
    .orderBy(asc(personRoles.since));
  return (rows.find((r) => r.kind !== "partner") ?? rows[0])?.organizationId ?? null;
}

/** What the task form offers: everyone of the directory, organisations, bodies still running, decisions. */
export async function taskChoices(db: Db, consortiumId: string) {
  const [persons, roles, orgs, bodyRows, decisionRows] = await Promise.all([
    db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, skills: people.skills })
      .from(people)
      .where(eq(people.consortiumId, consortiumId))
      .orderBy(asc(people.lastName), asc(people.firstName)),
    db
      .select({ personId: personRoles.personId, organizationId: personRoles.organizationId })
      .from(personRoles)
      .where(and(eq(personRoles.consortiumId, consortiumId), isNull(personRoles.until)))
      .orderBy(asc(personRoles.since)),
    db
      .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.consortiumId, consortiumId))
      .orderBy(asc(organizations.name)),
    db
      .select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
      .from(bodies)
      .where(and(eq(bodies.consortiumId, consortiumId), isNull(bodies.archivedAt)))
      .orderBy(asc(bodies.name)),
    db
      .select({ id: decisions.id, title: decisions.title })
      .from(decisions)
      .where(eq(decisions.consortiumId, consortiumId))
      .orderBy(desc(decisions.decidedOn))
      .limit(200),
  ]);
  const orgOf = new Map<string, string>();
  for (const r of roles) if (!orgOf.has(r.personId)) orgOf.set(r.personId, r.organizationId);
  return {
    people: persons.map((p) => ({
      id: p.id,
      name: `${p.firstName} ${p.lastName}`,
      organizationId: orgOf.get(p.id) ?? null,
      skills: p.skills,
    })),
    organizations: orgs,
    bodies: bodyRows,
    decisions: decisionRows,
  };
}
