import { and, arrayContains, asc, count, eq, exists, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  AddPersonRoleInput,
  CreatePersonInput,
  PeopleListQuery,
  PersonDto,
  UpdatePersonInput,
} from "../../../shared/contracts/directory.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import { people, personRoles } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { invalid, notFound } from "../../http/errors.ts";
import { managesOrganization } from "../../policies/actor.ts";
import { consortiumPolicy, personPolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { presentPerson } from "./directory.presenter.ts";
import * as q from "./directory.queries.ts";

type ListQuery = z.output<typeof PeopleListQuery>;

async function loadPerson(ctx: Ctx, id: string) {
  const person = await q.findPerson(ctx.db, ctx.consortium.id, id);
  if (!person) throw notFound("Personne");
  const roles = await q.listPersonRoles(ctx.db, ctx.consortium.id, [id]);
  const subject = {
    userId: person.userId,
    organizationIds: roles.filter((r) => r.role.until === null).map((r) => r.role.organizationId),
    contactVisibility: person.contactVisibility,
  };
  return { person, roles, subject };
}

export async function getPerson(ctx: Ctx, id: string): Promise<PersonDto> {
  const { person, roles } = await loadPerson(ctx, id);
  return presentPerson(ctx.actor, person, roles);
}

/** People of the consortium, filtered and paginated; `q` uses the French search index. */
export async function listPeople(ctx: Ctx, query: ListQuery) {
  const roleFilter =
    query.organizationId || query.role
      ? exists(
          ctx.db
            .select({ one: sql`1` })
            .from(personRoles)
            .where(
              and(
                eq(personRoles.personId, people.id),
                isNull(personRoles.until),
                query.organizationId ? eq(personRoles.organizationId, query.organizationId) : undefined,
                query.role ? eq(personRoles.role, query.role) : undefined,
              ),
            ),
        )
      : undefined;
  const where = and(
    eq(people.consortiumId, ctx.consortium.id),
    query.q ? sql`${people.search} @@ websearch_to_tsquery('fr_unaccent', ${query.q})` : undefined,
    query.skill ? arrayContains(people.skills, [query.skill]) : undefined,
    roleFilter,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(people).where(where);
  const rows = await ctx.db
    .select()
    .from(people)
    .where(where)
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const roles = await q.listPersonRoles(
    ctx.db,
    ctx.consortium.id,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentPerson(
        ctx.actor,
        r,
        roles.filter((x) => x.role.personId === r.id),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Adds a person with a first role in an organisation that the actor manages. */
export async function createPerson(ctx: Ctx, input: z.output<typeof CreatePersonInput>): Promise<PersonDto> {
  authorize(consortiumPolicy.createPerson(ctx.actor));
  const { role, ...fields } = input;
  const org = await q.findOrganization(ctx.db, ctx.consortium.id, role.organizationId);
  if (!org) throw invalid({ "role.organizationId": "Structure introuvable dans ce consortium" });
  authorize(managesOrganization(ctx.actor, org.id));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ ...fields, consortiumId: ctx.consortium.id })
      .returning({ id: people.id });
    await tx.insert(personRoles).values({
      consortiumId: ctx.consortium.id,
      personId: row.id,
      organizationId: org.id,
      role: role.role,
      title: role.title ?? null,
      since: parisDay(ctx.now),
    });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "person.create",
      subjectType: "person",
      subjectId: row.id,
      summary: `${ctx.user.name} ajoute ${fields.firstName} ${fields.lastName} (${org.name})`,
    });
    return row.id;
  });
  return getPerson(ctx, id);
}

export async function updatePerson(ctx: Ctx, id: string, input: z.output<typeof UpdatePersonInput>) {
  const { person, subject } = await loadPerson(ctx, id);
  authorize(personPolicy.update(ctx.actor, subject));
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({ ...input, updatedAt: ctx.now })
      .where(and(eq(people.consortiumId, ctx.consortium.id), eq(people.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "person.update",
      subjectType: "person",
      subjectId: id,
      summary: `${ctx.user.name} modifie la fiche de ${person.firstName} ${person.lastName}`,
      data: { fields: Object.keys(input) },
    });
  });
  return getPerson(ctx, id);
}

export async function deletePerson(ctx: Ctx, id: string): Promise<void> {
  const { person, subject } = await loadPerson(ctx, id);
  authorize(personPolicy.delete(ctx.actor, subject));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(people).where(and(eq(people.consortiumId, ctx.consortium.id), eq(people.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "person.delete",
      subjectType: "person",
      subjectId: id,
      summary: `${ctx.user.name} retire ${person.firstName} ${person.lastName} de l'annuaire`,
    });
  });
}

export async function addPersonRole(ctx: Ctx, id: string, input: z.output<typeof AddPersonRoleInput>) {
  const { person } = await loadPerson(ctx, id);
  const org = await q.findOrganization(ctx.db, ctx.consortium.id, input.organizationId);
  if (!org) throw invalid({ organizationId: "Structure introuvable dans ce consortium" });
  authorize(managesOrganization(ctx.actor, org.id));
  await ctx.db.transaction(async (tx) => {
    await tx.insert(personRoles).values({
      consortiumId: ctx.consortium.id,
      personId: id,
      organizationId: org.id,
      role: input.role,
      title: input.title ?? null,
      since: input.since ?? parisDay(ctx.now),
    });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "person.role_add",
      subjectType: "person",
      subjectId: id,
      summary: `${person.firstName} ${person.lastName} : nouveau rôle chez ${org.name}`,
    });
  });
  return getPerson(ctx, id);
}

/** Ends a role today (kept in the history) rather than deleting it. */
export async function endPersonRole(ctx: Ctx, id: string, roleId: string) {
  const { person, roles } = await loadPerson(ctx, id);
  const role = roles.find((r) => r.role.id === roleId);
  if (!role) throw notFound("Rôle");
  authorize(managesOrganization(ctx.actor, role.role.organizationId));
  const today = parisDay(ctx.now);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(personRoles)
      // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.max would give NaN.
      .set({ until: today < role.role.since ? role.role.since : today })
      .where(and(eq(personRoles.consortiumId, ctx.consortium.id), eq(personRoles.id, roleId)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "person.role_end",
      subjectType: "person",
      subjectId: id,
      summary: `${person.firstName} ${person.lastName} : fin du rôle chez ${role.organizationName}`,
    });
  });
  return getPerson(ctx, id);
}
