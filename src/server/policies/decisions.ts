import type { Actor } from "./actor.ts";
import { isCoordinator } from "./actor.ts";

// The register records what bodies decided: every account reads it, the coordination keeps its review dates and
// says what replaced what (the decisions themselves are written by the proposals that adopted them).

export interface DecisionSubject {
  status: "in_force" | "to_review" | "replaced" | "repealed";
}

export const decisionPolicy = {
  edit: (a: Actor, _d: DecisionSubject) => isCoordinator(a),
};

/** Actions on the register as a whole. */
export const decisionRegisterPolicy = {
  sendReminders: (a: Actor, _s: unknown) => isCoordinator(a),
};
