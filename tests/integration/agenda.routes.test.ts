import { afterAll, beforeAll, describe, expect } from "vitest";
import { insertEvent } from "../../src/server/modules/agenda/events.store.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
/** An event of memberA (with its referent), one of the other consortium, and a draft. */
let eventA: string;
let eventB: string;
let otherEvent: string;
const c = (w: World) => `/api/consortia/${w.consortium.slug}/agenda`;

const eventBody = (w: World, over: Record<string, unknown> = {}) => ({
  title: "Atelier réparation de vélos",
  venue: "place",
  placeId: w.placeA.id,
  organizerIds: [w.memberA.id],
  start: "2027-02-10T14:00",
  end: "2027-02-10T17:00",
  audiences: ["families"],
  themes: ["mobilité"],
  visibility: "public",
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  const asCoordinator = as(t.app, w.users.coordinator);
  eventA = (await asCoordinator("POST", `${c(w)}/events`, eventBody(w))).json().id;
  eventB = (
    await asCoordinator(
      "POST",
      `${c(w)}/events`,
      eventBody(w, {
        title: "Soirée jeux",
        placeId: w.placeB.id,
        organizerIds: [w.memberB.id],
        start: "2027-02-12T19:00",
        end: "2027-02-12T22:00",
        audiences: ["youth"],
      }),
    )
  ).json().id;
  otherEvent = await t.db.transaction((tx) =>
    insertEvent(
      tx,
      w.other.consortium.id,
      {
        title: "Événement voisin",
        venue: "place",
        placeId: w.other.place.id,
        startsAt: new Date("2027-02-10T13:00:00Z"),
        endsAt: new Date("2027-02-10T15:00:00Z"),
        rrule: null,
      },
      [w.other.member.id],
    ),
  );
});
afterAll(() => t.close());
const ctx = { t: () => t, w: () => w };

describe("agenda routes", () => {
  describeRoute("agenda/events (window)", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/events?from=2027-02-01&to=2027-02-28`,
    invalid: { path: (w) => `${c(w)}/events?from=2027-02-01&to=février`, field: "to" },
    allowedAs: "partner",
    status: 200,
    check: (body) => {
      const titles = (body as { items: { title: string }[] }).items.map((i) => i.title);
      expect(titles).toEqual(["Atelier réparation de vélos", "Soirée jeux"]);
    },
  });
  describeRoute("agenda/events/:id", ctx, {
    method: "GET",
    path: () => `${c(w)}/events/${eventA}`,
    otherConsortiumPath: (w) => `${c(w)}/events/${otherEvent}`,
    allowedAs: "member",
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({ title: "Atelier réparation de vélos", start: "2027-02-10T14:00", end: "2027-02-10T17:00" }),
  });
  describeRoute("agenda/events (create)", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/events`,
    body: (w) =>
      eventBody(w, { title: "Permanence numérique", start: "2027-03-03T09:00", end: "2027-03-03T12:00", audiences: ["seniors"] }),
    invalid: { body: (w) => eventBody(w, { start: "2027-03-03T12:00", end: "2027-03-03T09:00" }), field: "end" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 201,
    check: (body) => expect(body).toMatchObject({ title: "Permanence numérique", organizers: [{ id: w.memberA.id }] }),
  });
  describeRoute("agenda/events/:id (update)", ctx, {
    method: "PATCH",
    path: () => `${c(w)}/events/${eventA}`,
    otherConsortiumPath: (w) => `${c(w)}/events/${otherEvent}`,
    body: () => ({ title: "Atelier réparation de vélos et trottinettes" }),
    invalid: { body: () => ({ capacity: 0 }), field: "capacity" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (body) => expect(body).toMatchObject({ title: "Atelier réparation de vélos et trottinettes", sequence: 1 }),
  });
  describeRoute("agenda/check", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/check`,
    body: (w) =>
      eventBody(w, {
        title: "Goûter jeux",
        placeId: w.placeB.id,
        start: "2027-02-12T20:00",
        end: "2027-02-12T21:30",
        audiences: ["youth"],
      }),
    invalid: { body: (w) => eventBody(w, { venue: "somewhere" }), field: "venue" },
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const warnings = body as { audience: { other: { eventId: string }; explanation: string }[] };
      expect(warnings.audience.map((x) => x.other.eventId)).toEqual([eventB]);
      expect(warnings.audience[0].explanation).toContain("jeunes");
    },
  });
  describeRoute("agenda/events/:id/co-organizers", ctx, {
    method: "POST",
    path: () => `${c(w)}/events/${eventB}/co-organizers`,
    otherConsortiumPath: (w) => `${c(w)}/events/${otherEvent}/co-organizers`,
    body: (w) => ({ organizationId: w.memberA.id }),
    invalid: { body: () => ({ organizationId: "pas-un-id" }), field: "organizationId" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (body) =>
      expect((body as { organizers: { id: string }[] }).organizers.map((o) => o.id).sort()).toEqual(
        [w.memberA.id, w.memberB.id].sort(),
      ),
  });
  describeRoute("agenda/reviews", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/reviews`,
    body: () => ({ kind: "duplicate", eventIds: [eventA, eventB], verdict: "distinct" }),
    invalid: { body: () => ({ kind: "duplicate", eventIds: [eventA], verdict: "distinct" }), field: "eventIds" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 204,
  });
  describeRoute("agenda/health", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/health?months=3`,
    invalid: { path: (w) => `${c(w)}/health?months=40`, field: "months" },
    allowedAs: "partner",
    status: 200,
    check: (body) => expect(body).toMatchObject({ clashes: expect.any(Array), duplicates: expect.any(Array) }),
  });
  describeRoute("agenda/balance", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/balance?from=2027-02-01&to=2027-02-28&dimension=place`,
    invalid: { path: (w) => `${c(w)}/balance?from=2027-02-01&to=2027-02-28&dimension=color`, field: "dimension" },
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const b = body as { weeks: string[]; rows: { label: string; counts: number[] }[] };
      expect(b.weeks[0]).toBe("2027-02-01");
      const atelier = b.rows.find((r) => r.label === "Atelier partagé");
      expect(atelier?.counts.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    },
  });
  describeRoute("agenda/suggest", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/suggest`,
    body: (w) => ({ audience: "families", placeId: w.placeA.id, from: "2027-02-08", to: "2027-02-14", durationMinutes: 120 }),
    invalid: {
      body: (w) => ({ audience: "families", placeId: w.placeA.id, from: "2027-02-08", to: "2027-02-14", durationMinutes: 5 }),
      field: "durationMinutes",
    },
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const { suggestions } = body as { suggestions: { startsAt: string; reasons: string[] }[] };
      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions[0].reasons.length).toBeGreaterThan(0);
    },
  });
  // Destructive cases last: they remove what the routes above read.
  describeRoute("agenda/events/:id/merge", ctx, {
    method: "POST",
    path: () => `${c(w)}/events/${eventA}/merge`,
    otherConsortiumPath: (w) => `${c(w)}/events/${otherEvent}/merge`,
    body: () => ({ duplicateId: eventB }),
    invalid: { body: () => ({}), field: "duplicateId" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (body) =>
      expect((body as { organizers: { id: string }[] }).organizers.map((o) => o.id).sort()).toEqual(
        [w.memberA.id, w.memberB.id].sort(),
      ),
  });
  describeRoute("agenda/events/:id (delete)", ctx, {
    method: "DELETE",
    path: () => `${c(w)}/events/${eventA}`,
    otherConsortiumPath: (w) => `${c(w)}/events/${otherEvent}`,
    invalid: { path: () => `${c(w)}/events/${eventA}?scope=some`, field: "scope" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 204,
  });
});
