import type { OrganizationDto, PersonDto, PlaceDto, SpaceDto } from "../../../shared/contracts/directory.ts";
import { dayInPeriod } from "../../../shared/lib/dates.ts";
import type { memberPeriods, organizations, people, personRoles, places, spaces } from "../../db/schema/index.ts";
import type { Consortium } from "../../http/auth.ts";
import type { Actor } from "../../policies/actor.ts";
import { organizationPolicy, personPolicy, placePolicy } from "../../policies/directory.ts";
import { abilitiesFor } from "../../policies/index.ts";

type OrganizationRow = typeof organizations.$inferSelect;
type PeriodRow = typeof memberPeriods.$inferSelect;
type RepresentativeRow = {
  id: string;
  personId: string;
  firstName: string;
  lastName: string;
  since: string;
  until: string | null;
};

export function presentOrganization(
  actor: Actor,
  consortium: Consortium,
  today: string,
  org: OrganizationRow,
  periods: PeriodRow[],
  reps: RepresentativeRow[],
  placeCount: number,
): OrganizationDto {
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    legalForm: org.legalForm,
    siret: org.siret,
    description: org.description,
    website: org.website,
    email: org.email,
    phone: org.phone,
    partnerType: org.partnerType,
    isCarrier: consortium.carrierOrganizationId === org.id,
    isCurrentMember: periods.some((p) => dayInPeriod(today, p.joinedOn, p.leftOn)),
    periods: periods.map((p) => ({ id: p.id, joinedOn: p.joinedOn, leftOn: p.leftOn })),
    representatives: reps.map((r) => ({
      id: r.id,
      personId: r.personId,
      personName: `${r.firstName} ${r.lastName}`,
      since: r.since,
      until: r.until,
    })),
    placeCount,
    abilities: abilitiesFor(organizationPolicy, actor, org),
  };
}

export function presentSpace(actor: Actor, organizationId: string, row: typeof spaces.$inferSelect): SpaceDto {
  return {
    id: row.id,
    placeId: row.placeId,
    name: row.name,
    capacity: row.capacity,
    equipment: row.equipment,
    accessibility: row.accessibility as SpaceDto["accessibility"],
    description: row.description,
    abilities: {
      update: placePolicy.manageSpaces(actor, { organizationId }),
      delete: placePolicy.manageSpaces(actor, { organizationId }),
    },
  };
}

export function presentPlace(
  actor: Actor,
  row: typeof places.$inferSelect,
  organizationName: string,
  spaceRows: (typeof spaces.$inferSelect)[],
): PlaceDto {
  return {
    id: row.id,
    slug: row.slug,
    organizationId: row.organizationId,
    organizationName,
    name: row.name,
    description: row.description,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    activities: row.activities,
    accessibility: row.accessibility as PlaceDto["accessibility"],
    openingHours: row.openingHours,
    spaces: spaceRows.map((s) => presentSpace(actor, row.organizationId, s)),
    abilities: abilitiesFor(placePolicy, actor, row),
  };
}

export function presentPerson(
  actor: Actor,
  row: typeof people.$inferSelect,
  roles: { role: typeof personRoles.$inferSelect; organizationName: string }[],
): PersonDto {
  const subject = {
    userId: row.userId,
    organizationIds: roles.filter((r) => r.role.until === null).map((r) => r.role.organizationId),
    contactVisibility: row.contactVisibility,
  };
  const seeContact = personPolicy.seeContact(actor, subject);
  const { seeContact: _hidden, ...actions } = personPolicy;
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: seeContact ? row.email : null,
    phone: seeContact ? row.phone : null,
    contactHidden: !seeContact && (row.email !== null || row.phone !== null),
    bio: row.bio,
    skills: row.skills,
    offers: row.offers,
    needs: row.needs,
    contactVisibility: row.contactVisibility,
    roles: roles.map(({ role, organizationName }) => ({
      id: role.id,
      organizationId: role.organizationId,
      organizationName,
      role: role.role,
      title: role.title,
      since: role.since,
      until: role.until,
    })),
    abilities: abilitiesFor(actions, actor, subject),
  };
}
