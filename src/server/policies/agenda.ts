import type { Actor } from "./actor.ts";
import { isCoordinator, isReferentOf } from "./actor.ts";

export interface EventSubject {
  organizerIds: string[];
}

/** A referent speaks for their organisation: they manage the events it organises, alone or with others. */
const organises = (a: Actor, e: EventSubject) => isCoordinator(a) || e.organizerIds.some((id) => isReferentOf(a, id));

export const eventPolicy = {
  /** Coordinators publish for anyone; a referent publishes events their organisation takes part in. */
  create: (a: Actor, e: EventSubject) => organises(a, e),
  update: (a: Actor, e: EventSubject) => organises(a, e),
  delete: (a: Actor, e: EventSubject) => organises(a, e),
  /** Joining an event as co-organiser: a coordinator for any member, a referent for their own organisation. */
  coOrganize: (a: Actor, _e: EventSubject) => isCoordinator(a) || (a.role === "referent" && a.organizationId !== null),
  seeDraft: (a: Actor, e: EventSubject) => organises(a, e),
};

export const agendaPolicy = {
  /** Accepting a clash or saying two events differ: someone who organises one of them. */
  review: (a: Actor, pair: [EventSubject, EventSubject]) => organises(a, pair[0]) || organises(a, pair[1]),
  /** Folding a duplicate into an event changes both. */
  merge: (a: Actor, pair: [EventSubject, EventSubject]) => organises(a, pair[0]) && organises(a, pair[1]),
};

/**
 * Who sees drafts, in a form a cache can key on: coordinators see every draft, a referent those of their
 * organisation, everyone else none.
 */
export function draftViewer(a: Actor): { all: true } | { organizationId: string } | null {
  if (isCoordinator(a)) return { all: true };
  if (a.role === "referent" && a.organizationId) return { organizationId: a.organizationId };
  return null;
}
