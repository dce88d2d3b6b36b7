import type { Actor } from "./actor.ts";
import { isCoordinator, isReferentOf } from "./actor.ts";

/** An import or a subscription speaks for one organiser. */
export interface ImportSubject {
  organizerId: string;
}

/** Coordinators import for any organisation; a referent imports as their own organisation, nobody else does. */
const speaksFor = (a: Actor, s: ImportSubject) => isCoordinator(a) || isReferentOf(a, s.organizerId);

export const agendaImportPolicy = {
  import: (a: Actor, s: ImportSubject) => speaksFor(a, s),
  /** The list of subscriptions (their addresses may carry private tokens): coordinators and referents. */
  listSubscriptions: (a: Actor) => isCoordinator(a) || (a.role === "referent" && a.organizationId !== null),
};

/** Actions on one subscription, also sent as its `abilities`. */
export const subscriptionPolicy = {
  refresh: (a: Actor, s: ImportSubject) => speaksFor(a, s),
  delete: (a: Actor, s: ImportSubject) => speaksFor(a, s),
};
