import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, eventOccurrences, eventOrganizers, events, residencyStays } from "../../src/server/db/schema/index.ts";
import { buildOrganization, buildPerson, buildPlace } from "../../src/server/seed/factories.ts";
import type { PublicResidencyDto, ResidencyDto, ResidencyListDto } from "../../src/shared/contracts/residencies.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

// Every stay lives in 2032: far from today, so each one is to come, and from the other suites' years.

let t: TestApp;
let w: World;
/** A third member place, and a person of its team with a public e-mail (the public page must not show it). */
let memberC: { id: string };
let placeC: { id: string; name: string };
let personC: { id: string; email: string | null };

/** The residency the route matrix works on: two stays, at La Fabrique (memberA) then at Le Hangar (memberB). */
let main: ResidencyDto;
let deletable = "";
/** The other consortium's residency, its stay and one checklist item. */
let other: ResidencyDto;

const r = (w: World) => `/api/consortia/${w.consortium.slug}/residencies`;
const coordinator = () => as(t.app, w.users.coordinator);

const residencyBody = (over: Record<string, unknown> = {}) => ({
  name: "Carnets de route",
  artist: "Collectif Trait d'Union",
  discipline: "Illustration",
  description: "Trois illustratrices dessinent les lieux du réseau et ceux qui les font vivre.",
  visibility: "consortium",
  ...over,
});

async function residency(over: Record<string, unknown> = {}): Promise<ResidencyDto> {
  const res = await coordinator()("POST", r(w), residencyBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function withStay(id: string, stay: Record<string, unknown>): Promise<ResidencyDto> {
  const res = await coordinator()("POST", `${r(w)}/${id}/stays`, stay);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function eventRow(id: string | null) {
  const [row] = await t.db
    .select()
    .from(events)
    .where(eq(events.id, id as string));
  return row;
}
const stayAt = (res: ResidencyDto, placeId: string) => {
  const found = res.stays.find((s) => s.placeId === placeId);
  if (!found) throw new Error(`no stay at ${placeId}`);
  return found;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  memberC = await buildOrganization(t.db, { consortiumId: w.consortium.id, name: "La Cordée" });
  placeC = await buildPlace(t.db, { consortiumId: w.consortium.id, organizationId: memberC.id, name: "Atelier de la Cordée" });
  personC = await buildPerson(t.db, {
    consortiumId: w.consortium.id,
    firstName: "Céline",
    lastName: "Roux",
    email: "celine.roux@exemple.fr",
    contactVisibility: "public",
    role: { organizationId: memberC.id, role: "staff" },
  });
  main = await residency();
  main = await withStay(main.id, { placeId: w.placeA.id, from: "2032-03-03", to: "2032-03-28", referentId: w.personA.id });
  main = await withStay(main.id, { placeId: w.placeB.id, from: "2032-04-05", to: "2032-04-30", referentId: w.personB.id });
  main = await withStay(main.id, { placeId: w.placeA.id, from: "2032-09-01", to: "2032-09-10" });
  deletable = (await residency({ name: "À supprimer" })).id;

  const otherRoot = `/api/consortia/${w.other.consortium.slug}/residencies`;
  const created = await as(t.app, w.users.outsider)("POST", otherRoot, residencyBody());
  expect(created.statusCode, created.body).toBe(201);
  const withOtherStay = await as(t.app, w.users.outsider)("POST", `${otherRoot}/${created.json().id}/stays`, {
    placeId: w.other.place.id,
    from: "2032-03-01",
    to: "2032-03-20",
  });
  expect(withOtherStay.statusCode, withOtherStay.body).toBe(201);
  other = withOtherStay.json();
});
afterAll(() => t.close());

describe("residency routes", () => {
  const ctx = { t: () => t, w: () => w };
  const stayA = () => main.stays[0];
  const laterStayA = () => main.stays[2];
  const otherStay = () => other.stays[0];

  describeRoute("residencies (list)", ctx, {
    method: "GET",
    path: (w) => r(w),
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as ResidencyListDto).items.map((i) => i.id)).toContain(main.id),
  });
  describeRoute("residencies (create)", ctx, {
    method: "POST",
    path: (w) => r(w),
    body: () => residencyBody({ name: "Autre résidence" }),
    invalid: { body: () => residencyBody({ artist: "  " }), field: "artist" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
    check: (b) => expect((b as ResidencyDto).stays).toEqual([]),
  });
  describeRoute("residencies/:id", ctx, {
    method: "GET",
    path: (w) => `${r(w)}/${main.id}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}`,
    allowedAs: "member",
    status: 200,
    check: (b) => {
      const res = b as ResidencyDto;
      expect(res.stays.map((s) => s.from)).toEqual(["2032-03-03", "2032-04-05", "2032-09-01"]);
      expect(res.span).toEqual({ from: "2032-03-03", to: "2032-09-10" });
      expect(res.abilities.update).toBe(false);
    },
  });
  describeRoute("residencies/:id (update)", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${main.id}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}`,
    body: () => residencyBody({ description: "Des carnets dessinés de lieu en lieu." }),
    invalid: { body: () => residencyBody({ visibility: "partout" }), field: "visibility" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("residencies/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${deletable}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}`,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
  describeRoute("residencies/:id/stays (add)", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${main.id}/stays`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}/stays`,
    body: () => ({ placeId: placeC.id, from: "2032-05-10", to: "2032-06-05", referentId: personC.id }),
    invalid: { body: () => ({ placeId: placeC.id, from: "2032-05-10", to: "2032-05-01" }), field: "to" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
    check: (b) => {
      const added = stayAt(b as ResidencyDto, placeC.id);
      expect(added.checklist.map((i) => i.label)).toEqual([
        "Clés et accès remis",
        "État des lieux d'arrivée",
        "Matériel et œuvres transférés au lieu suivant",
        "Fiche contact de l'artiste transmise",
        "Bilan avec le référent",
      ]);
      expect(added.progress).toEqual({ done: 0, total: 5 });
      expect(added.referent).toMatchObject({ name: "Céline Roux", ofHost: true });
    },
  });
  describeRoute("residencies/:id/stays/:stayId (update)", ctx, {
    method: "PATCH",
    path: (w) => `${r(w)}/${main.id}/stays/${stayA().id}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}/stays/${otherStay().id}`,
    body: () => ({ summary: "Croquis des machines et portraits des usagers." }),
    invalid: { body: () => ({ from: "le 3 mars" }), field: "from" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (b) => expect((b as ResidencyDto).stays[0].summary).toBe("Croquis des machines et portraits des usagers."),
  });
  describeRoute("residencies/:id/stays/:stayId (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${main.id}/stays/${laterStayA().id}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}/stays/${otherStay().id}`,
    // The host's referent speaks for the stay, not for the route.
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (b) => expect((b as ResidencyDto).stays.map((s) => s.id)).not.toContain(laterStayA().id),
  });
  describeRoute("residencies/:id/stays/:stayId/checklist (add)", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${main.id}/stays/${stayA().id}/checklist`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}/stays/${otherStay().id}/checklist`,
    body: () => ({ label: "Photos de l'exposition envoyées" }),
    invalid: { body: () => ({ label: "" }), field: "label" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 201,
    check: (b) => expect((b as ResidencyDto).stays[0].checklist.at(-1)?.label).toBe("Photos de l'exposition envoyées"),
  });
  describeRoute("residencies/:id/stays/:stayId/checklist/:itemId (tick)", ctx, {
    method: "PATCH",
    path: (w) => `${r(w)}/${main.id}/stays/${stayA().id}/checklist/${stayA().checklist[0].id}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}/stays/${otherStay().id}/checklist/${otherStay().checklist[0].id}`,
    body: () => ({ done: true }),
    invalid: { body: () => ({}), field: "done" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (b, w) => {
      const item = (b as ResidencyDto).stays[0].checklist[0];
      expect(item).toMatchObject({ done: true, doneByName: w.users.referentA.name });
    },
  });
  describeRoute("residencies/:id/stays/:stayId/checklist/:itemId (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${main.id}/stays/${stayA().id}/checklist/${stayA().checklist[4].id}`,
    otherConsortiumPath: (w) => `${r(w)}/${other.id}/stays/${otherStay().id}/checklist/${otherStay().checklist[4].id}`,
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (b) => expect((b as ResidencyDto).stays[0].checklist.map((i) => i.label)).not.toContain("Bilan avec le référent"),
  });
});

describe("a route without overlaps", () => {
  it("refuses a stay sharing a day with another, naming it, and writes nothing", async () => {
    const res = await residency({ name: "Chevauchement" });
    const first = await withStay(res.id, { placeId: w.placeA.id, from: "2032-05-01", to: "2032-05-10" });
    const eventsBefore = (await t.db.select().from(events)).length;
    const refused = await coordinator()("POST", `${r(w)}/${res.id}/stays`, {
      placeId: w.placeB.id,
      from: "2032-05-10",
      to: "2032-05-20",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      "Ces dates chevauchent le séjour à Atelier partagé, du 1er au 10 mai 2032 : l'artiste n'est qu'en un lieu à la fois.",
    );
    expect(refused.json().details).toMatchObject({ stayId: first.stays[0].id, from: "2032-05-01", to: "2032-05-10" });
    expect(await t.db.select().from(residencyStays).where(eq(residencyStays.residencyId, res.id))).toHaveLength(1);
    expect((await t.db.select().from(events)).length).toBe(eventsBefore);
  });

  it("accepts a stay that starts the day after, and refuses moving it back onto the other", async () => {
    const res = await residency({ name: "Bout à bout" });
    await withStay(res.id, { placeId: w.placeA.id, from: "2032-05-01", to: "2032-05-10" });
    const both = await withStay(res.id, { placeId: w.placeB.id, from: "2032-05-11", to: "2032-05-20" });
    const second = both.stays[1];
    const moved = await coordinator()("PATCH", `${r(w)}/${res.id}/stays/${second.id}`, { from: "2032-05-08" });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().message).toMatch(/Atelier partagé, du 1er au 10 mai 2032/);
    const [kept] = await t.db.select().from(residencyStays).where(eq(residencyStays.id, second.id));
    expect(kept.fromDate).toBe("2032-05-11");
  });

  it("is also guarded by the database", async () => {
    const res = await residency({ name: "Garde-fou" });
    const one = await withStay(res.id, { placeId: w.placeA.id, from: "2032-06-01", to: "2032-06-10" });
    const insert = t.db.insert(residencyStays).values({
      residencyId: res.id,
      consortiumId: w.consortium.id,
      placeId: w.placeB.id,
      organizationId: w.memberB.id,
      fromDate: "2032-06-10",
      toDate: "2032-06-12",
    });
    await expect(insert).rejects.toThrow();
    expect(one.stays).toHaveLength(1);
  });

  it("refuses a place or a referent of another consortium, field by field", async () => {
    const res = await residency({ name: "Références" });
    const wrongPlace = await coordinator()("POST", `${r(w)}/${res.id}/stays`, {
      placeId: w.other.place.id,
      from: "2032-07-01",
      to: "2032-07-05",
    });
    expect(wrongPlace.statusCode).toBe(422);
    expect(wrongPlace.json().fields).toEqual({ placeId: "Ce lieu n'est pas un lieu du consortium" });
    const wrongPerson = await coordinator()("POST", `${r(w)}/${res.id}/stays`, {
      placeId: w.placeA.id,
      from: "2032-07-01",
      to: "2032-07-05",
      referentId: w.other.person.id,
    });
    expect(wrongPerson.statusCode).toBe(422);
    expect(wrongPerson.json().fields).toEqual({ referentId: "Cette personne n'est pas dans l'annuaire du consortium" });
    // Someone of another member organisation may welcome the artist; the page says they are not of the host.
    const elsewhere = await withStay(res.id, {
      placeId: w.placeA.id,
      from: "2032-07-01",
      to: "2032-07-05",
      referentId: w.personB.id,
    });
    expect(elsewhere.stays[0].referent).toMatchObject({ name: "Hugo Bernard", ofHost: false });
  });

  it("words validation in English for a client that asks", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `${r(w)}/${main.id}/stays`,
      headers: { cookie: w.users.coordinator.cookie, "accept-language": "en" },
      payload: { placeId: "", from: "2032-07-01", to: "2032-06-01" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toMatchObject({ placeId: "Choose the host place", to: "The last day is before the first" });
  });
});

describe("stays in the agenda", () => {
  it("makes each stay an all-day event at the host place, organised by the host", async () => {
    const res = await withStay((await residency({ name: "Agenda" })).id, {
      placeId: w.placeA.id,
      from: "2032-10-04",
      to: "2032-10-16",
      summary: "Atelier de gravure ouvert le samedi.",
    });
    const stay = res.stays[0];
    const event = await coordinator()("GET", `/api/consortia/${w.consortium.slug}/agenda/events/${stay.eventId}`);
    expect(event.statusCode, event.body).toBe(200);
    expect(event.json()).toMatchObject({
      title: "Résidence — Collectif Trait d'Union",
      venue: "place",
      placeId: w.placeA.id,
      allDay: true,
      start: "2032-10-04",
      end: "2032-10-16",
      visibility: "consortium",
      organizers: [{ id: w.memberA.id }],
    });
    expect(event.json().description).toMatch(/Atelier de gravure ouvert le samedi\./);
    expect(event.json().description).toMatch(
      /Accueil : La Fabrique des Économies \(Atelier partagé\), du 4 au 16 octobre 2032\./,
    );
    const window = await as(t.app, w.users.member)(
      "GET",
      `/api/consortia/${w.consortium.slug}/agenda/events?from=2032-10-01&to=2032-10-31`,
    );
    expect(window.json().items.map((o: { eventId: string }) => o.eventId)).toContain(stay.eventId);
  });

  it("moves the same event when the stay changes place or days, and removes it with the stay", async () => {
    const res = await withStay((await residency({ name: "Déplacé" })).id, {
      placeId: w.placeA.id,
      from: "2032-11-02",
      to: "2032-11-12",
      referentId: w.personA.id,
    });
    const stay = res.stays[0];
    const moved = await coordinator()("PATCH", `${r(w)}/${res.id}/stays/${stay.id}`, {
      placeId: w.placeB.id,
      from: "2032-11-20",
      to: "2032-11-30",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (moved.json() as ResidencyDto).stays[0];
    expect(after.eventId).toBe(stay.eventId);
    expect(after).toMatchObject({ placeId: w.placeB.id, organizationId: w.memberB.id, from: "2032-11-20", to: "2032-11-30" });
    // The new host names its own referent.
    expect(after.referent).toBeNull();
    const event = await eventRow(stay.eventId);
    expect(event.placeId).toBe(w.placeB.id);
    expect(event.sequence).toBeGreaterThan(0);
    const organizers = await t.db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, event.id));
    expect(organizers.map((o) => o.organizationId)).toEqual([w.memberB.id]);
    const [occurrence] = await t.db.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, event.id));
    expect(occurrence.placeId).toBe(w.placeB.id);
    const agenda = async (from: string, to: string) =>
      (await coordinator()("GET", `/api/consortia/${w.consortium.slug}/agenda/events?from=${from}&to=${to}`)).json()
        .items as Array<{ eventId: string }>;
    expect((await agenda("2032-11-20", "2032-11-30")).map((o) => o.eventId)).toContain(stay.eventId);
    expect((await agenda("2032-11-01", "2032-11-13")).map((o) => o.eventId)).not.toContain(stay.eventId);

    const removed = await coordinator()("DELETE", `${r(w)}/${res.id}/stays/${stay.id}`);
    expect(removed.statusCode).toBe(200);
    expect(await eventRow(stay.eventId)).toBeUndefined();
  });

  it("gives the events the residency's new title and visibility", async () => {
    const res = await withStay((await residency({ name: "Visibilité", visibility: "draft" })).id, {
      placeId: w.placeB.id,
      from: "2032-12-01",
      to: "2032-12-05",
    });
    expect((await eventRow(res.stays[0].eventId)).visibility).toBe("draft");
    const changed = await coordinator()(
      "PUT",
      `${r(w)}/${res.id}`,
      residencyBody({ name: "Visibilité", artist: "Atelier Pli", visibility: "public" }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const event = await eventRow(res.stays[0].eventId);
    expect(event.title).toBe("Résidence — Atelier Pli");
    expect(event.visibility).toBe("public");
    const occurrences = await t.db.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, event.id));
    expect(occurrences.every((o) => o.visibility === "public")).toBe(true);
  });

  it("takes the events of the stays to come away with the residency", async () => {
    const res = await withStay((await residency({ name: "Supprimée" })).id, {
      placeId: w.placeA.id,
      from: "2032-12-10",
      to: "2032-12-20",
    });
    expect((await coordinator()("DELETE", `${r(w)}/${res.id}`)).statusCode).toBe(204);
    expect(await eventRow(res.stays[0].eventId)).toBeUndefined();
    const logged = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.subjectId, res.id), eq(activities.action, "residency.delete")));
    expect(logged[0]?.summary).toMatch(/« Supprimée » et ses 1 séjour\(s\) à venir/);
  });
});

describe("the hand-over", () => {
  it("is ticked by the host's referent, and not by another member's referent", async () => {
    const res = await residency({ name: "Passation" });
    await withStay(res.id, { placeId: w.placeA.id, from: "2032-02-01", to: "2032-02-10" });
    const full = await withStay(res.id, { placeId: w.placeB.id, from: "2032-02-12", to: "2032-02-20" });
    const atA = stayAt(full, w.placeA.id);
    const atB = stayAt(full, w.placeB.id);
    const referent = as(t.app, w.users.referentA);
    expect(atA.abilities).toMatchObject({ tick: true, update: true, delete: true });
    const seen = (await referent("GET", `${r(w)}/${res.id}`)).json() as ResidencyDto;
    expect(stayAt(seen, w.placeA.id).abilities).toMatchObject({ tick: true, editHosting: true, update: false, delete: false });
    expect(stayAt(seen, w.placeB.id).abilities).toMatchObject({ tick: false, editHosting: false });

    const ticked = await referent("PATCH", `${r(w)}/${res.id}/stays/${atA.id}/checklist/${atA.checklist[1].id}`, { done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(stayAt(ticked.json(), w.placeA.id).progress).toEqual({ done: 1, total: 5 });
    const notTheirs = await referent("PATCH", `${r(w)}/${res.id}/stays/${atB.id}/checklist/${atB.checklist[1].id}`, {
      done: true,
    });
    expect(notTheirs.statusCode).toBe(403);
    const byMember = await as(t.app, w.users.member)(
      "PATCH",
      `${r(w)}/${res.id}/stays/${atA.id}/checklist/${atA.checklist[2].id}`,
      { done: true },
    );
    expect(byMember.statusCode).toBe(403);

    const unticked = await referent("PATCH", `${r(w)}/${res.id}/stays/${atA.id}/checklist/${atA.checklist[1].id}`, {
      done: false,
    });
    expect(stayAt(unticked.json(), w.placeA.id).checklist[1]).toMatchObject({ done: false, doneAt: null, doneByName: null });
    const renamed = await referent("PATCH", `${r(w)}/${res.id}/stays/${atA.id}/checklist/${atA.checklist[1].id}`, {
      label: "État des lieux d'arrivée signé",
    });
    expect(stayAt(renamed.json(), w.placeA.id).checklist[1].label).toBe("État des lieux d'arrivée signé");
  });

  it("lets the host's referent say who welcomes and what happens, but not move the stay", async () => {
    const res = await withStay((await residency({ name: "Accueil" })).id, {
      placeId: w.placeA.id,
      from: "2032-01-05",
      to: "2032-01-15",
    });
    const stay = res.stays[0];
    const referent = as(t.app, w.users.referentA);
    const hosting = await referent("PATCH", `${r(w)}/${res.id}/stays/${stay.id}`, {
      referentId: w.personA.id,
      summary: "Résidence de création dans l'atelier.",
    });
    expect(hosting.statusCode, hosting.body).toBe(200);
    expect((hosting.json() as ResidencyDto).stays[0]).toMatchObject({
      summary: "Résidence de création dans l'atelier.",
      referent: { id: w.personA.id, ofHost: true },
    });
    expect((await eventRow(stay.eventId)).description).toMatch(/Résidence de création dans l'atelier\./);
    const move = await referent("PATCH", `${r(w)}/${res.id}/stays/${stay.id}`, { from: "2032-01-06" });
    expect(move.statusCode).toBe(403);
    const otherHost = await referent("PATCH", `${r(w)}/${res.id}/stays/${stay.id}`, { placeId: w.placeB.id, summary: "x" });
    expect(otherHost.statusCode).toBe(403);
  });

  it("keeps each change in the activity feed", async () => {
    const actions = (await t.db.select().from(activities).where(eq(activities.subjectId, main.id))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "residency.create",
        "residency.stay_add",
        "residency.stay_update",
        "residency.checklist_tick",
        "residency.checklist_remove",
      ]),
    );
  });
});

describe("drafts", () => {
  it("shows a draft only to the coordination and to the referents of its hosts", async () => {
    const draft = await residency({ name: "En préparation", visibility: "draft" });
    const url = `${r(w)}/${draft.id}`;
    expect((await as(t.app, w.users.member)("GET", url)).statusCode).toBe(404);
    expect((await as(t.app, w.users.referentA)("GET", url)).statusCode).toBe(404);
    const listed = async (user: World["users"]["member"]) =>
      ((await as(t.app, user)("GET", r(w))).json() as ResidencyListDto).items.map((i) => i.id);
    expect(await listed(w.users.member)).not.toContain(draft.id);
    await withStay(draft.id, { placeId: w.placeA.id, from: "2032-08-01", to: "2032-08-10" });
    expect((await as(t.app, w.users.referentA)("GET", url)).statusCode).toBe(200);
    expect(await listed(w.users.referentA)).toContain(draft.id);
    expect(await listed(w.users.member)).not.toContain(draft.id);
  });
});

describe("the public route", () => {
  const publicUrl = (slug: string, id: string) => `/api/public/${slug}/residencies/${id}`;

  it("is not found unless the residency is public", async () => {
    const res = await residency({ name: "Pas encore publique" });
    const anonymous = as(t.app, null);
    expect((await anonymous("GET", publicUrl(w.consortium.slug, res.id))).statusCode).toBe(404);
    const draft = await residency({ name: "Brouillon", visibility: "draft" });
    expect((await anonymous("GET", publicUrl(w.consortium.slug, draft.id))).statusCode).toBe(404);
    expect((await anonymous("GET", publicUrl("nulle-part", res.id))).statusCode).toBe(404);
  });

  it("tells the route in order, without people or checklists", async () => {
    const res = await residency({ name: "Sur la route", visibility: "public" });
    await withStay(res.id, {
      placeId: placeC.id,
      from: "2032-03-15",
      to: "2032-03-31",
      referentId: personC.id,
      summary: "Fresque",
    });
    await withStay(res.id, { placeId: w.placeA.id, from: "2032-02-01", to: "2032-02-20", referentId: w.personA.id });
    const answer = await as(t.app, null)("GET", publicUrl(w.consortium.slug, res.id));
    expect(answer.statusCode, answer.body).toBe(200);
    const route = answer.json() as PublicResidencyDto;
    expect(route.consortium).toEqual({ name: w.consortium.name, slug: w.consortium.slug });
    expect(route.stays.map((s) => s.placeName)).toEqual(["Atelier partagé", "Atelier de la Cordée"]);
    expect(route.stays[1]).toMatchObject({ summary: "Fresque", hostName: "La Cordée", status: "upcoming" });
    expect(route.span).toEqual({ from: "2032-02-01", to: "2032-03-31" });
    expect(answer.body).not.toContain(personC.email as string);
    expect(answer.body).not.toContain("Céline");
    expect(answer.body).not.toMatch(/checklist|referent|eventId/);
    // Another consortium's slug does not open it.
    expect((await as(t.app, null)("GET", publicUrl(w.other.consortium.slug, res.id))).statusCode).toBe(404);
  });
});
