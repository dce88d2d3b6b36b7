import { forbidden } from "../http/errors.ts";

/** Throws FORBIDDEN unless the policy allowed it. Services call this before any write. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

type PolicyFns<T> = Record<string, (actor: import("./actor.ts").Actor, subject: T) => boolean>;

/** Evaluates every action of a policy, for the `abilities` object attached to a DTO. */
export function abilitiesFor<T>(policy: PolicyFns<T>, actor: import("./actor.ts").Actor, subject: T) {
  return Object.fromEntries(Object.entries(policy).map(([action, fn]) => [action, fn(actor, subject)]));
}
