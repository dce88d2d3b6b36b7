import type { Actor } from "./actor.ts";
import { isCoordinator } from "./actor.ts";

// Bodies, mandates, colleges and associates are statute matters: the coordination keeps them, every account of
// the consortium reads them (a member sees who sits where and how much each associate weighs).

export interface BodySubject {
  archived: boolean;
}

export const bodyPolicy = {
  update: (a: Actor, b: BodySubject) => isCoordinator(a) && !b.archived,
  archive: (a: Actor, b: BodySubject) => isCoordinator(a) && !b.archived,
  addMandate: (a: Actor, b: BodySubject) => isCoordinator(a) && !b.archived,
};

export interface MandateSubject {
  status: "upcoming" | "current" | "ended";
  renewed: boolean;
  /** An open-ended mandate has no term to renew. */
  openEnded: boolean;
  /** Ended on purpose before its term (it has a reason): a new seat, not a renewal, if the person comes back. */
  endedEarly: boolean;
}

export const mandatePolicy = {
  /** Ending early: a mandate already over keeps its end. */
  end: (a: Actor, m: MandateSubject) => isCoordinator(a) && m.status !== "ended",
  renew: (a: Actor, m: MandateSubject) => isCoordinator(a) && !m.renewed && !m.openEnded && !m.endedEarly,
};

/** The college statute, the associates' register and the renewal reminders. */
export const governancePolicy = {
  manageColleges: (a: Actor, _s: unknown) => isCoordinator(a),
  manageAssociates: (a: Actor, _s: unknown) => isCoordinator(a),
  sendReminders: (a: Actor, _s: unknown) => isCoordinator(a),
};
