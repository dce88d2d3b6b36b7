import { eq } from "drizzle-orm";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consortiumAccounts, people } from "../../src/server/db/schema/index.ts";
import { insertEvent } from "../../src/server/modules/agenda/events.store.ts";
import { parseCalendar } from "../../src/server/modules/agenda/ics/parse.ts";
import { addDays, parisDate } from "../../src/shared/agenda/time.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
const c = (w: World) => `/api/consortia/${w.consortium.slug}/agenda`;
const today = parisDate(new Date());
/** A Paris wall time some days from today, so the feeds' windows (a year back, RSS a season ahead) keep them. */
const on = (days: number, time: string) => `${addDays(today, days)}T${time}`;

const ids: Record<string, string> = {};

const event = (w: World, over: Record<string, unknown>) => ({
  venue: "place",
  placeId: w.placeA.id,
  organizerIds: [w.memberA.id],
  start: on(20, "14:00"),
  end: on(20, "17:00"),
  audiences: [],
  themes: [],
  visibility: "public",
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  const coordinator = as(t.app, w.users.coordinator);
  const create = async (key: string, body: Record<string, unknown>) => {
    const res = await coordinator("POST", `${c(w)}/events`, body);
    if (res.statusCode !== 201) throw new Error(`${key}: ${res.statusCode} ${res.body}`);
    ids[key] = res.json().id;
  };
  await create("public", event(w, { title: "Atelier, réparation; vélos", description: "Apportez vos outils.", price: "5 €" }));
  await create(
    "internal",
    event(w, {
      title: "Réunion interne",
      placeId: w.placeB.id,
      organizerIds: [w.memberB.id],
      visibility: "consortium",
      start: on(21, "09:00"),
      end: on(21, "10:00"),
    }),
  );
  await create(
    "draft",
    event(w, { title: "Projet de soirée", visibility: "draft", start: on(22, "19:00"), end: on(22, "21:00") }),
  );
  await create(
    "series",
    event(w, {
      title: "Permanence numérique",
      placeId: w.placeB.id,
      organizerIds: [w.memberB.id],
      start: on(7, "10:00"),
      end: on(7, "12:00"),
      recurrence: { frequency: "weekly", count: 4 },
    }),
  );
  await create(
    "fair",
    event(w, { title: "Foire aux plantes", allDay: true, start: addDays(today, 30), end: addDays(today, 31) }),
  );
  // The series' second date is cancelled, its third moved by an hour.
  const occurrences = (await coordinator("GET", `${c(w)}/events/${ids.series}`)).json();
  const series = await coordinator("GET", `${c(w)}/events?from=${today}&to=${addDays(today, 40)}`);
  const dates = series
    .json()
    .items.filter((i: { eventId: string }) => i.eventId === ids.series)
    .map((i: { occurrence: string }) => i.occurrence);
  expect(occurrences.title).toBe("Permanence numérique");
  expect(dates).toHaveLength(4);
  const cancel = await coordinator("DELETE", `${c(w)}/events/${ids.series}?scope=one&occurrence=${encodeURIComponent(dates[1])}`);
  expect(cancel.statusCode, cancel.body).toBe(204);
  const move = await coordinator("PATCH", `${c(w)}/events/${ids.series}`, {
    scope: "one",
    occurrence: dates[2],
    start: on(21, "11:00"),
    end: on(21, "13:00"),
    title: "Permanence numérique (décalée)",
  });
  expect(move.statusCode, move.body).toBe(200);
  ids.seriesDates = JSON.stringify(dates);

  // Another consortium's public event, which no feed of this one may show.
  await t.db.transaction((tx) =>
    insertEvent(
      tx,
      w.other.consortium.id,
      {
        title: "Événement voisin",
        venue: "place",
        placeId: w.other.place.id,
        startsAt: new Date(Date.now() + 10 * 86_400_000),
        endsAt: new Date(Date.now() + 10 * 86_400_000 + 3_600_000),
        rrule: null,
        visibility: "public",
      },
      [w.other.member.id],
    ),
  );
});
afterAll(() => t.close());
const ctx = { t: () => t, w: () => w };

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });
const titles = (text: string) => parseCalendar(text).map((e) => e.title);

describe("public feed /ics/:slug.ics", () => {
  it("serves the consortium's public events as text/calendar, without session", async () => {
    const res = await get(`/ics/${w.consortium.slug}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(Number.isNaN(Date.parse(String(res.headers["last-modified"])))).toBe(false);
    expect(res.body).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(res.body).toContain("BEGIN:VTIMEZONE");
    expect(titles(res.body).sort()).toEqual(["Atelier, réparation; vélos", "Foire aux plantes", "Permanence numérique"]);
    expect(res.body).not.toContain("Réunion interne");
    expect(res.body).not.toContain("Projet de soirée");
    expect(res.body).not.toContain("Événement voisin");
  });

  it("writes place, organisers, price, the series' EXDATE and its moved occurrence, readable by node-ical", async () => {
    const res = await get(`/ics/${w.consortium.slug}.ics`);
    const data = ical.sync.parseICS(res.body);
    const workshop = data[`${ids.public}@maillage`] as VEvent;
    expect(workshop.summary).toBe("Atelier, réparation; vélos");
    expect(workshop.location).toContain("Atelier partagé");
    expect(workshop.description).toContain("Apportez vos outils.");
    expect(workshop.description).toContain("Tarif : 5 €");
    expect(workshop.description).toContain("Organisation : La Fabrique des Économies");
    expect(workshop.start.tz).toBe("Europe/Paris");

    const dates = JSON.parse(ids.seriesDates) as string[];
    const series = data[`${ids.series}@maillage`] as VEvent;
    const instances = ical.expandRecurringEvent(series, {
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 60 * 86_400_000),
    });
    expect(instances.map((i) => i.start.toISOString())).toEqual([
      dates[0],
      new Date(new Date(dates[2]).getTime() + 3_600_000).toISOString(),
      dates[3],
    ]);
    expect(instances[1].summary).toBe("Permanence numérique (décalée)");

    const fair = parseCalendar(res.body).find((e) => e.title === "Foire aux plantes");
    expect(fair?.allDay).toBe(true);
    expect(res.body).toContain(`DTSTART;VALUE=DATE:${addDays(today, 30).replaceAll("-", "")}`);
    expect(res.body).toContain(`DTEND;VALUE=DATE:${addDays(today, 32).replaceAll("-", "")}`);
  });

  it("answers 304 to If-None-Match and If-Modified-Since while nothing changed", async () => {
    const first = await get(`/ics/${w.consortium.slug}.ics`);
    const etag = String(first.headers.etag);
    const again = await get(`/ics/${w.consortium.slug}.ics`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const since = await get(`/ics/${w.consortium.slug}.ics`, { "if-modified-since": String(first.headers["last-modified"]) });
    expect(since.statusCode).toBe(304);
    const other = await get(`/ics/${w.consortium.slug}.ics`, { "if-none-match": '"something-else"' });
    expect(other.statusCode).toBe(200);
  });

  it("serves a change at once: the cached text is dropped when the agenda version moves", async () => {
    const before = await get(`/ics/${w.consortium.slug}.ics`);
    const patch = await as(t.app, w.users.coordinator)("PATCH", `${c(w)}/events/${ids.public}`, {
      title: "Atelier vélo renommé",
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = await get(`/ics/${w.consortium.slug}.ics`, { "if-none-match": String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(titles(after.body)).toContain("Atelier vélo renommé");
    expect(after.body).toMatch(/SEQUENCE:1\r\n/);
  });

  it("answers 404 for an unknown consortium", async () => {
    const res = await get("/ics/pas-de-reseau.ics");
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
  });
});

describe("place feed /ics/:slug/places/:placeSlug.ics", () => {
  it("holds one place's public events", async () => {
    const a = await get(`/ics/${w.consortium.slug}/places/${w.placeA.slug}.ics`);
    expect(a.statusCode).toBe(200);
    expect(titles(a.body).sort()).toEqual(["Atelier vélo renommé", "Foire aux plantes"]);
    const b = await get(`/ics/${w.consortium.slug}/places/${w.placeB.slug}.ics`);
    expect(titles(b.body)).toEqual(["Permanence numérique"]);
  });

  it("answers 404 for an unknown place, or a place of another consortium", async () => {
    expect((await get(`/ics/${w.consortium.slug}/places/nulle-part.ics`)).statusCode).toBe(404);
    expect((await get(`/ics/${w.consortium.slug}/places/${w.other.place.slug}.ics`)).statusCode).toBe(404);
  });
});

describe("public agenda /api/public/:slug/agenda", () => {
  const url = (w: World, query = `from=${today}&to=${addDays(today, 40)}`) => `/api/public/${w.consortium.slug}/agenda?${query}`;

  it("serves public events only, with their details and the feed address, without session", async () => {
    const res = await get(url(w));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.consortium).toEqual({ slug: w.consortium.slug, name: w.consortium.name });
    const shown = new Set(body.items.map((i: { title: string }) => i.title));
    expect([...shown].sort()).toEqual(
      ["Atelier vélo renommé", "Foire aux plantes", "Permanence numérique", "Permanence numérique (décalée)"].sort(),
    );
    expect(body.items[0]).not.toHaveProperty("visibility");
    expect(body.details[ids.public]).toEqual({ description: "Apportez vos outils.", price: "5 €" });
    expect(body.feed).toBe(`http://localhost:3000/ics/${w.consortium.slug}.ics`);
    expect(body.places.map((p: { name: string }) => p.name)).toContain("Atelier partagé");
  });

  it("filters by place and answers 304 to its ETag", async () => {
    const res = await get(url(w, `from=${today}&to=${addDays(today, 40)}&placeId=${w.placeB.id}`));
    expect(new Set(res.json().items.map((i: { placeId: string }) => i.placeId))).toEqual(new Set([w.placeB.id]));
    const again = await get(url(w, `from=${today}&to=${addDays(today, 40)}&placeId=${w.placeB.id}`), {
      "if-none-match": String(res.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it("answers 422 naming the field for a bad date, and 404 for an unknown consortium", async () => {
    const bad = await get(url(w, `from=${today}&to=demain`));
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().fields)).toContain("to");
    expect((await get(`/api/public/inconnu/agenda?from=${today}&to=${today}`)).statusCode).toBe(404);
  });
});

describe("RSS /rss/:slug.xml", () => {
  it("lists the coming public events, escaped, with a self link", async () => {
    const res = await get(`/rss/${w.consortium.slug}.xml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(res.body).toContain('<rss version="2.0"');
    expect(res.body).toContain(`<atom:link href="http://localhost:3000/rss/${w.consortium.slug}.xml" rel="self"`);
    expect(res.body).toContain("<title>Atelier vélo renommé</title>");
    expect(res.body).toContain("<title>Permanence numérique</title>");
    expect(res.body).not.toContain("Réunion interne");
    expect(res.body).not.toContain("Projet de soirée");
    expect((await get("/rss/inconnu.xml")).statusCode).toBe(404);
  });
});

describe("embeddable page /agenda/:slug/integration", () => {
  it("may be framed by any site, and only that page", async () => {
    const embed = await get(`/agenda/${w.consortium.slug}/integration?theme=numérique`);
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    expect(String(embed.headers["content-security-policy"])).toContain("frame-ancestors *");
    expect(String(embed.headers["content-security-policy"])).toContain("default-src 'self'");
    const page = await get(`/agenda/${w.consortium.slug}`);
    expect(page.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(String(page.headers["content-security-policy"])).toContain("frame-ancestors 'self'");
  });
});

describe("feed addresses and private feeds", () => {
  describeRoute("agenda/feeds", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/feeds`,
    allowedAs: "member",
    status: 200,
    check: (body, w) =>
      expect(body).toEqual({
        publicFeed: `http://localhost:3000/ics/${w.consortium.slug}.ics`,
        placeFeeds: expect.arrayContaining([
          {
            placeId: w.placeA.id,
            name: "Atelier partagé",
            url: `http://localhost:3000/ics/${w.consortium.slug}/places/${w.placeA.slug}.ics`,
          },
        ]),
        privateFeed: null,
        publicAgenda: `http://localhost:3000/agenda/${w.consortium.slug}`,
        embed: `http://localhost:3000/agenda/${w.consortium.slug}/integration`,
        rss: `http://localhost:3000/rss/${w.consortium.slug}.xml`,
      }),
  });
  describeRoute("agenda/feeds/private (create)", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/feeds/private`,
    allowedAs: "partner",
    status: 200,
    check: (body) =>
      expect((body as { privateFeed: string }).privateFeed).toMatch(
        /^http:\/\/localhost:3000\/ics\/private\/[A-Za-z0-9_-]{43}\.ics$/,
      ),
  });
  describeRoute("agenda/feeds/private (revoke)", ctx, {
    method: "DELETE",
    path: (w) => `${c(w)}/feeds/private`,
    allowedAs: "partner",
    status: 204,
  });

  const privatePath = async (user: keyof World["users"]) => {
    const res = await as(t.app, w.users[user])("POST", `${c(w)}/feeds/private`);
    expect(res.statusCode, res.body).toBe(200);
    return new URL(res.json().privateFeed).pathname;
  };

  it("gives a referent their organisation's events, drafts included, and nothing of others", async () => {
    const res = await get(await privatePath("referentA"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-cache");
    expect(titles(res.body).sort()).toEqual(["Atelier vélo renommé", "Foire aux plantes", "Projet de soirée"]);
  });

  it("gives a member the events of the organisation they work in, without its drafts", async () => {
    await t.db.update(people).set({ userId: w.users.member.id }).where(eq(people.id, w.personB.id));
    const res = await get(await privatePath("member"));
    expect(titles(res.body).sort()).toEqual(["Permanence numérique", "Réunion interne"]);
  });

  it("gives a coordinator the whole agenda, drafts included, never another consortium's", async () => {
    const res = await get(await privatePath("coordinator"));
    expect(titles(res.body).sort()).toEqual([
      "Atelier vélo renommé",
      "Foire aux plantes",
      "Permanence numérique",
      "Projet de soirée",
      "Réunion interne",
    ]);
    expect(res.body).not.toContain("Événement voisin");
    // Unfolded: a long URL spans two physical lines.
    expect(res.body.replace(/\r\n /g, "")).toContain(
      `URL;VALUE=URI:http://localhost:3000/c/${w.consortium.slug}/agenda/evenements/${ids.internal}`,
    );
  });

  it("stops answering the old address once renewed, and any address once revoked", async () => {
    const first = await privatePath("referentA");
    const second = await privatePath("referentA");
    expect(second).not.toBe(first);
    expect((await get(first)).statusCode).toBe(404);
    expect((await get(second)).statusCode).toBe(200);
    const links = await as(t.app, w.users.referentA)("GET", `${c(w)}/feeds`);
    expect(new URL(links.json().privateFeed).pathname).toBe(second);
    const revoke = await as(t.app, w.users.referentA)("DELETE", `${c(w)}/feeds/private`);
    expect(revoke.statusCode).toBe(204);
    expect((await get(second)).statusCode).toBe(404);
    expect((await as(t.app, w.users.referentA)("GET", `${c(w)}/feeds`)).json().privateFeed).toBeNull();
  });

  it("answers 404 for a made-up token and for a person who left the consortium", async () => {
    expect((await get(`/ics/private/${"A".repeat(43)}.ics`)).statusCode).toBe(404);
    const path = await privatePath("partner");
    expect((await get(path)).statusCode).toBe(200);
    await t.db.delete(consortiumAccounts).where(eq(consortiumAccounts.userId, w.users.partner.id));
    await t.settle();
    expect((await get(path)).statusCode).toBe(404);
  });
});
