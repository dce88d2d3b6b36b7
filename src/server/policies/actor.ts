import type { ConsortiumRole } from "../../shared/contracts/consortium.ts";

/** Who is acting, as seen inside one consortium. Loaded once per request (http/auth.ts). */
export interface Actor {
  userId: string;
  isAdmin: boolean;
  /** Null for an instance admin who has no account in this consortium. */
  role: ConsortiumRole | null;
  /** The organisation a referent manages, or a partner belongs to. */
  organizationId: string | null;
}

export const isCoordinator = (a: Actor) => a.isAdmin || a.role === "coordinator";
export const isReferentOf = (a: Actor, organizationId: string) => a.role === "referent" && a.organizationId === organizationId;
/** Coordinators manage everything; a referent manages their own organisation's data. */
export const managesOrganization = (a: Actor, organizationId: string) => isCoordinator(a) || isReferentOf(a, organizationId);
