import type { Actor } from "./actor.ts";
import { isCoordinator, managesOrganization } from "./actor.ts";

/** Rotations are set up by coordinators; each host speaks for its own turns through its referent. */
export const rotationPolicy = {
  update: (a: Actor, _r: unknown) => isCoordinator(a),
  delete: (a: Actor, _r: unknown) => isCoordinator(a),
  generate: (a: Actor, _r: unknown) => isCoordinator(a),
  pin: (a: Actor, _r: unknown) => isCoordinator(a),
  /** Cancelling a date (and restoring it) is the coordination's call, whoever hosts it. */
  cancelTurn: (a: Actor, _r: unknown) => isCoordinator(a),
};

export interface TurnSubject {
  organizationId: string;
  /** The account of the person hosting, when a person hosts and has one. */
  personUserId: string | null;
  status: "planned" | "cancelled";
  past: boolean;
}

/**
 * The organisation's referent speaks for its turns, a person host's own account for theirs: the organisation
 * stays the meeting's organiser, so its referent may also act for the person (both see the same turn).
 */
const speaksFor = (a: Actor, organizationId: string, personUserId: string | null) =>
  managesOrganization(a, organizationId) || (personUserId !== null && a.userId === personUserId);

const ownsFutureTurn = (a: Actor, t: TurnSubject) =>
  !t.past && t.status === "planned" && speaksFor(a, t.organizationId, t.personUserId);

export const turnPolicy = {
  withdraw: (a: Actor, t: TurnSubject) => ownsFutureTurn(a, t),
  requestSwap: (a: Actor, t: TurnSubject) => ownsFutureTurn(a, t),
  cancel: (a: Actor, t: TurnSubject) => isCoordinator(a) && !t.past && t.status === "planned",
  restore: (a: Actor, t: TurnSubject) => isCoordinator(a) && !t.past && t.status === "cancelled",
};

export interface SwapSubject {
  status: string;
  /** The host asked to take the other turn. */
  toOrganizationId: string;
  toPersonUserId: string | null;
}

export const swapPolicy = {
  answer: (a: Actor, s: SwapSubject) => s.status === "pending" && speaksFor(a, s.toOrganizationId, s.toPersonUserId),
};
