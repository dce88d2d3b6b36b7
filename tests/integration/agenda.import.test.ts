import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, calendarSubscriptions, eventExceptions, eventOrganizers, events } from "../../src/server/db/schema/index.ts";
import { refreshDue, registerSubscriptionRefresher } from "../../src/server/modules/agenda/subscriptions.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
const c = (w: World) => `/api/consortia/${w.consortium.slug}/agenda`;
const fixture = (name: string) => fs.readFileSync(path.resolve("tests/fixtures/ics", name), "utf8");
const calendar = (...body: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//import//FR", ...body, "END:VCALENDAR"].join("\r\n");
const vevent = (uid: string, summary: string, start: string, ...more: string[]) => [
  "BEGIN:VEVENT",
  `UID:${uid}`,
  "DTSTAMP:20270101T000000Z",
  `SUMMARY:${summary}`,
  `DTSTART;TZID=Europe/Paris:${start}`,
  "DURATION:PT2H",
  ...more,
  "END:VEVENT",
];

// ---------------------------------------------------------------- a calendar server on the loopback

/** What /dynamic.ics answers; its ETag follows the text, so an unchanged text gives 304. */
const dynamic = { body: calendar(), status: 200 };
const received: Array<{ url: string; ifNoneMatch: string | undefined }> = [];
let server: http.Server;
let origin: string;
const etagOf = (text: string) => `"${Buffer.from(text).length}-${text.length % 97}-${text.slice(-40).replace(/\W/g, "")}"`;

let otherSubscription: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push({ url: req.url ?? "", ifNoneMatch: req.headers["if-none-match"] });
    if (req.url === "/nextcloud.ics") {
      res.writeHead(200, { "content-type": "text/calendar; charset=utf-8" }).end(fixture("nextcloud-paris.ics"));
    } else if (req.url?.startsWith("/dynamic.ics")) {
      if (dynamic.status !== 200) {
        res.writeHead(dynamic.status).end("panne");
        return;
      }
      const etag = etagOf(dynamic.body);
      if (req.headers["if-none-match"] === etag) res.writeHead(304).end();
      else res.writeHead(200, { "content-type": "text/calendar", etag }).end(dynamic.body);
    } else if (req.url === "/page.html") {
      res.writeHead(200, { "content-type": "text/html" }).end(fixture("not-a-calendar.html"));
    } else if (req.url === "/huge.ics") {
      res.writeHead(200, { "content-type": "text/calendar" }).end("X".repeat(2_100_000));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  const [sub] = await t.db
    .insert(calendarSubscriptions)
    .values({
      consortiumId: w.other.consortium.id,
      url: `${origin}/voisin.ics`,
      organizerId: w.other.member.id,
      // Not due during this file: the refresher test counts the subscriptions it reads.
      nextFetchAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  otherSubscription = sub.id;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});
const ctx = { t: () => t, w: () => w };

const eventsWithUid = (uid: string) =>
  t.db
    .select()
    .from(events)
    .where(and(eq(events.consortiumId, w.consortium.id), eq(events.uid, uid)));
const countEvents = async () => (await t.db.select({ id: events.id }).from(events)).length;
const subscriptionRow = async (id: string) =>
  (await t.db.select().from(calendarSubscriptions).where(eq(calendarSubscriptions.id, id)))[0];

// ---------------------------------------------------------------- the route matrix

describe("import routes", () => {
  describeRoute("agenda/import/preview", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/import/preview`,
    body: (w) => ({ content: fixture("nextcloud-paris.ics"), organizerId: w.memberA.id, placeId: w.placeA.id }),
    invalid: { body: (w) => ({ organizerId: w.memberA.id }), field: "content" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (body) => {
      const preview = body as {
        counts: Record<string, number>;
        rows: Array<{ uid: string; action: string; recurring: boolean }>;
      };
      expect(preview.counts).toEqual({ create: 3, update: 0, skip: 0 });
      expect(preview.rows.find((r) => r.uid === "repair-cafe-2027@cloud.example.org")).toMatchObject({
        action: "create",
        recurring: true,
      });
    },
  });
  describeRoute("agenda/import", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/import`,
    body: (w) => ({
      content: calendar(...vevent("matrix@test", "Import de la matrice", "20270905T100000")),
      organizerId: w.memberA.id,
    }),
    invalid: {
      body: (w) => ({ content: calendar(), url: `${origin}/dynamic.ics`, organizerId: w.memberA.id }),
      field: "content",
    },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (body) => expect(body).toEqual({ created: 1, updated: 0, skipped: 0, subscriptionId: null }),
  });
  describeRoute("agenda/subscriptions", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/subscriptions`,
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
    check: (body) => expect(body).toEqual([]),
  });
});

// ---------------------------------------------------------------- preview and commit

describe("importing a file", () => {
  const nextcloud = (w: World, over: Record<string, unknown> = {}) => ({
    content: fixture("nextcloud-paris.ics"),
    organizerId: w.memberA.id,
    placeId: w.placeA.id,
    visibility: "public",
    ...over,
  });

  it("previews without writing anything", async () => {
    const before = await countEvents();
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, nextcloud(w));
    expect(res.statusCode, res.body).toBe(200);
    expect(await countEvents()).toBe(before);
    const conference = res.json().rows.find((r: { uid: string }) => r.uid === "conference-2027@cloud.example.org");
    expect(conference).toEqual({
      uid: "conference-2027@cloud.example.org",
      action: "create",
      reason: null,
      title: "Conférence sur les communs",
      startsAt: "2027-05-20T12:00:00.000Z",
      endsAt: "2027-05-20T13:30:00.000Z",
      allDay: false,
      recurring: false,
      duplicates: [],
    });
  });

  it("imports in one go: organiser, place, visibility, themes, and the series' cancelled and moved dates", async () => {
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, nextcloud(w));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, skipped: 0, subscriptionId: null });
    const [series] = await eventsWithUid("repair-cafe-2027@cloud.example.org");
    expect(series).toMatchObject({
      title: "Repair café",
      venue: "place",
      placeId: w.placeA.id,
      venueName: "Atelier du Quartier, 4 rue des Lilas, Lyon",
      visibility: "public",
      rrule: "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270415T163000Z",
      themes: ["réparation", "zéro déchet"],
      subscriptionId: null,
      createdBy: w.users.referentA.id,
    });
    const organizers = await t.db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, series.id));
    expect(organizers.map((o) => o.organizationId)).toEqual([w.memberA.id]);
    const exceptions = await t.db.select().from(eventExceptions).where(eq(eventExceptions.eventId, series.id));
    expect(exceptions.map((x) => [x.originalStart.toISOString(), x.cancelled, x.title]).sort()).toEqual([
      ["2027-03-25T17:30:00.000Z", true, null],
      ["2027-04-01T16:30:00.000Z", false, "Repair café spécial vélos"],
      ["2027-04-08T16:30:00.000Z", true, null],
    ]);
    // The agenda shows the series as the source does: five Thursdays, one cancelled, one moved to Friday.
    const window = await as(t.app, w.users.member)("GET", `${c(w)}/events?from=2027-03-01&to=2027-04-30`);
    const shown = window
      .json()
      .items.filter((i: { eventId: string; status: string }) => i.eventId === series.id && i.status !== "cancelled")
      .map((i: { startsAt: string }) => i.startsAt);
    expect(shown).toEqual([
      "2027-03-11T17:30:00.000Z",
      "2027-03-18T17:30:00.000Z",
      "2027-04-02T16:00:00.000Z",
      "2027-04-15T16:30:00.000Z",
    ]);
    const [log] = await t.db.select().from(activities).where(eq(activities.action, "agenda.import"));
    expect(log.summary).toContain("importe");
  });

  it("finds the same events again by UID: unchanged ones are skipped, changed ones updated, never duplicated", async () => {
    const again = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, nextcloud(w));
    expect(again.json().counts).toEqual({ create: 0, update: 0, skip: 3 });
    expect(again.json().rows[0].reason).toBe("Inchangé depuis le dernier import");

    const changed = fixture("nextcloud-paris.ics")
      .replace("SUMMARY:Conférence sur les communs", "SUMMARY:Conférence sur les communs numériques")
      .replace("DTSTART;TZID=Europe/Paris:20270520T140000", "DTSTART;TZID=Europe/Paris:20270520T150000");
    const preview = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, nextcloud(w, { content: changed }));
    const row = preview.json().rows.find((r: { uid: string }) => r.uid === "conference-2027@cloud.example.org");
    expect(row.action).toBe("update");
    expect(row.reason).toBe("Modifié à la source : titre, horaires");

    const [before] = await eventsWithUid("conference-2027@cloud.example.org");
    const commit = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, nextcloud(w, { content: changed }));
    expect(commit.json()).toEqual({ created: 0, updated: 1, skipped: 2, subscriptionId: null });
    const after = await eventsWithUid("conference-2027@cloud.example.org");
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: before.id,
      title: "Conférence sur les communs numériques",
      sequence: before.sequence + 1,
    });
    expect(after[0].startsAt.toISOString()).toBe("2027-05-20T13:00:00.000Z");
  });

  it("updates an event the source says it modified since the last import, even with the same fields", async () => {
    const content = (...more: string[]) => calendar(...vevent("stamped@test", "Atelier horodaté", "20270912T100000", ...more));
    const first = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, { content: content(), organizerId: w.memberA.id });
    expect(first.json().created).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const stamp = `${new Date().toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, {
      content: content(`LAST-MODIFIED:${stamp}`),
      organizerId: w.memberA.id,
    });
    expect(res.json().rows[0]).toMatchObject({ action: "update", reason: "Modifié à la source" });
  });

  it("leaves out the UIDs the person chose to skip", async () => {
    const content = calendar(
      ...vevent("choice-1@test", "Premier choix", "20270910T100000"),
      ...vevent("choice-2@test", "Second choix", "20270911T100000"),
    );
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, {
      content,
      organizerId: w.memberA.id,
      skipUids: ["choice-2@test"],
    });
    expect(res.json()).toEqual({ created: 1, updated: 0, skipped: 1, subscriptionId: null });
    expect(await eventsWithUid("choice-1@test")).toHaveLength(1);
    expect(await eventsWithUid("choice-2@test")).toHaveLength(0);
  });

  it("skips events over for more than a year, cancellations of unknown events, and the agenda's own events", async () => {
    const native = await as(t.app, w.users.coordinator)("POST", `${c(w)}/events`, {
      title: "Fête du réseau",
      venue: "place",
      placeId: w.placeA.id,
      organizerIds: [w.memberA.id],
      start: "2027-09-25T15:00",
      end: "2027-09-25T23:00",
      visibility: "public",
    });
    expect(native.statusCode, native.body).toBe(201);
    const own = await t.app.inject({ method: "GET", url: `/ics/${w.consortium.slug}.ics` });
    const ownPreview = await as(t.app, w.users.coordinator)("POST", `${c(w)}/import/preview`, {
      content: own.body,
      organizerId: w.memberA.id,
    });
    expect(ownPreview.json().rows.find((r: { uid: string }) => r.uid === native.json().uid)).toMatchObject({
      action: "skip",
      reason: "Événement publié dans cet agenda : il revient par un flux",
    });
    expect(ownPreview.json().counts.create).toBe(0);

    const content = calendar(
      ...vevent("old@test", "Vieux souvenir", "20200110T100000"),
      ...vevent("gone@test", "Annulé d'avance", "20270915T100000", "STATUS:CANCELLED"),
    );
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, { content, organizerId: w.memberA.id });
    expect(res.json().rows.map((r: { uid: string; action: string; reason: string }) => [r.uid, r.action, r.reason])).toEqual([
      ["old@test", "skip", "Terminé depuis plus d'un an"],
      ["gone@test", "skip", "Annulé à la source, et absent de l'agenda"],
    ]);
  });

  it("does not overwrite another organiser's event with the same UID", async () => {
    const content = calendar(...vevent("hangar@test", "Soirée du Hangar", "20270920T190000"));
    const first = await as(t.app, w.users.coordinator)("POST", `${c(w)}/import`, { content, organizerId: w.memberB.id });
    expect(first.json().created).toBe(1);
    const changed = calendar(...vevent("hangar@test", "Soirée reprise par un autre", "20270920T190000"));
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, {
      content: changed,
      organizerId: w.memberA.id,
    });
    expect(res.json().rows[0]).toMatchObject({ action: "skip", reason: "Déjà dans l'agenda, publié par une autre structure" });
  });

  it("warns about an event that looks like one already in the agenda", async () => {
    const existing = await as(t.app, w.users.coordinator)("POST", `${c(w)}/events`, {
      title: "Grande braderie solidaire",
      venue: "place",
      placeId: w.placeB.id,
      organizerIds: [w.memberB.id],
      start: "2027-10-02T10:00",
      end: "2027-10-02T17:00",
      visibility: "public",
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const content = calendar(
      "BEGIN:VEVENT",
      "UID:braderie@elsewhere.example.org",
      "SUMMARY:Grande braderie solidaire !",
      "DTSTART;TZID=Europe/Paris:20271002T100000",
      "DTEND;TZID=Europe/Paris:20271002T170000",
      "END:VEVENT",
    );
    const res = await as(t.app, w.users.coordinator)("POST", `${c(w)}/import/preview`, {
      content,
      organizerId: w.memberA.id,
      placeId: w.placeB.id,
    });
    const [row] = res.json().rows;
    expect(row.action).toBe("create");
    expect(row.duplicates.map((d: { other: { eventId: string } }) => d.other.eventId)).toEqual([existing.json().id]);
    expect(row.duplicates[0].kind).toBe("duplicate");
  });

  it("refuses a referent importing for another organisation, and unknown organiser or place", async () => {
    const content = fixture("nextcloud-paris.ics");
    const forbidden = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, {
      content,
      organizerId: w.memberB.id,
    });
    expect(forbidden.statusCode).toBe(403);
    const otherOrg = await as(t.app, w.users.coordinator)("POST", `${c(w)}/import/preview`, {
      content,
      organizerId: w.other.member.id,
    });
    expect(otherOrg.statusCode).toBe(422);
    expect(otherOrg.json().fields).toEqual({ organizerId: "Structure introuvable dans ce consortium" });
    const otherPlace = await as(t.app, w.users.coordinator)("POST", `${c(w)}/import/preview`, {
      content,
      organizerId: w.memberA.id,
      placeId: w.other.place.id,
    });
    expect(otherPlace.json().fields).toEqual({ placeId: "Lieu introuvable dans ce consortium" });
  });

  it("explains in French, on the field at fault, what cannot be read", async () => {
    const bad = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, {
      content: "bonjour",
      organizerId: w.memberA.id,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.content).toMatch(/n'est pas un calendrier iCalendar/);
    for (const [file, message] of [
      ["page.html", /n'est pas un calendrier iCalendar/],
      ["absent.ics", /HTTP 404/],
      ["huge.ics", /dépasse 2 Mo/],
    ] as const) {
      const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import/preview`, {
        url: `${origin}/${file}`,
        organizerId: w.memberA.id,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().fields.url).toMatch(message);
    }
  });
});

// ---------------------------------------------------------------- subscriptions

describe("subscribing to an address", () => {
  let subscriptionId: string;
  const v1 = calendar(
    "REFRESH-INTERVAL;VALUE=DURATION:PT30M",
    ...vevent("feed-a@source", "Atelier couture", "20271004T140000"),
    ...vevent("feed-b@source", "Club lecture", "20271005T180000", "RRULE:FREQ=WEEKLY;COUNT=4"),
  );

  it("refuses to subscribe to a file, and imports an address with its refresh interval", async () => {
    const file = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, {
      content: v1,
      organizerId: w.memberA.id,
      subscribe: true,
    });
    expect(file.statusCode).toBe(422);
    expect(Object.keys(file.json().fields)).toEqual(["subscribe"]);

    dynamic.body = v1;
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, {
      url: `${origin}/dynamic.ics`,
      organizerId: w.memberA.id,
      subscribe: true,
      visibility: "public",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    subscriptionId = res.json().subscriptionId;
    const sub = await subscriptionRow(subscriptionId);
    expect(sub).toMatchObject({ refreshMinutes: 30, lastStatus: "ok", failures: 0, etag: etagOf(v1) });
    const [a] = await eventsWithUid("feed-a@source");
    expect(a).toMatchObject({ subscriptionId, visibility: "public", venue: "partner", placeId: null });

    const list = await as(t.app, w.users.referentA)("GET", `${c(w)}/subscriptions`);
    expect(list.json()).toEqual([
      expect.objectContaining({
        id: subscriptionId,
        url: `${origin}/dynamic.ics`,
        organizerId: w.memberA.id,
        organizerName: "La Fabrique des Économies",
        refreshMinutes: 30,
        lastStatus: "ok",
        lastError: null,
        abilities: { refresh: true, delete: true },
      }),
    ]);
    const twice = await as(t.app, w.users.referentA)("POST", `${c(w)}/import`, {
      url: `${origin}/dynamic.ics`,
      organizerId: w.memberA.id,
      subscribe: true,
    });
    expect(twice.statusCode).toBe(409);
  });

  it("brings the subscription's events in line with the source, and touches nothing else", async () => {
    const typed = await as(t.app, w.users.referentA)("POST", `${c(w)}/events`, {
      title: "Événement saisi à la main",
      venue: "online",
      onlineUrl: "https://visio.example.org/salle",
      organizerIds: [w.memberA.id],
      start: "2027-10-06T18:00",
      end: "2027-10-06T19:00",
    });
    expect(typed.statusCode, typed.body).toBe(201);
    const [a] = await eventsWithUid("feed-a@source");
    dynamic.body = calendar(
      ...vevent("feed-a@source", "Atelier couture et retouches", "20271004T140000"),
      ...vevent("feed-c@source", "Repas partagé", "20271008T120000"),
    );
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/subscriptions/${subscriptionId}/refresh`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: subscriptionId, lastStatus: "ok", lastError: null, refreshMinutes: 60 });
    const [a2] = await eventsWithUid("feed-a@source");
    expect(a2).toMatchObject({ id: a.id, title: "Atelier couture et retouches", subscriptionId });
    expect(await eventsWithUid("feed-b@source")).toHaveLength(0);
    expect(await eventsWithUid("feed-c@source")).toHaveLength(1);
    expect(await eventsWithUid(`${typed.json().id}@maillage`)).toHaveLength(1);
    expect(await eventsWithUid("choice-1@test")).toHaveLength(1);
  });

  it("sends the ETag it holds and changes nothing on 304", async () => {
    const before = await subscriptionRow(subscriptionId);
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/subscriptions/${subscriptionId}/refresh`);
    expect(res.json().lastStatus).toBe("ok");
    const last = received.filter((r) => r.url === "/dynamic.ics").at(-1);
    expect(last?.ifNoneMatch).toBe(before.etag);
    expect((await subscriptionRow(subscriptionId)).etag).toBe(before.etag);
  });

  it("records failures with a French message and backs off exponentially, then recovers", async () => {
    dynamic.status = 500;
    const first = await as(t.app, w.users.referentA)("POST", `${c(w)}/subscriptions/${subscriptionId}/refresh`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      lastStatus: "error",
      lastError: "Le serveur de ce calendrier a répondu par une erreur (HTTP 500).",
    });
    const afterOne = await subscriptionRow(subscriptionId);
    expect(afterOne.failures).toBe(1);
    const wait1 = afterOne.nextFetchAt.getTime() - (afterOne.lastFetchedAt as Date).getTime();
    expect(wait1).toBe(2 * 60 * 60_000);
    await as(t.app, w.users.referentA)("POST", `${c(w)}/subscriptions/${subscriptionId}/refresh`);
    const afterTwo = await subscriptionRow(subscriptionId);
    expect(afterTwo.failures).toBe(2);
    expect(afterTwo.nextFetchAt.getTime() - (afterTwo.lastFetchedAt as Date).getTime()).toBe(4 * 60 * 60_000);
    expect(await eventsWithUid("feed-a@source")).toHaveLength(1);

    dynamic.status = 200;
    const ok = await as(t.app, w.users.referentA)("POST", `${c(w)}/subscriptions/${subscriptionId}/refresh`);
    expect(ok.json()).toMatchObject({ lastStatus: "ok", lastError: null });
    expect((await subscriptionRow(subscriptionId)).failures).toBe(0);
  });

  it("is refreshed by the periodic refresher when due, following the source's REFRESH-INTERVAL", async () => {
    dynamic.body = calendar(
      "REFRESH-INTERVAL;VALUE=DURATION:PT2H",
      ...vevent("feed-d@source", "Troc de graines", "20271012T100000"),
    );
    const now = new Date();
    await t.db
      .update(calendarSubscriptions)
      .set({ nextFetchAt: new Date(now.getTime() - 60_000) })
      .where(eq(calendarSubscriptions.id, subscriptionId));
    expect(await refreshDue(t.db, now)).toBe(1);
    const sub = await subscriptionRow(subscriptionId);
    expect(sub.refreshMinutes).toBe(120);
    expect(sub.nextFetchAt.getTime()).toBe(now.getTime() + 120 * 60_000);
    expect(await eventsWithUid("feed-d@source")).toHaveLength(1);
    expect(await eventsWithUid("feed-a@source")).toHaveLength(0);
    // Not due any more: nothing to do.
    expect(await refreshDue(t.db, now)).toBe(0);
  });

  describeRoute("agenda/subscriptions/:id/refresh", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/subscriptions/${subscriptionId}/refresh`,
    otherConsortiumPath: (w) => `${c(w)}/subscriptions/${otherSubscription}/refresh`,
    invalid: { path: (w) => `${c(w)}/subscriptions/pas-un-id/refresh`, field: "id" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect(body).toMatchObject({ id: subscriptionId, lastStatus: "ok" }),
  });

  it("lets a referent refresh only their organisation's subscriptions, and shows them only those", async () => {
    const [hangar] = await t.db
      .insert(calendarSubscriptions)
      .values({ consortiumId: w.consortium.id, url: `${origin}/hangar.ics`, organizerId: w.memberB.id })
      .returning();
    const res = await as(t.app, w.users.referentA)("POST", `${c(w)}/subscriptions/${hangar.id}/refresh`);
    expect(res.statusCode).toBe(403);
    const mine = await as(t.app, w.users.referentA)("GET", `${c(w)}/subscriptions`);
    expect(mine.json().map((s: { id: string }) => s.id)).toEqual([subscriptionId]);
    const all = await as(t.app, w.users.coordinator)("GET", `${c(w)}/subscriptions`);
    expect(
      all
        .json()
        .map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([subscriptionId, hangar.id].sort());
  });

  describeRoute("agenda/subscriptions/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${c(w)}/subscriptions/${subscriptionId}`,
    otherConsortiumPath: (w) => `${c(w)}/subscriptions/${otherSubscription}`,
    invalid: { path: (w) => `${c(w)}/subscriptions/pas-un-id`, field: "id" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 204,
  });

  it("leaves the events of a deleted subscription in the agenda, unlinked", async () => {
    expect(await subscriptionRow(subscriptionId)).toBeUndefined();
    const [d] = await eventsWithUid("feed-d@source");
    expect(d.subscriptionId).toBeNull();
    expect(await subscriptionRow(otherSubscription)).toBeDefined();
  });
});

describe("the periodic refresher", () => {
  it("starts with the server, refreshes what is due, and stops with it", async () => {
    dynamic.status = 200;
    dynamic.body = calendar(...vevent("ticked@source", "Rendez-vous du minuteur", "20271020T100000"));
    const [sub] = await t.db
      .insert(calendarSubscriptions)
      .values({
        consortiumId: w.consortium.id,
        url: `${origin}/dynamic.ics?minuteur`,
        organizerId: w.memberA.id,
        nextFetchAt: new Date(Date.now() - 1000),
      })
      .returning();
    const app = Fastify({ logger: false });
    registerSubscriptionRefresher(app, t.db, { enabled: true, everyMs: 50 });
    await app.ready();
    try {
      for (let i = 0; i < 100 && !(await subscriptionRow(sub.id)).lastFetchedAt; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await app.close();
    }
    expect(await subscriptionRow(sub.id)).toMatchObject({ lastStatus: "ok", failures: 0 });
    const [event] = await eventsWithUid("ticked@source");
    expect(event.subscriptionId).toBe(sub.id);
    // Closed: no more ticks, even with the subscription due again.
    await t.db
      .update(calendarSubscriptions)
      .set({ nextFetchAt: new Date(Date.now() - 1000), lastFetchedAt: null })
      .where(eq(calendarSubscriptions.id, sub.id));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await subscriptionRow(sub.id)).lastFetchedAt).toBeNull();
  });
});
