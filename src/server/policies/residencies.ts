import type { Actor } from "./actor.ts";
import { isCoordinator, isReferentOf, managesOrganization } from "./actor.ts";

export interface ResidencySubject {
  visibility: "public" | "consortium" | "draft";
  /** Organisations that host one of its stays. */
  hostIds: string[];
}

/**
 * The coordination sets a residency up and plans its route. A draft is read, as in the agenda, by the
 * coordination and by the referents of the places it visits, who prepare the stays.
 */
export const residencyPolicy = {
  read: (a: Actor, r: ResidencySubject) =>
    r.visibility !== "draft" || isCoordinator(a) || r.hostIds.some((id) => isReferentOf(a, id)),
  update: (a: Actor, _r: ResidencySubject) => isCoordinator(a),
  delete: (a: Actor, _r: ResidencySubject) => isCoordinator(a),
  addStay: (a: Actor, _r: ResidencySubject) => isCoordinator(a),
};

export interface StaySubject {
  /** The host organisation: the place's. */
  organizationId: string;
}

/**
 * Dates and place belong to the route, hence to the coordination; the host speaks for what happens at its
 * place: who welcomes the artist, what they do there, and the hand-over.
 */
export const stayPolicy = {
  update: (a: Actor, _s: StaySubject) => isCoordinator(a),
  delete: (a: Actor, _s: StaySubject) => isCoordinator(a),
  editHosting: (a: Actor, s: StaySubject) => managesOrganization(a, s.organizationId),
  tick: (a: Actor, s: StaySubject) => managesOrganization(a, s.organizationId),
  editChecklist: (a: Actor, s: StaySubject) => managesOrganization(a, s.organizationId),
};
