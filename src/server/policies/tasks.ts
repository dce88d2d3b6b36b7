import type { Actor } from "./actor.ts";
import { isCoordinator, isReferentOf } from "./actor.ts";

export interface TaskSubject {
  /** The organisation the task is carried for. */
  organizationId: string | null;
  /** The account of the person responsible (people.userId), when they have one. */
  responsibleUserId: string | null;
}

/** Coordinators manage every task; a referent manages the tasks of their organisation. */
const manages = (a: Actor, t: TaskSubject) =>
  isCoordinator(a) || (t.organizationId !== null && isReferentOf(a, t.organizationId));

/** Whoever carries a task says when it is done: ticking one's own task needs no one's permission. */
const isResponsible = (a: Actor, t: TaskSubject) => t.responsibleUserId !== null && t.responsibleUserId === a.userId;

/** Everyone in the consortium reads the tasks: who carries what is the point of the page. */
export const taskPolicy = {
  update: (a: Actor, t: TaskSubject) => manages(a, t),
  complete: (a: Actor, t: TaskSubject) => manages(a, t) || isResponsible(a, t),
  reopen: (a: Actor, t: TaskSubject) => manages(a, t) || isResponsible(a, t),
  cancel: (a: Actor, t: TaskSubject) => manages(a, t),
  delete: (a: Actor, t: TaskSubject) => manages(a, t),
};

/**
 * A referent creates tasks for their own organisation (the one they may edit afterwards); coordinators for any.
 * `organizationId` is the organisation the new task would be carried for.
 */
export const canCreateTaskFor = (a: Actor, organizationId: string | null) =>
  isCoordinator(a) || (a.role === "referent" && organizationId !== null && organizationId === a.organizationId);
