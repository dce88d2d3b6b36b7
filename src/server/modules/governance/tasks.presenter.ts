import { effortPoints, type TaskDto } from "../../../shared/contracts/tasks.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Actor } from "../../policies/actor.ts";
import { abilitiesFor } from "../../policies/index.ts";
import { type TaskSubject, taskPolicy } from "../../policies/tasks.ts";
import type { TaskWithNames } from "./tasks.queries.ts";

export const taskSubject = (row: TaskWithNames): TaskSubject => ({
  organizationId: row.task.organizationId,
  responsibleUserId: row.personUserId,
});

export function presentTask(actor: Actor, row: TaskWithNames, now: Date): TaskDto {
  const t = row.task;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    person: t.personId ? { id: t.personId, name: `${row.personFirstName ?? ""} ${row.personLastName ?? ""}`.trim() } : null,
    organization: t.organizationId ? { id: t.organizationId, name: row.organizationName ?? "" } : null,
    effortHours: t.effortHours,
    points: effortPoints(t.effortHours),
    dueOn: t.dueOn,
    overdue: t.status === "open" && t.dueOn !== null && t.dueOn < parisDay(now),
    status: t.status,
    decision: t.decisionId ? { id: t.decisionId, title: row.decisionTitle ?? "" } : null,
    body: t.bodyId ? { id: t.bodyId, name: row.bodyName ?? "" } : null,
    skills: t.skills,
    createdByName: row.createdByName,
    createdAt: t.createdAt.toISOString(),
    doneAt: t.doneAt ? t.doneAt.toISOString() : null,
    abilities: abilitiesFor(taskPolicy, actor, taskSubject(row)),
  };
}
