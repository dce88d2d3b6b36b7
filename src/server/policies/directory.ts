import type { Actor } from "./actor.ts";
import { isCoordinator, managesOrganization } from "./actor.ts";

export const consortiumPolicy = {
  update: (a: Actor) => isCoordinator(a),
  invite: (a: Actor) => isCoordinator(a),
  manageAccounts: (a: Actor) => isCoordinator(a),
  readActivity: (a: Actor) => isCoordinator(a),
  createOrganization: (a: Actor) => isCoordinator(a),
  createPlace: (a: Actor) => isCoordinator(a) || a.role === "referent",
  createPerson: (a: Actor) => isCoordinator(a) || a.role === "referent",
  /** Publishing in the agenda: a referent for events their organisation takes part in (policies/agenda.ts). */
  createEvent: (a: Actor) => isCoordinator(a) || a.role === "referent",
  createRotation: (a: Actor) => isCoordinator(a),
  createResidency: (a: Actor) => isCoordinator(a),
  createTour: (a: Actor) => isCoordinator(a),
  createMeeting: (a: Actor) => isCoordinator(a),
  /** A referent's task is for their own organisation (policies/tasks.ts canCreateTaskFor). */
  createTask: (a: Actor) => isCoordinator(a) || a.role === "referent",
  manageWorkload: (a: Actor) => isCoordinator(a),
  /** Any associate may table a proposal; the service checks that a non-coordinator sits in the body (policies/proposals.ts). */
  createProposal: (a: Actor) => isCoordinator(a) || a.role === "referent" || a.role === "member",
  createBody: (a: Actor) => isCoordinator(a),
};

export const organizationPolicy = {
  update: (a: Actor, org: { id: string }) => managesOrganization(a, org.id),
  manageMembership: (a: Actor, _org: { id: string }) => isCoordinator(a),
  manageRepresentatives: (a: Actor, org: { id: string }) => managesOrganization(a, org.id),
  addPlace: (a: Actor, org: { id: string; kind: string }) => org.kind === "member" && managesOrganization(a, org.id),
};

export const placePolicy = {
  update: (a: Actor, place: { organizationId: string }) => managesOrganization(a, place.organizationId),
  delete: (a: Actor, place: { organizationId: string }) => managesOrganization(a, place.organizationId),
  manageSpaces: (a: Actor, place: { organizationId: string }) => managesOrganization(a, place.organizationId),
};

export interface PersonSubject {
  userId: string | null;
  organizationIds: string[];
  contactVisibility: "private" | "consortium" | "public";
}

const managesPerson = (a: Actor, p: PersonSubject) =>
  isCoordinator(a) || p.organizationIds.some((id) => managesOrganization(a, id));

export const personPolicy = {
  update: (a: Actor, p: PersonSubject) => managesPerson(a, p) || (p.userId !== null && p.userId === a.userId),
  delete: (a: Actor, p: PersonSubject) => managesPerson(a, p),
  manageRoles: (a: Actor, p: PersonSubject) => managesPerson(a, p),
  /** The person chose who sees their e-mail and phone; coordinators always do, to reach people. */
  seeContact: (a: Actor, p: PersonSubject) =>
    p.contactVisibility !== "private" || isCoordinator(a) || (p.userId !== null && p.userId === a.userId),
};
