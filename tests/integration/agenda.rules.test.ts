import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences } from "../../src/server/db/schema/index.ts";
import { insertEvents } from "../../src/server/modules/agenda/events.store.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
});
afterAll(() => t.close());

const c = () => `/api/consortia/${w.consortium.slug}/agenda`;
const coordinator = () => as(t.app, w.users.coordinator);
const body = (over: Record<string, unknown> = {}) => ({
  title: "Atelier",
  venue: "place",
  placeId: w.placeA.id,
  organizerIds: [w.memberA.id],
  start: "2027-05-05T14:00",
  end: "2027-05-05T16:00",
  audiences: ["families"],
  visibility: "public",
  ...over,
});
async function create(over: Record<string, unknown>) {
  const res = await coordinator()("POST", `${c()}/events`, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; sequence: number };
}
async function windowOf(from: string, to: string, user = w.users.coordinator) {
  const res = await as(t.app, user)("GET", `${c()}/events?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<{ eventId: string; title: string; startsAt: string; status: string; occurrence: string }> };
}

describe("space", () => {
  it("refuses a space already taken, with the other event in the answer", async () => {
    const first = await create({
      title: "Découpe laser",
      spaceId: w.spaceA.id,
      start: "2027-05-03T10:00",
      end: "2027-05-03T12:00",
    });
    const res = await coordinator()(
      "POST",
      `${c()}/events`,
      body({
        title: "Réunion d'équipe",
        spaceId: w.spaceA.id,
        start: "2027-05-03T11:30",
        end: "2027-05-03T13:00",
        audiences: [],
      }),
    );
    expect(res.statusCode).toBe(409);
    const err = res.json();
    expect(err.fields.spaceId).toContain("déjà occupé");
    expect(err.details.space[0].other.eventId).toBe(first.id);
    expect(err.details.space[0].explanation).toContain("Découpe laser");
    // Back to back is fine: intervals are half-open.
    await create({
      title: "Réunion d'équipe",
      spaceId: w.spaceA.id,
      start: "2027-05-03T12:00",
      end: "2027-05-03T13:00",
      audiences: [],
    });
  });

  it("is enforced by the database even when the checks are bypassed", async () => {
    const [row] = await t.db.select().from(eventOccurrences).where(sql`space_id = ${w.spaceA.id}`).limit(1);
    await expect(
      t.db
        .insert(eventOccurrences)
        .values({ ...row, originalStart: new Date(row.originalStart.getTime() + 60_000), during: undefined } as never),
    ).rejects.toThrow();
  });

  it("frees the space of a cancelled event", async () => {
    const ev = await create({
      title: "Annulable",
      spaceId: w.spaceA.id,
      start: "2027-05-04T10:00",
      end: "2027-05-04T12:00",
      audiences: [],
    });
    const res = await coordinator()("PATCH", `${c()}/events/${ev.id}`, { status: "cancelled" });
    expect(res.statusCode, res.body).toBe(200);
    await create({
      title: "À la place",
      spaceId: w.spaceA.id,
      start: "2027-05-04T10:00",
      end: "2027-05-04T12:00",
      audiences: [],
    });
  });
});

describe("audience clash", () => {
  it("warns, then saves with a reason that is kept and no longer raised", async () => {
    const kids = await create({
      title: "Conte pour enfants",
      placeId: w.placeB.id,
      organizerIds: [w.memberB.id],
      start: "2027-05-12T15:00",
      end: "2027-05-12T16:30",
      audiences: ["families"],
    });
    const attempt = body({ title: "Jeux en famille", start: "2027-05-12T16:00", end: "2027-05-12T18:00" });
    const refused = await coordinator()("POST", `${c()}/events`, attempt);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.audience[0].other.eventId).toBe(kids.id);
    expect(refused.json().details.audience[0].explanation).toMatch(/familles.*au même moment/);
    const saved = await coordinator()("POST", `${c()}/events`, {
      ...attempt,
      acknowledge: { clashReason: "Publics d'âges différents" },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const health = (await coordinator()("GET", `${c()}/health?months=12`)).json();
    const pair = [kids.id, saved.json().id].sort();
    expect(
      health.clashes.some(
        (x: { a: { eventId: string }; b: { eventId: string } }) => [x.a.eventId, x.b.eventId].sort().join() === pair.join(),
      ),
    ).toBe(false);
  });

  it("lists a clash nobody answered on the health page, with what each reader may do about it", async () => {
    // Written behind the checks, as an import or an older rule would have left it.
    const ids = await t.db.transaction((tx) =>
      insertEvents(tx, w.consortium.id, [
        {
          values: {
            title: "Lecture au jardin",
            venue: "place",
            placeId: w.placeA.id,
            startsAt: new Date("2027-04-07T12:00:00Z"),
            endsAt: new Date("2027-04-07T14:00:00Z"),
            audiences: ["children"],
            visibility: "public",
          },
          organizerIds: [w.memberA.id],
        },
        {
          values: {
            title: "Atelier pâte à sel",
            venue: "place",
            placeId: w.placeB.id,
            startsAt: new Date("2027-04-07T13:00:00Z"),
            endsAt: new Date("2027-04-07T15:00:00Z"),
            audiences: ["children"],
            visibility: "public",
          },
          organizerIds: [w.memberB.id],
        },
      ]),
    );
    const find = (health: { clashes: Array<{ a: { eventId: string }; b: { eventId: string }; abilities: unknown }> }) =>
      health.clashes.find((x) => [x.a.eventId, x.b.eventId].sort().join() === [...ids].sort().join());
    const asMember = find((await as(t.app, w.users.member)("GET", `${c()}/health?months=12`)).json());
    expect(asMember?.abilities).toEqual({ review: false, merge: false });
    const asReferent = find((await as(t.app, w.users.referentA)("GET", `${c()}/health?months=12`)).json());
    // The referent organises one of the two: they may accept the clash, not fold the other's event into theirs.
    expect(asReferent?.abilities).toEqual({ review: true, merge: false });
    const accepted = await as(t.app, w.users.referentA)("POST", `${c()}/reviews`, {
      kind: "audience",
      eventIds: ids,
      verdict: "accepted",
      reason: "Deux tranches d'âge",
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    expect(find((await coordinator()("GET", `${c()}/health?months=12`)).json())).toBeUndefined();
  });

  it("counts the same evening as a clash even without overlap", async () => {
    await create({
      title: "Concert ados",
      placeId: w.placeB.id,
      organizerIds: [w.memberB.id],
      start: "2027-05-14T18:00",
      end: "2027-05-14T19:30",
      audiences: ["youth"],
    });
    const res = await coordinator()(
      "POST",
      `${c()}/check`,
      body({ title: "Tournoi de jeux vidéo", start: "2027-05-14T20:30", end: "2027-05-14T23:00", audiences: ["youth"] }),
    );
    expect(res.json().audience[0].explanation).toContain("le même soir");
  });
});

describe("duplicates", () => {
  it("offers to link a probable duplicate published by another place, or to declare it different", async () => {
    const original = await create({
      title: "Fête du vélo",
      placeId: w.placeB.id,
      organizerIds: [w.memberB.id],
      start: "2027-06-05T10:00",
      end: "2027-06-05T17:00",
      audiences: ["general_public"],
    });
    const copy = body({
      title: "Fête du vélo !",
      start: "2027-06-05T10:00",
      end: "2027-06-05T18:00",
      audiences: ["general_public"],
    });
    const refused = await coordinator()("POST", `${c()}/events`, copy);
    expect(refused.statusCode).toBe(409);
    const dup = refused.json().details.duplicates[0];
    expect(dup.other.eventId).toBe(original.id);
    expect(dup.score).toBeGreaterThan(0.6);
    // "Link as co-organised": memberA joins the existing event; no second event exists.
    const linked = await as(t.app, w.users.referentA)("POST", `${c()}/events/${original.id}/co-organizers`, {
      organizationId: w.memberA.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const day = await windowOf("2027-06-05", "2027-06-05");
    expect(day.items.filter((i) => i.title.startsWith("Fête du vélo"))).toHaveLength(1);
    // "It's a different event": saved (the same audience at the same time needs its reason too), and the
    // pair is not raised again.
    const distinct = await coordinator()("POST", `${c()}/events`, {
      ...copy,
      acknowledge: { notDuplicateOf: [original.id], clashReason: "Deux parcours différents ce jour-là" },
    });
    expect(distinct.statusCode, distinct.body).toBe(201);
    const check = await coordinator()("POST", `${c()}/check`, { ...copy, eventId: distinct.json().id });
    expect(check.json().duplicates).toEqual([]);
  });

  it("does not take a weekly series of one organiser for duplicates of itself", async () => {
    const res = await coordinator()(
      "POST",
      `${c()}/events`,
      body({
        title: "Café réparation",
        start: "2027-07-01T18:00",
        end: "2027-07-01T20:00",
        audiences: ["seniors"],
        recurrence: { frequency: "weekly", count: 4 },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe("series", () => {
  it("keeps wall-clock time across the spring and autumn changes", async () => {
    const series = await create({
      title: "Chorale",
      start: "2027-03-17T19:00",
      end: "2027-03-17T21:00",
      audiences: ["seniors"],
      recurrence: { frequency: "weekly", count: 3 },
    });
    const march = await windowOf("2027-03-15", "2027-04-05");
    const starts = march.items.filter((i) => i.eventId === series.id).map((i) => i.startsAt);
    // 19:00 in Paris is 18:00Z before the last Sunday of March and 17:00Z after it.
    expect(starts).toEqual(["2027-03-17T18:00:00.000Z", "2027-03-24T18:00:00.000Z", "2027-03-31T17:00:00.000Z"]);
    const autumn = await create({
      title: "Yoga du dimanche",
      start: "2027-10-24T10:00",
      end: "2027-10-24T11:00",
      audiences: ["seniors"],
      recurrence: { frequency: "weekly", count: 2 },
    });
    const october = await windowOf("2027-10-20", "2027-11-05");
    expect(october.items.filter((i) => i.eventId === autumn.id).map((i) => i.startsAt)).toEqual([
      "2027-10-24T08:00:00.000Z",
      "2027-10-31T09:00:00.000Z",
    ]);
  });

  it("refuses a time that does not exist in Paris", async () => {
    const res = await coordinator()("POST", `${c()}/events`, body({ start: "2027-03-28T02:30", end: "2027-03-28T04:00" }));
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.start).toContain("heure d'été");
  });

  it("cancels one occurrence, moves another, then edits this and following", async () => {
    const series = await create({
      title: "Atelier couture",
      start: "2027-09-06T14:00",
      end: "2027-09-06T16:00",
      audiences: ["seniors"],
      recurrence: { frequency: "weekly", count: 6 },
    });
    const before = (await windowOf("2027-09-01", "2027-10-31")).items.filter((i) => i.eventId === series.id);
    expect(before).toHaveLength(6);
    const cancel = await coordinator()("PATCH", `${c()}/events/${series.id}`, {
      scope: "one",
      occurrence: before[1].occurrence,
      status: "cancelled",
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const move = await coordinator()("PATCH", `${c()}/events/${series.id}`, {
      scope: "one",
      occurrence: before[2].occurrence,
      start: "2027-09-21T15:00",
      end: "2027-09-21T17:00",
    });
    expect(move.statusCode, move.body).toBe(200);
    expect(move.json().exceptions).toHaveLength(2);
    const refused = await coordinator()("PATCH", `${c()}/events/${series.id}`, {
      scope: "one",
      occurrence: before[2].occurrence,
      audiences: ["youth"],
    });
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().fields)).toContain("audiences");

    const after = (await windowOf("2027-09-01", "2027-10-31")).items.filter((i) => i.eventId === series.id);
    expect(after.map((i) => i.status)).toEqual(["confirmed", "cancelled", "confirmed", "confirmed", "confirmed", "confirmed"]);
    expect(after[2].startsAt).toBe("2027-09-21T13:00:00.000Z");

    const split = await coordinator()("PATCH", `${c()}/events/${series.id}`, {
      scope: "following",
      occurrence: before[4].occurrence,
      title: "Atelier couture avancé",
    });
    expect(split.statusCode, split.body).toBe(200);
    const tail = split.json();
    expect(tail.id).not.toBe(series.id);
    expect(tail.recurrence).toMatchObject({ frequency: "weekly", count: 2 });
    const all = (await windowOf("2027-09-01", "2027-10-31")).items.filter((i) => i.title.startsWith("Atelier couture"));
    expect(all.map((i) => i.title)).toEqual([
      "Atelier couture",
      "Atelier couture",
      "Atelier couture",
      "Atelier couture",
      "Atelier couture avancé",
      "Atelier couture avancé",
    ]);
    const head = (await coordinator()("GET", `${c()}/events/${series.id}`)).json();
    expect(head.sequence).toBeGreaterThan(series.sequence);
  });

  it("deletes this and following by ending the series", async () => {
    const series = await create({
      title: "Marche nordique",
      start: "2027-11-02T09:00",
      end: "2027-11-02T10:30",
      audiences: ["seniors"],
      recurrence: { frequency: "weekly", count: 5 },
    });
    const items = (await windowOf("2027-11-01", "2027-12-15")).items.filter((i) => i.eventId === series.id);
    const res = await coordinator()(
      "DELETE",
      `${c()}/events/${series.id}?scope=following&occurrence=${encodeURIComponent(items[3].occurrence)}`,
    );
    expect(res.statusCode, res.body).toBe(204);
    expect((await windowOf("2027-11-01", "2027-12-15")).items.filter((i) => i.eventId === series.id)).toHaveLength(3);
  });
});

describe("visibility and cache", () => {
  it("tells the web app who may publish", async () => {
    const abilities = async (user: (typeof w.users)[keyof typeof w.users]) =>
      (await as(t.app, user)("GET", `/api/consortia/${w.consortium.slug}`)).json().abilities;
    expect((await abilities(w.users.referentA)).createEvent).toBe(true);
    expect((await abilities(w.users.member)).createEvent).toBe(false);
    expect((await abilities(w.users.partner)).createEvent).toBe(false);
  });

  it("shows drafts to coordinators and organisers only", async () => {
    const draft = await create({
      title: "Projet de programme",
      start: "2027-08-02T10:00",
      end: "2027-08-02T11:00",
      visibility: "draft",
    });
    const ids = async (user: (typeof w.users)[keyof typeof w.users]) =>
      (await windowOf("2027-08-01", "2027-08-03", user)).items.map((i) => i.eventId);
    expect(await ids(w.users.coordinator)).toContain(draft.id);
    expect(await ids(w.users.referentA)).toContain(draft.id);
    expect(await ids(w.users.member)).not.toContain(draft.id);
    expect((await as(t.app, w.users.member)("GET", `${c()}/events/${draft.id}`)).statusCode).toBe(404);
  });

  it("never serves a window older than the last change, even one made behind the app's back", async () => {
    const first = await windowOf("2027-08-10", "2027-08-10");
    const ev = await create({
      title: "Apéro du réseau",
      start: "2027-08-10T18:00",
      end: "2027-08-10T20:00",
      audiences: ["professionals"],
    });
    const second = await windowOf("2027-08-10", "2027-08-10");
    expect(second.items.length).toBe(first.items.length + 1);
    await t.db.execute(sql`update event_occurrences set status = 'tentative' where event_id = ${ev.id}`);
    const third = await windowOf("2027-08-10", "2027-08-10");
    expect(third.items.find((i) => i.eventId === ev.id)?.status).toBe("tentative");
  });

  it("answers 304 to a client that holds the current window", async () => {
    const url = `${c()}/events?from=2027-08-01&to=2027-08-31`;
    const res = await coordinator()("GET", url);
    const again = await t.app.inject({
      method: "GET",
      url,
      headers: { cookie: w.users.coordinator.cookie, "if-none-match": res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it("refuses a window longer than 400 days", async () => {
    const res = await coordinator()("GET", `${c()}/events?from=2027-01-01&to=2028-12-31`);
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.to).toBeDefined();
  });
});
