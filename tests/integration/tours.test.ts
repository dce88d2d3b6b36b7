import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, outboxMessages, places, tourDays } from "../../src/server/db/schema/index.ts";
import { buildOrganization, buildPlace } from "../../src/server/seed/factories.ts";
import type { PublicTourDto, RegistrationListDto, TourDto, TourListDto } from "../../src/shared/contracts/tours.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

// Places of the Drôme valley, so that travel times are real ones: Crest, Die, Saillans, Valence.
const CREST = { latitude: 44.7284, longitude: 5.0226 };
const DIE = { latitude: 44.7536, longitude: 5.3703 };
const SAILLANS = { latitude: 44.6967, longitude: 5.1953 };
const VALENCE = { latitude: 44.9334, longitude: 4.8924 };

let t: TestApp;
let w: World;
let memberC: { id: string };
let placeC: { id: string };
let placeD: { id: string };
let unmapped: { id: string };
/** Organised by memberA (referentA may compose it), public, 2033. */
let tourId: string;
let otherTourId: string;
let spareTourId: string;
/** A day and a guest the route matrix removes. */
let spareDayId: string;
let guestId: string;

const r = (w: World) => `/api/consortia/${w.consortium.slug}/tours`;
const pub = (w: World, id: string) => `/api/public/${w.consortium.slug}/tours/${id}`;
const coordinator = () => as(t.app, w.users.coordinator);
const referent = () => as(t.app, w.users.referentA);
const guest = () => as(t.app, null);

const dayBody = (w: World, over: Record<string, unknown> = {}) => ({
  date: "2033-05-12",
  start: { placeId: w.placeA.id },
  end: { label: "Gare de Valence", latitude: 44.9281, longitude: 4.8936 },
  startTime: "09:00",
  endBy: "18:00",
  stops: [
    { placeId: w.placeB.id, visitMinutes: 60 },
    { placeId: placeC.id, visitMinutes: 45 },
    { placeId: placeD.id, visitMinutes: 45 },
  ],
  ...over,
});

async function created(over: Record<string, unknown> = {}): Promise<TourDto> {
  const res = await coordinator()("POST", r(w), {
    name: "Tournée apprenante 2033",
    organizerId: w.memberA.id,
    date: "2033-05-12",
    capacity: 2,
    visibility: "public",
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** "Anne Élue" → "anne.elue@mairie.example". */
const mailOf = (name: string) =>
  `${name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\W+/g, ".")}@mairie.example`;
const signUp = (id: string, name: string, over: Record<string, unknown> = {}) =>
  guest()("POST", `${pub(w, id)}/registrations`, {
    name,
    email: mailOf(name),
    organization: "Mairie de Crest",
    category: "elected",
    consent: true,
    ...over,
  });

async function lastMailTo(email: string) {
  const rows = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
  return rows.at(-1) ?? null;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  await t.db.update(places).set(CREST).where(eq(places.id, w.placeA.id));
  await t.db.update(places).set(DIE).where(eq(places.id, w.placeB.id));
  memberC = await buildOrganization(t.db, { consortiumId: w.consortium.id, name: "La Cordée" });
  placeC = await buildPlace(t.db, {
    consortiumId: w.consortium.id,
    organizationId: memberC.id,
    name: "Fablab de Saillans",
    ...SAILLANS,
  });
  placeD = await buildPlace(t.db, {
    consortiumId: w.consortium.id,
    organizationId: memberC.id,
    name: "Atelier de Valence",
    ...VALENCE,
  });
  unmapped = await buildPlace(t.db, { consortiumId: w.consortium.id, organizationId: memberC.id, name: "Grange sans adresse" });
  await t.db.update(places).set(CREST).where(eq(places.id, w.other.place.id));
  const tour = await created();
  tourId = tour.id;
  const day = await referent()("PUT", `${r(w)}/${tourId}/days/${tour.days[0].id}`, dayBody(w));
  expect(day.statusCode, day.body).toBe(200);
  spareTourId = (await created({ name: "Tournée de secours" })).id;
  const spareDay = await referent()("POST", `${r(w)}/${tourId}/days`, dayBody(w, { date: "2033-05-20", stops: [] }));
  expect(spareDay.statusCode, spareDay.body).toBe(201);
  spareDayId = (spareDay.json() as TourDto).days.find((d) => d.date === "2033-05-20")!.id;
  expect((await signUp(tourId, "Hélène Sous-préfète", { category: "institution" })).statusCode).toBe(201);
  const guests: RegistrationListDto = (await referent()("GET", `${r(w)}/${tourId}/registrations`)).json();
  guestId = guests.items[0].id;
  const other = await as(t.app, w.users.outsider)("POST", `/api/consortia/${w.other.consortium.slug}/tours`, {
    name: "Tournée voisine",
    organizerId: w.other.member.id,
    date: "2033-06-01",
    capacity: 10,
  });
  expect(other.statusCode, other.body).toBe(201);
  otherTourId = other.json().id;
});
afterAll(() => t.close());

describe("tour routes", () => {
  const ctx = { t: () => t, w: () => w };
  describeRoute("tours (list)", ctx, {
    method: "GET",
    path: (w) => r(w),
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as TourListDto).items.map((i) => i.name)).toContain("Tournée apprenante 2033"),
  });
  describeRoute("tours (create)", ctx, {
    method: "POST",
    path: (w) => r(w),
    body: (w) => ({ name: "Tournée bis", organizerId: w.memberB.id, date: "2033-09-15", capacity: 30 }),
    invalid: {
      body: (w) => ({ name: "Tournée bis", organizerId: w.memberB.id, date: "2033-09-15", capacity: 0 }),
      field: "capacity",
    },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
    check: (b) => {
      const tour = b as TourDto;
      expect(tour.organizerName).toBe("Le Hangar");
      expect(tour.visibility).toBe("draft");
      expect(tour.publicPath).toBeNull();
    },
  });
  describeRoute("tours/:id", ctx, {
    method: "GET",
    path: (w) => `${r(w)}/${tourId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}`,
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as TourDto).days[0].stops).toHaveLength(3),
  });
  describeRoute("tours/:id (update)", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${tourId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}`,
    body: () => ({ name: "Tournée apprenante 2033", capacity: 2, visibility: "public", signupOpen: true }),
    invalid: { body: () => ({ name: "", capacity: 2 }), field: "name" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("tours/:id/days (add)", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${tourId}/days`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}/days`,
    body: (w) => dayBody(w, { date: "2033-05-13", end: null }),
    invalid: { body: (w) => dayBody(w, { stops: [{ placeId: w.placeB.id, visitMinutes: 2 }] }), field: "stops.0.visitMinutes" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 201,
    check: (b) => expect((b as TourDto).days.map((d) => d.date)).toEqual(["2033-05-12", "2033-05-13", "2033-05-20"]),
  });
  describeRoute("tours/:id/days/:dayId (update)", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${tourId}/days/${dayOf(tourId)}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}/days/${dayOf(tourId)}`,
    body: (w) => dayBody(w),
    invalid: { body: (w) => dayBody(w, { startTime: "9h" }), field: "startTime" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("tours/:id/travel", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${tourId}/travel`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}/travel`,
    body: () => ({ roadFactor: 1.3, speedKmh: 50, matrix: {} }),
    invalid: { body: () => ({ roadFactor: 0.5, speedKmh: 50 }), field: "roadFactor" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("tours/:id/registrations", ctx, {
    method: "GET",
    path: (w) => `${r(w)}/${tourId}/registrations`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}/registrations`,
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("tours/:id/days/:dayId (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${tourId}/days/${spareDayId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}/days/${spareDayId}`,
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (b) => expect((b as TourDto).days.map((d) => d.date)).not.toContain("2033-05-20"),
  });
  describeRoute("tours/:id/registrations/:registrationId (cancel)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${tourId}/registrations/${guestId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}/registrations/${guestId}`,
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (b) => expect((b as RegistrationListDto).items.find((i) => i.id === guestId)?.status).toBe("cancelled"),
  });
  describeRoute("tours/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${spareTourId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherTourId}`,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
});

/** The days of a tour, read once per call of the route matrix. */
let daysCache: Record<string, string> = {};
const dayOf = (id: string) => daysCache[id];
beforeAll(async () => {
  const res = await coordinator()("GET", `${r(w)}/${tourId}`);
  daysCache = { [tourId]: (res.json() as TourDto).days[0].id };
});

describe("composing a day", () => {
  it("orders the stops for the least travel and times every visit", async () => {
    const tour: TourDto = (await coordinator()("GET", `${r(w)}/${tourId}`)).json();
    const day = tour.days[0];
    expect(day.plan?.ok).toBe(true);
    if (!day.plan?.ok) return;
    // From Crest, Saillans and Die lie east, Valence north-west where the day ends: east first, then back west.
    expect(day.plan.legs.map((l) => l.label)).toEqual([
      "Fablab de Saillans",
      "Café-cantine du Hangar",
      "Atelier de Valence",
      "Gare de Valence",
    ]);
    expect(day.plan.method).toBe("exact");
    const [first] = day.plan.legs;
    expect(first.arrival).toBe(9 * 60 + first.travel);
    expect(day.plan.legs.at(-1)?.kind).toBe("end");
  });

  it("keeps every opening window, waiting when it must", async () => {
    const res = await referent()(
      "PUT",
      `${r(w)}/${tourId}/days/${dayOf(tourId)}`,
      dayBody(w, {
        stops: [
          { placeId: w.placeB.id, visitMinutes: 60, windows: [{ from: "09:00", to: "11:00" }] },
          { placeId: placeC.id, visitMinutes: 45, windows: [{ from: "14:00", to: "17:00" }] },
          { placeId: placeD.id, visitMinutes: 45 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const plan = (res.json() as TourDto).days[0].plan;
    expect(plan?.ok).toBe(true);
    if (!plan?.ok) return;
    const byLabel = Object.fromEntries(plan.legs.map((l) => [l.label, l]));
    expect(byLabel["Café-cantine du Hangar"].visitStart + 60).toBeLessThanOrEqual(11 * 60);
    expect(byLabel["Fablab de Saillans"].visitStart).toBeGreaterThanOrEqual(14 * 60);
    expect(plan.totalWait).toBeGreaterThan(0);
  });

  it("reports windows that cannot all be kept, and still saves the day", async () => {
    const res = await referent()(
      "PUT",
      `${r(w)}/${tourId}/days/${dayOf(tourId)}`,
      dayBody(w, {
        stops: [
          { placeId: w.placeB.id, visitMinutes: 60, windows: [{ from: "09:00", to: "10:30" }] },
          { placeId: placeD.id, visitMinutes: 60, windows: [{ from: "09:00", to: "10:30" }] },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const plan = (res.json() as TourDto).days[0].plan;
    expect(plan?.ok).toBe(false);
    if (plan?.ok !== false) return;
    expect(plan.proven).toBe(true);
    expect(["windows-conflict", "stop-unreachable"]).toContain(plan.infeasible.code);
  });

  it("refuses a place that is not on the map, naming the stop, and writes nothing", async () => {
    const before: TourDto = (await coordinator()("GET", `${r(w)}/${tourId}`)).json();
    const res = await referent()(
      "PUT",
      `${r(w)}/${tourId}/days/${dayOf(tourId)}`,
      dayBody(w, {
        stops: [
          { placeId: w.placeB.id, visitMinutes: 30 },
          { placeId: unmapped.id, visitMinutes: 30 },
        ],
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().fields["stops.1.placeId"]).toMatch(/Grange sans adresse n'est pas placé sur la carte/);
    const after: TourDto = (await coordinator()("GET", `${r(w)}/${tourId}`)).json();
    expect(after.days[0].stops.map((s) => s.placeId)).toEqual(before.days[0].stops.map((s) => s.placeId));
  });

  it("plans a place off the map once the organiser gives its travel times", async () => {
    const tour: TourDto = (await coordinator()("GET", `${r(w)}/${tourId}`)).json();
    const day = tour.days[0];
    const ids = [w.placeA.id, w.placeB.id, `end:${day.id}`];
    const matrix: Record<string, Record<string, number>> = { [unmapped.id]: {} };
    for (const id of ids) {
      matrix[id] = { [unmapped.id]: 20 };
      matrix[unmapped.id][id] = 20;
    }
    const travel = await referent()("PUT", `${r(w)}/${tourId}/travel`, { roadFactor: 1.3, speedKmh: 50, matrix });
    expect(travel.statusCode, travel.body).toBe(200);
    const res = await referent()(
      "PUT",
      `${r(w)}/${tourId}/days/${day.id}`,
      dayBody(w, {
        stops: [
          { placeId: w.placeB.id, visitMinutes: 30 },
          { placeId: unmapped.id, visitMinutes: 30 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const plan = (res.json() as TourDto).days[0].plan;
    expect(plan?.ok).toBe(true);
    if (plan?.ok) expect(plan.legs.find((l) => l.label === "Grange sans adresse")?.travel).toBe(20);
  });

  it("a corrected travel time changes the timing at once", async () => {
    await referent()("PUT", `${r(w)}/${tourId}/travel`, { roadFactor: 1.3, speedKmh: 50, matrix: {} });
    const base: TourDto = (await referent()("PUT", `${r(w)}/${tourId}/days/${dayOf(tourId)}`, dayBody(w))).json();
    const before = base.days[0].plan;
    const slow = await referent()("PUT", `${r(w)}/${tourId}/travel`, {
      roadFactor: 1.3,
      speedKmh: 50,
      matrix: { [w.placeA.id]: { [placeC.id]: 95 } },
    });
    const after = (slow.json() as TourDto).days[0].plan;
    expect(before?.ok && after?.ok).toBe(true);
    if (before?.ok && after?.ok) expect(after.totalTravel).toBeGreaterThan(before.totalTravel);
    await referent()("PUT", `${r(w)}/${tourId}/travel`, { roadFactor: 1.3, speedKmh: 50, matrix: {} });
  });

  it("puts each day in the agenda at its start place and follows changes", async () => {
    const tour: TourDto = (await coordinator()("GET", `${r(w)}/${tourId}`)).json();
    const [day] = await t.db.select().from(tourDays).where(eq(tourDays.id, tour.days[0].id));
    expect(day.eventId).not.toBeNull();
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, day.eventId as string));
    expect(event.placeId).toBe(w.placeA.id);
    expect(event.title).toBe("Tournée apprenante 2033");
    expect(event.visibility).toBe("public");
    expect(event.description).toMatch(/Visites : .*Fablab de Saillans/);
    await referent()("PUT", `${r(w)}/${tourId}/days/${tour.days[0].id}`, dayBody(w, { startTime: "08:30" }));
    const [moved] = await t.db.select().from(tourDays).where(eq(tourDays.id, tour.days[0].id));
    const [again] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, moved.eventId as string));
    expect(again.startsAt.toISOString()).toBe("2033-05-12T06:30:00.000Z");
    await referent()("PUT", `${r(w)}/${tourId}/days/${tour.days[0].id}`, dayBody(w));
  });

  it("refuses a second day on the same date and a stop visited twice", async () => {
    const twice = await referent()("POST", `${r(w)}/${tourId}/days`, dayBody(w));
    expect(twice.statusCode).toBe(422);
    expect(twice.json().fields.date).toMatch(/déjà une journée/);
    const dup = await referent()(
      "POST",
      `${r(w)}/${tourId}/days`,
      dayBody(w, {
        date: "2033-05-14",
        stops: [
          { placeId: w.placeB.id, visitMinutes: 30 },
          { placeId: w.placeB.id, visitMinutes: 40 },
        ],
      }),
    );
    expect(dup.statusCode).toBe(422);
    expect(Object.keys(dup.json().fields)).toContain("stops.1.placeId");
  });

  it("a stop at another consortium's place is refused", async () => {
    const res = await referent()(
      "PUT",
      `${r(w)}/${tourId}/days/${dayOf(tourId)}`,
      dayBody(w, { stops: [{ placeId: w.other.place.id, visitMinutes: 30 }] }),
    );
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields)).toContain("stops.0.placeId");
  });

  it("another member's referent cannot compose a tour it does not organise", async () => {
    const tour = await created({ name: "Tournée du Hangar", organizerId: w.memberB.id });
    const res = await referent()("PUT", `${r(w)}/${tour.id}/days/${tour.days[0].id}`, dayBody(w));
    expect(res.statusCode).toBe(403);
    expect(tour.abilities.compose).toBe(true);
  });
});

describe("the organiser chosen by the rotation", () => {
  it("the host of the year's turn organises the tour, is told by mail, and the turn cannot serve twice", async () => {
    const rotation = await coordinator()("POST", `/api/consortia/${w.consortium.slug}/rotations`, {
      name: "Organisation de la tournée",
      start: "2034-05-11T09:00",
      end: "2034-05-11T18:00",
      recurrence: { frequency: "yearly", count: 3 },
      hosts: [
        { organizationId: w.memberA.id, placeId: w.placeA.id },
        { organizationId: w.memberB.id, placeId: w.placeB.id },
        { organizationId: memberC.id, placeId: placeC.id },
      ],
    });
    expect(rotation.statusCode, rotation.body).toBe(201);
    const generated = await coordinator()(
      "POST",
      `/api/consortia/${w.consortium.slug}/rotations/${rotation.json().id}/generate`,
      {
        from: "2034-01-01",
      },
    );
    expect(generated.statusCode, generated.body).toBe(200);
    const turns = generated.json().turns as Array<{ id: string; date: string; organizationId: string }>;
    expect(new Set(turns.map((x) => x.organizationId)).size).toBe(3);

    // A monthly meeting hosted in turn names no tour organiser: only yearly rotations are offered.
    const monthly = await coordinator()("POST", `/api/consortia/${w.consortium.slug}/rotations`, {
      name: "Café mensuel",
      start: "2034-01-12T08:00",
      end: "2034-01-12T09:00",
      recurrence: { frequency: "monthly_weekday", count: 6 },
      hosts: [
        { organizationId: w.memberA.id, placeId: w.placeA.id },
        { organizationId: w.memberB.id, placeId: w.placeB.id },
      ],
    });
    expect(monthly.statusCode, monthly.body).toBe(201);
    await coordinator()("POST", `/api/consortia/${w.consortium.slug}/rotations/${monthly.json().id}/generate`, {
      from: "2034-01-01",
    });

    const list: TourListDto = (await coordinator()("GET", r(w))).json();
    const candidate = list.candidates.find((c) => c.turnId === turns[0].id);
    expect(candidate?.rotationName).toBe("Organisation de la tournée");
    expect(new Set(list.candidates.map((c) => c.rotationName))).toEqual(new Set(["Organisation de la tournée"]));
    expect(list.candidates).toHaveLength(3);

    const res = await coordinator()("POST", r(w), { name: "Tournée apprenante 2034", rotationTurnId: turns[0].id, capacity: 25 });
    expect(res.statusCode, res.body).toBe(201);
    const tour: TourDto = res.json();
    expect(tour.organizerId).toBe(turns[0].organizationId);
    expect(tour.rotation?.name).toBe("Organisation de la tournée");
    expect(tour.rotation?.date).toBe(turns[0].date);
    expect(tour.days.map((d) => d.date)).toEqual([turns[0].date]);

    const after: TourListDto = (await coordinator()("GET", r(w))).json();
    expect(after.candidates.some((c) => c.turnId === turns[0].id)).toBe(false);
    const again = await coordinator()("POST", r(w), { name: "Doublon", rotationTurnId: turns[0].id, capacity: 25 });
    expect(again.statusCode).toBe(409);

    if (turns[0].organizationId === w.memberA.id) {
      const mail = await lastMailTo(w.users.referentA.email);
      expect(mail?.subject).toBe("Vous organisez « Tournée apprenante 2034 »");
    }
  });

  it("a turn of another consortium is refused", async () => {
    const res = await coordinator()("POST", r(w), {
      name: "X",
      rotationTurnId: "00000000-0000-4000-8000-000000000000",
      capacity: 5,
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields)).toContain("rotationTurnId");
  });
});

describe("public sign-up", () => {
  it("shows only public tours, without guests' details", async () => {
    const draft = await created({ name: "Tournée en préparation", visibility: "draft" });
    expect((await guest()("GET", pub(w, draft.id))).statusCode).toBe(404);
    expect((await guest()("GET", `/api/public/${w.other.consortium.slug}/tours/${tourId}`)).statusCode).toBe(404);
    const res = await guest()("GET", pub(w, tourId));
    expect(res.statusCode).toBe(200);
    const body: PublicTourDto = res.json();
    expect(body.days[0].plan?.ok).toBe(true);
    expect(body.signupOpen).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/@/);
  });

  it("confirms while seats remain, then puts guests in line, and a cancellation gives the seat to the first in line", async () => {
    const tour = await created({ name: "Tournée des élus", capacity: 2 });
    expect((await signUp(tour.id, "Anne Élue")).json()).toEqual({ status: "confirmed", position: null });
    expect((await signUp(tour.id, "Bruno Journaliste", { category: "media" })).json()).toEqual({
      status: "confirmed",
      position: null,
    });
    expect((await signUp(tour.id, "Chloé Porteuse", { category: "project_holder" })).json()).toEqual({
      status: "waitlisted",
      position: 1,
    });
    expect((await signUp(tour.id, "David Caf", { category: "institution" })).json()).toEqual({
      status: "waitlisted",
      position: 2,
    });

    const dup = await signUp(tour.id, "Anne Élue");
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toMatch(/déjà inscrite/);

    const anne = await lastMailTo(mailOf("Anne Élue"));
    expect(anne?.subject).toBe("Inscription confirmée : Tournée des élus");
    const token = /annulation\/([\w-]+)/.exec(anne?.text ?? "")?.[1];
    expect(token).toBeTruthy();

    const cancel = await guest()("POST", "/api/public/tour-registrations/cancel", { token });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toEqual({ tourName: "Tournée des élus", alreadyCancelled: false });
    const twice = await guest()("POST", "/api/public/tour-registrations/cancel", { token });
    expect(twice.json().alreadyCancelled).toBe(true);

    const list: RegistrationListDto = (await referent()("GET", `${r(w)}/${tour.id}/registrations`)).json();
    expect(list.items.map((i) => [i.name, i.status, i.position])).toEqual([
      ["Anne Élue", "cancelled", null],
      ["Bruno Journaliste", "confirmed", null],
      ["Chloé Porteuse", "confirmed", null],
      ["David Caf", "waitlisted", 1],
    ]);
    expect((await lastMailTo(mailOf("Chloé Porteuse")))?.subject).toBe("Une place s'est libérée : Tournée des élus");

    // More seats: the line moves on.
    const more = await referent()("PUT", `${r(w)}/${tour.id}`, {
      name: "Tournée des élus",
      capacity: 3,
      visibility: "public",
      signupOpen: true,
    });
    expect(more.statusCode, more.body).toBe(200);
    expect((more.json() as TourDto).seats).toEqual({ capacity: 3, confirmed: 3, waitlisted: 0 });

    // The organiser cancels a guest: told by mail, and the seat is free again.
    const bruno = list.items.find((i) => i.name === "Bruno Journaliste")!;
    const removed = await referent()("DELETE", `${r(w)}/${tour.id}/registrations/${bruno.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await lastMailTo(mailOf("Bruno Journaliste")))?.subject).toBe("Inscription annulée : Tournée des élus");
    const again = await referent()("DELETE", `${r(w)}/${tour.id}/registrations/${bruno.id}`);
    expect(again.statusCode).toBe(409);
    expect((await guest()("GET", pub(w, tour.id))).json().seatsLeft).toBe(1);
  });

  it("refuses sign-ups when closed, with a clear message, and invalid ones field by field", async () => {
    const tour = await created({ name: "Tournée close", signupOpen: false });
    const closed = await signUp(tour.id, "Eva Élue");
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toBe("Les inscriptions à cette tournée sont closes.");
    const bad = await guest()("POST", `${pub(w, tourId)}/registrations`, {
      name: "",
      email: "pas-une-adresse",
      category: "elected",
      consent: false,
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().fields).sort()).toEqual(["consent", "email", "name"]);
  });

  it("a past tour takes no more sign-ups, and an unknown link is 404", async () => {
    const past = await created({ name: "Tournée passée", date: "2020-05-12" });
    expect((await signUp(past.id, "Fanny Élue")).statusCode).toBe(409);
    const res = await guest()("POST", "/api/public/tour-registrations/cancel", { token: "x".repeat(32) });
    expect(res.statusCode).toBe(404);
  });

  it("calling a tour off tells its guests", async () => {
    const tour = await created({ name: "Tournée annulée", capacity: 5 });
    await signUp(tour.id, "Gilles Maire");
    const res = await coordinator()("DELETE", `${r(w)}/${tour.id}`);
    expect(res.statusCode).toBe(204);
    expect((await lastMailTo(mailOf("Gilles Maire")))?.subject).toBe("Annulation : Tournée annulée");
    expect((await guest()("GET", pub(w, tour.id))).statusCode).toBe(404);
  });
});
