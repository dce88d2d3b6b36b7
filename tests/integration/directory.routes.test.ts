import { afterAll, beforeAll, describe, expect } from "vitest";
import { describeRoute } from "../helpers/route-matrix.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
});
afterAll(() => t.close());
const ctx = { t: () => t, w: () => w };
const c = (w: World) => `/api/consortia/${w.consortium.slug}`;

describe("directory routes", () => {
  describeRoute("organizations", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/organizations`,
    invalid: { path: (w) => `${c(w)}/organizations?kind=school`, field: "kind" },
    allowedAs: "partner",
    status: 200,
    check: (body) => expect((body as { name: string }[]).map((o) => o.name)).toContain("Le Hangar"),
  });
  describeRoute("organizations (create)", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/organizations`,
    body: () => ({ kind: "partner", partnerType: "ccas", name: "CCAS de Crest" }),
    invalid: { body: () => ({ kind: "member", name: "Sans SIRET valide", siret: "12345678900000" }), field: "siret" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
    check: (body) => expect(body).toMatchObject({ kind: "partner", partnerType: "ccas", isCurrentMember: false }),
  });
  describeRoute("organizations/:id", ctx, {
    method: "PATCH",
    path: (w) => `${c(w)}/organizations/${w.memberA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/organizations/${w.other.member.id}`,
    body: () => ({ description: "Fablab et atelier bois" }),
    invalid: { body: () => ({ website: "pas une adresse" }), field: "website" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (body) => expect(body).toMatchObject({ description: "Fablab et atelier bois" }),
  });
  describeRoute("organizations/:id/representatives", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/organizations/${w.memberA.id}/representatives`,
    otherConsortiumPath: (w) => `${c(w)}/organizations/${w.other.member.id}/representatives`,
    body: (w) => ({ personId: w.personB.id }),
    invalid: { body: () => ({ personId: "nope" }), field: "personId" },
    forbiddenAs: "partner",
    allowedAs: "referentA",
    status: 200,
    check: (body) => expect((body as { representatives: unknown[] }).representatives).toHaveLength(2),
  });
  describeRoute("organizations/:id (read)", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/organizations/${w.memberB.id}`,
    otherConsortiumPath: (w) => `${c(w)}/organizations/${w.other.member.id}`,
    invalid: { path: (w) => `${c(w)}/organizations/not-a-uuid`, field: "id" },
    allowedAs: "member",
    status: 200,
    check: (body) => expect(body).toMatchObject({ name: "Le Hangar", isCurrentMember: true, abilities: { update: false } }),
  });
  describeRoute("organizations/:id/join", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/organizations/${w.memberB.id}/join`,
    otherConsortiumPath: (w) => `${c(w)}/organizations/${w.other.member.id}/join`,
    body: () => ({ joinedOn: "2019-01-01" }),
    invalid: { body: () => ({ joinedOn: "01/01/2019" }), field: "joinedOn" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 409, // Le Hangar is already a member from 2024 on: the open period overlaps.
  });
  describeRoute("organizations/:id/leave", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/organizations/${w.memberB.id}/leave`,
    otherConsortiumPath: (w) => `${c(w)}/organizations/${w.other.member.id}/leave`,
    body: () => ({ leftOn: "2099-12-31" }),
    invalid: { body: () => ({}), field: "leftOn" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect((body as { periods: { leftOn: string }[] }).periods[0].leftOn).toBe("2099-12-31"),
  });
  describeRoute("organizations/:id/representatives/:id/end", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/organizations/${w.memberA.id}/representatives/${w.representativeA.id}/end`,
    otherConsortiumPath: (w) => `${c(w)}/organizations/${w.other.member.id}/representatives/${w.representativeA.id}/end`,
    body: () => ({ until: "2026-01-01" }),
    invalid: { body: () => ({ until: "demain" }), field: "until" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("places", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/places`,
    allowedAs: "member",
    status: 200,
    check: (body) => expect((body as unknown[]).length).toBe(2),
  });
  describeRoute("places (create)", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/places`,
    body: (w) => ({
      organizationId: w.memberA.id,
      name: "Jardin partagé",
      latitude: 44.72,
      longitude: 5.02,
      activities: ["jardin"],
    }),
    invalid: { body: (w) => ({ organizationId: w.memberA.id, name: "Sans longitude", latitude: 44.7 }), field: "longitude" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 201,
    check: (body) => expect(body).toMatchObject({ slug: "jardin-partage", organizationName: "La Fabrique des Économies" }),
  });
  describeRoute("places/:id", ctx, {
    method: "PATCH",
    path: (w) => `${c(w)}/places/${w.placeA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/places/${w.other.place.id}`,
    body: () => ({ openingHours: [{ day: 2, opens: "09:00", closes: "18:00" }], accessibility: ["step_free"] }),
    invalid: { body: () => ({ openingHours: [{ day: 2, opens: "18:00", closes: "09:00" }] }), field: "openingHours.0.closes" },
    forbiddenAs: "partner",
    allowedAs: "referentA",
    status: 200,
    check: (body) => expect(body).toMatchObject({ accessibility: ["step_free"] }),
  });
  describeRoute("places/:id (read)", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/places/${w.placeA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/places/${w.other.place.id}`,
    invalid: { path: (w) => `${c(w)}/places/123`, field: "id" },
    allowedAs: "partner",
    status: 200,
    check: (body) => expect(body).toMatchObject({ spaces: [{ name: "Salle des machines" }], abilities: { update: false } }),
  });
  describeRoute("places/:id/spaces", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/places/${w.placeA.id}/spaces`,
    otherConsortiumPath: (w) => `${c(w)}/places/${w.other.place.id}/spaces`,
    body: () => ({ name: "Petite salle", capacity: 12, equipment: ["vidéoprojecteur"] }),
    invalid: { body: () => ({ name: "Salle", capacity: 0 }), field: "capacity" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 201,
    check: (body) => expect((body as { spaces: { name: string }[] }).spaces.map((s) => s.name)).toContain("Petite salle"),
  });
  describeRoute("spaces/:id", ctx, {
    method: "PATCH",
    path: (w) => `${c(w)}/spaces/${w.spaceA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/spaces/${w.other.space.id}`,
    body: () => ({ capacity: 30 }),
    invalid: { body: () => ({ name: "" }), field: "name" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("people", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/people`,
    invalid: { path: (w) => `${c(w)}/people?pageSize=1000`, field: "pageSize" },
    allowedAs: "partner",
    status: 200,
    check: (body) => expect(body).toMatchObject({ total: 2, page: 1 }),
  });
  describeRoute("people (create)", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/people`,
    body: (w) => ({
      firstName: "Léa",
      lastName: "Fontaine",
      skills: ["menuiserie"],
      role: { organizationId: w.memberA.id, role: "resident" },
    }),
    invalid: {
      body: (w) => ({ firstName: "Léa", lastName: "", role: { organizationId: w.memberA.id, role: "resident" } }),
      field: "lastName",
    },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 201,
  });
  describeRoute("people/:id", ctx, {
    method: "PATCH",
    path: (w) => `${c(w)}/people/${w.personA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/people/${w.other.person.id}`,
    body: () => ({ skills: ["impression 3D", "soudure"], contactVisibility: "public" }),
    invalid: { body: () => ({ email: "inès@" }), field: "email" },
    forbiddenAs: "partner",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("people/:id (read)", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/people/${w.personA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/people/${w.other.person.id}`,
    invalid: { path: (w) => `${c(w)}/people/xyz`, field: "id" },
    allowedAs: "member",
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({ firstName: "Inès", roles: [{ organizationName: "La Fabrique des Économies" }] }),
  });
  describeRoute("people/:id/roles/:roleId/end", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/people/${w.personA.id}/roles/${w.personARoleId}/end`,
    otherConsortiumPath: (w) => `${c(w)}/people/${w.other.person.id}/roles/${w.personARoleId}/end`,
    invalid: { path: (w) => `${c(w)}/people/${w.personA.id}/roles/nope/end`, field: "roleId" },
    forbiddenAs: "partner",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("people/:id/roles", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/people/${w.personA.id}/roles`,
    otherConsortiumPath: (w) => `${c(w)}/people/${w.other.person.id}/roles`,
    body: (w) => ({ organizationId: w.memberA.id, role: "facilitator", title: "Animatrice du fablab" }),
    invalid: { body: (w) => ({ organizationId: w.memberA.id, role: "pirate" }), field: "role" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("search", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/search?q=economie`,
    invalid: { path: (w) => `${c(w)}/search?q=e`, field: "q" },
    allowedAs: "member",
    status: 200,
    check: (body) => expect((body as { hits: { title: string }[] }).hits[0].title).toBe("La Fabrique des Économies"),
  });
  // Destructive routes last: they remove objects the cases above rely on.
  describeRoute("spaces/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${c(w)}/spaces/${w.spaceA.id}`,
    otherConsortiumPath: (w) => `${c(w)}/spaces/${w.other.space.id}`,
    forbiddenAs: "partner",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("people/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${c(w)}/people/${w.personB.id}`,
    otherConsortiumPath: (w) => `${c(w)}/people/${w.other.person.id}`,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
  describeRoute("places/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${c(w)}/places/${w.placeB.id}`,
    otherConsortiumPath: (w) => `${c(w)}/places/${w.other.place.id}`,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
});
