import type { Actor } from "./actor.ts";
import { isCoordinator, managesOrganization } from "./actor.ts";

export interface TourSubject {
  organizerId: string;
}

/**
 * The coordination sets a tour up and may call it off; the year's organiser (its referents) composes the days,
 * corrects travel times and looks after the guests.
 */
export const tourPolicy = {
  update: (a: Actor, t: TourSubject) => managesOrganization(a, t.organizerId),
  compose: (a: Actor, t: TourSubject) => managesOrganization(a, t.organizerId),
  delete: (a: Actor, _t: TourSubject) => isCoordinator(a),
  readRegistrations: (a: Actor, t: TourSubject) => managesOrganization(a, t.organizerId),
  manageRegistrations: (a: Actor, t: TourSubject) => managesOrganization(a, t.organizerId),
};
