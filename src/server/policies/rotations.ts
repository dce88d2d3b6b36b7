import type { Actor } from "./actor.ts";
import { isCoordinator, managesOrganization } from "./actor.ts";

/** Rotations are set up by coordinators; each host speaks for its own turns through its referent. */
export const rotationPolicy = {
  update: (a: Actor, _r: unknown) => isCoordinator(a),
  delete: (a: Actor, _r: unknown) => isCoordinator(a),
  generate: (a: Actor, _r: unknown) => isCoordinator(a),
  pin: (a: Actor, _r: unknown) => isCoordinator(a),
};

export interface TurnSubject {
  organizationId: string;
  status: "planned" | "cancelled";
  past: boolean;
}

const ownsFutureTurn = (a: Actor, t: TurnSubject) =>
  !t.past && t.status === "planned" && managesOrganization(a, t.organizationId);

export const turnPolicy = {
  withdraw: (a: Actor, t: TurnSubject) => ownsFutureTurn(a, t),
  requestSwap: (a: Actor, t: TurnSubject) => ownsFutureTurn(a, t),
};

export interface SwapSubject {
  status: string;
  /** The host asked to take the other turn. */
  toOrganizationId: string;
}

export const swapPolicy = {
  answer: (a: Actor, s: SwapSubject) => s.status === "pending" && managesOrganization(a, s.toOrganizationId),
};
