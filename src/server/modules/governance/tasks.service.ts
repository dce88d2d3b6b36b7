import { eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  CreateTaskInput,
  MyTasksDto,
  TaskDto,
  TaskListDto,
  TaskListQuery,
  UpdateTaskInput,
} from "../../../shared/contracts/tasks.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { canCreateTaskFor, taskPolicy } from "../../policies/tasks.ts";
import { recordActivity } from "../activity.ts";
import { presentTask, taskSubject } from "./tasks.presenter.ts";
import * as q from "./tasks.queries.ts";

type NewTask = z.output<typeof CreateTaskInput>;
type TaskChange = z.output<typeof UpdateTaskInput>;
type ListQuery = z.output<typeof TaskListQuery>;

/** Done tasks stay on « Mes tâches » this long, so that one sees what one just finished. */
const RECENTLY_DONE_DAYS = 30;

// ---------------------------------------------------------------- reading

export async function listTasks(ctx: Ctx, query: ListQuery): Promise<TaskListDto> {
  const { page, pageSize, ...filters } = query;
  const [{ items, total }, choices] = await Promise.all([
    q.listTasks(ctx.db, ctx.consortium.id, filters, page, pageSize),
    q.taskChoices(ctx.db, ctx.consortium.id),
  ]);
  return {
    items: items.map((r) => presentTask(ctx.actor, r, ctx.now)),
    total,
    page,
    pageSize,
    choices,
    abilities: { create: consortiumPolicy.createTask(ctx.actor), manageWorkload: consortiumPolicy.manageWorkload(ctx.actor) },
  };
}

async function load(ctx: Ctx, id: string) {
  const row = await q.findTask(ctx.db, ctx.consortium.id, id);
  if (!row) throw notFound("Tâche");
  return row;
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskDto> {
  return presentTask(ctx.actor, await load(ctx, id), ctx.now);
}

/**
 * The signed-in user's tasks in this consortium (through their person in the directory), and for a referent
 * the tasks of their organisation carried by someone else or by nobody yet.
 */
export async function myTasks(ctx: Ctx): Promise<MyTasksDto> {
  const since = new Date(ctx.now.getTime() - RECENTLY_DONE_DAYS * 86_400_000);
  const person = await q.findPersonOfUser(ctx.db, ctx.consortium.id, ctx.user.id);
  const mine = person ? await q.tasksFor(ctx.db, ctx.consortium.id, { personId: person.id }, since) : [];
  const orgId = ctx.actor.role === "referent" ? ctx.actor.organizationId : null;
  const org = orgId ? await q.findOrganization(ctx.db, ctx.consortium.id, orgId) : null;
  const ofOrg = org ? await q.tasksFor(ctx.db, ctx.consortium.id, { organizationId: org.id }, since) : [];
  const present = (r: q.TaskWithNames) => presentTask(ctx.actor, r, ctx.now);
  return {
    person: person ? { id: person.id, name: `${person.firstName} ${person.lastName}` } : null,
    mine: mine.map(present),
    organization: org ? { id: org.id, name: org.name } : null,
    ofOrganization: ofOrg.filter((r) => !person || r.task.personId !== person.id).map(present),
  };
}

// ---------------------------------------------------------------- writing

/** Everything a task points to must be of this consortium: otherwise the field is invalid, as if unknown. */
async function checkReferences(
  ctx: Ctx,
  f: { personId?: string | null; organizationId?: string | null; bodyId?: string | null; decisionId?: string | null },
) {
  const fields: Record<string, string> = {};
  const [person] = f.personId ? await q.findPeople(ctx.db, ctx.consortium.id, [f.personId]) : [null];
  if (f.personId && !person) fields.personId = "Cette personne n'est pas dans l'annuaire du consortium.";
  if (f.organizationId && !(await q.findOrganization(ctx.db, ctx.consortium.id, f.organizationId)))
    fields.organizationId = "Cette structure n'est pas du consortium.";
  if (f.bodyId && !(await q.findBody(ctx.db, ctx.consortium.id, f.bodyId)))
    fields.bodyId = "Ce groupe de travail n'est pas du consortium.";
  if (f.decisionId && !(await q.findDecision(ctx.db, ctx.consortium.id, f.decisionId)))
    fields.decisionId = "Cette décision n'est pas au registre du consortium.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return person ?? null;
}

const who = (person: { firstName: string; lastName: string } | null) =>
  person ? ` (confiée à ${person.firstName} ${person.lastName})` : " (à prendre)";

/**
 * A new task. A coordinator's task is carried for the organisation named, or else for the person's; a
 * referent's is always for their own organisation, the one they may edit afterwards.
 */
export async function createTask(ctx: Ctx, f: NewTask): Promise<TaskDto> {
  authorize(consortiumPolicy.createTask(ctx.actor));
  const person = await checkReferences(ctx, f);
  const organizationId =
    f.organizationId !== undefined && f.organizationId !== null
      ? f.organizationId
      : ctx.actor.role === "referent" && !ctx.actor.isAdmin
        ? ctx.actor.organizationId
        : person
          ? await q.currentOrganizationOf(ctx.db, ctx.consortium.id, person.id, parisDay(ctx.now))
          : null;
  authorize(canCreateTaskFor(ctx.actor, organizationId));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({
        consortiumId: ctx.consortium.id,
        title: f.title,
        description: f.description ?? null,
        personId: f.personId ?? null,
        organizationId,
        effortHours: f.effortHours ?? null,
        dueOn: f.dueOn ?? null,
        decisionId: f.decisionId ?? null,
        bodyId: f.bodyId ?? null,
        skills: f.skills ?? [],
        createdBy: ctx.user.id,
      })
      .returning({ id: tasks.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "task.create",
      subjectType: "task",
      subjectId: row.id,
      summary: `${ctx.user.name} crée la tâche « ${f.title} »${who(person)}`,
    });
    return row.id;
  });
  return getTask(ctx, id);
}

/** Only the fields sent change. A referent may not hand a task over to another organisation. */
export async function updateTask(ctx: Ctx, id: string, f: TaskChange): Promise<TaskDto> {
  const row = await load(ctx, id);
  authorize(taskPolicy.update(ctx.actor, taskSubject(row)));
  const person = await checkReferences(ctx, f);
  const organizationId = f.organizationId !== undefined ? f.organizationId : row.task.organizationId;
  if (organizationId !== row.task.organizationId)
    authorize(taskPolicy.update(ctx.actor, { organizationId, responsibleUserId: null }));
  const changes = Object.fromEntries(
    Object.entries({
      title: f.title,
      description: f.description,
      personId: f.personId,
      organizationId: f.organizationId,
      effortHours: f.effortHours,
      dueOn: f.dueOn,
      decisionId: f.decisionId,
      bodyId: f.bodyId,
      skills: f.skills,
    }).filter(([, v]) => v !== undefined),
  );
  const reassigned = f.personId !== undefined && f.personId !== row.task.personId;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(tasks)
      .set({ ...changes, updatedAt: ctx.now })
      .where(eq(tasks.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "task.update",
      subjectType: "task",
      subjectId: id,
      summary: `${ctx.user.name} modifie la tâche « ${f.title ?? row.task.title} »${reassigned ? who(person) : ""}`,
      data: { fields: Object.keys(changes) },
    });
  });
  return getTask(ctx, id);
}

async function setStatus(
  ctx: Ctx,
  tx: Db,
  row: q.TaskWithNames,
  status: "open" | "done" | "cancelled",
  action: string,
  verb: string,
) {
  await tx
    .update(tasks)
    .set({ status, doneAt: status === "done" ? ctx.now : null, updatedAt: ctx.now })
    .where(eq(tasks.id, row.task.id));
  await recordActivity(tx, {
    consortiumId: ctx.consortium.id,
    actorUserId: ctx.user.id,
    action,
    subjectType: "task",
    subjectId: row.task.id,
    summary: `${ctx.user.name} ${verb} la tâche « ${row.task.title} »`,
  });
}

/** The person responsible ticks their own task; whoever manages it may too. Only an open task can be done. */
export async function completeTask(ctx: Ctx, id: string): Promise<TaskDto> {
  const row = await load(ctx, id);
  authorize(taskPolicy.complete(ctx.actor, taskSubject(row)));
  if (row.task.status !== "open") throw conflict("Cette tâche n'est pas ouverte : rouvrez-la d'abord.");
  await ctx.db.transaction((tx) => setStatus(ctx, tx, row, "done", "task.done", "termine"));
  return getTask(ctx, id);
}

/** Back to open: a done task by its person or its managers; a cancelled one only by those who may cancel it. */
export async function reopenTask(ctx: Ctx, id: string): Promise<TaskDto> {
  const row = await load(ctx, id);
  const subject = taskSubject(row);
  authorize(row.task.status === "cancelled" ? taskPolicy.cancel(ctx.actor, subject) : taskPolicy.reopen(ctx.actor, subject));
  if (row.task.status === "open") throw conflict("Cette tâche est déjà ouverte.");
  await ctx.db.transaction((tx) => setStatus(ctx, tx, row, "open", "task.reopen", "rouvre"));
  return getTask(ctx, id);
}

/** A cancelled task stays in the list, counted for nobody. */
export async function cancelTask(ctx: Ctx, id: string): Promise<TaskDto> {
  const row = await load(ctx, id);
  authorize(taskPolicy.cancel(ctx.actor, taskSubject(row)));
  if (row.task.status === "cancelled") throw conflict("Cette tâche est déjà annulée.");
  await ctx.db.transaction((tx) => setStatus(ctx, tx, row, "cancelled", "task.cancel", "annule"));
  return getTask(ctx, id);
}

export async function deleteTask(ctx: Ctx, id: string): Promise<void> {
  const row = await load(ctx, id);
  authorize(taskPolicy.delete(ctx.actor, taskSubject(row)));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(tasks).where(eq(tasks.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "task.delete",
      subjectType: "task",
      subjectId: id,
      summary: `${ctx.user.name} supprime la tâche « ${row.task.title} »`,
    });
  });
}
