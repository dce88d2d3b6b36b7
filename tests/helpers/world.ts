import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db/client.ts";
import { personRoles } from "../../src/server/db/schema/index.ts";
import {
  buildConsortium,
  buildOrganization,
  buildPerson,
  buildPlace,
  buildRepresentative,
  buildSpace,
  grantAccount,
  setCarrier,
} from "../../src/server/seed/factories.ts";
import { signUp, type TestUser } from "./test-app.ts";

/**
 * Two consortia with one user per role in the first, and a coordinator in the second: enough to walk
 * every route through unauthenticated, forbidden, other-consortium and allowed cases.
 */
export async function buildWorld(app: FastifyInstance, db: Db) {
  // The first sign-up of an instance becomes its admin: take that seat with a dedicated user.
  const admin = await signUp(app, { name: "Admin Instance" });
  const consortium = await buildConsortium(db, { name: "Réseau des Lieux Vivants", carrierModel: "external-carrier" });
  const carrier = await buildOrganization(db, {
    consortiumId: consortium.id,
    kind: "carrier",
    name: "SCIC Les Liens",
    legalForm: "SCIC",
  });
  await setCarrier(db, consortium.id, carrier.id);
  const memberA = await buildOrganization(db, { consortiumId: consortium.id, name: "La Fabrique des Économies" });
  const memberB = await buildOrganization(db, { consortiumId: consortium.id, name: "Le Hangar" });
  const partner = await buildOrganization(db, {
    consortiumId: consortium.id,
    kind: "partner",
    partnerType: "caf",
    name: "CAF de la Drôme",
  });
  const placeA = await buildPlace(db, { consortiumId: consortium.id, organizationId: memberA.id, name: "Atelier partagé" });
  const placeB = await buildPlace(db, {
    consortiumId: consortium.id,
    organizationId: memberB.id,
    name: "Café-cantine du Hangar",
  });
  const spaceA = await buildSpace(db, { consortiumId: consortium.id, placeId: placeA.id, name: "Salle des machines" });
  const personA = await buildPerson(db, {
    consortiumId: consortium.id,
    firstName: "Inès",
    lastName: "Moreau",
    role: { organizationId: memberA.id, role: "staff" },
  });
  const personB = await buildPerson(db, {
    consortiumId: consortium.id,
    firstName: "Hugo",
    lastName: "Bernard",
    role: { organizationId: memberB.id, role: "resident" },
  });

  const representativeA = await buildRepresentative(db, {
    consortiumId: consortium.id,
    organizationId: memberA.id,
    personId: personA.id,
  });
  const [personARole] = await db.select().from(personRoles).where(eq(personRoles.personId, personA.id));

  const coordinator = await signUp(app, { name: "Claire Coordination" });
  const referentA = await signUp(app, { name: "Rémi Référent" });
  const member = await signUp(app, { name: "Manon Membre" });
  const partnerUser = await signUp(app, { name: "Paul Partenaire" });
  const outsider = await signUp(app, { name: "Oscar Extérieur" });
  await grantAccount(db, { consortiumId: consortium.id, userId: coordinator.id, role: "coordinator" });
  await grantAccount(db, { consortiumId: consortium.id, userId: referentA.id, role: "referent", organizationId: memberA.id });
  await grantAccount(db, { consortiumId: consortium.id, userId: member.id, role: "member" });
  await grantAccount(db, { consortiumId: consortium.id, userId: partnerUser.id, role: "partner", organizationId: partner.id });

  const other = await buildConsortium(db, { name: "Autre réseau" });
  const otherMember = await buildOrganization(db, { consortiumId: other.id, name: "Tiers-lieu voisin" });
  await setCarrier(db, other.id, otherMember.id);
  const otherPlace = await buildPlace(db, { consortiumId: other.id, organizationId: otherMember.id, name: "Lieu voisin" });
  const otherSpace = await buildSpace(db, { consortiumId: other.id, placeId: otherPlace.id });
  const otherPerson = await buildPerson(db, { consortiumId: other.id, role: { organizationId: otherMember.id, role: "staff" } });
  await grantAccount(db, { consortiumId: other.id, userId: outsider.id, role: "coordinator" });

  const users: Record<"admin" | "coordinator" | "referentA" | "member" | "partner" | "outsider", TestUser> = {
    admin,
    coordinator,
    referentA,
    member,
    partner: partnerUser,
    outsider,
  };
  return {
    users,
    consortium,
    carrier,
    memberA,
    memberB,
    partner,
    placeA,
    placeB,
    spaceA,
    personA,
    personB,
    representativeA,
    personARoleId: personARole.id,
    other: { consortium: other, member: otherMember, place: otherPlace, space: otherSpace, person: otherPerson },
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
