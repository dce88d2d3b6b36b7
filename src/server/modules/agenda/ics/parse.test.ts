import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../paths.ts";
import { IcsParseError, MAX_IMPORTED_EVENTS, type ParsedEvent, parseCalendar } from "./parse.ts";
import { type IcsEvent, writeCalendar } from "./write.ts";

const fixture = (name: string) => fs.readFileSync(path.join(projectRoot, "tests/fixtures/ics", name), "utf8");
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const byUid = (events: ParsedEvent[], uid: string) => {
  const found = events.find((e) => e.uid === uid);
  if (!found) throw new Error(`no event ${uid} in ${events.map((e) => e.uid).join(", ")}`);
  return found;
};
const calendar = (...body: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//FR", ...body, "END:VCALENDAR"].join("\r\n");

describe("parseCalendar on a Nextcloud-like export (Paris VTIMEZONE)", () => {
  const events = parseCalendar(fixture("nextcloud-paris.ics"));

  it("reads every event once, with the occurrences grouped under their series", () => {
    expect(events.map((e) => e.uid).sort()).toEqual([
      "conference-2027@cloud.example.org",
      "fete-quartier-2027@cloud.example.org",
      "repair-cafe-2027@cloud.example.org",
    ]);
  });

  it("reads a weekly series across the March change, with EXDATE and two RECURRENCE-ID", () => {
    const series = byUid(events, "repair-cafe-2027@cloud.example.org");
    expect(iso(series.startsAt)).toBe("2027-03-11T17:30:00.000Z");
    expect(iso(series.endsAt)).toBe("2027-03-11T19:30:00.000Z");
    expect(series.allDay).toBe(false);
    expect(series.rrule).toBe("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270415T163000Z");
    expect(series.exdates.map(iso)).toEqual(["2027-03-25T17:30:00.000Z"]);
    expect(
      series.overrides.map((o) => ({
        ...o,
        originalStart: iso(o.originalStart),
        startsAt: iso(o.startsAt),
        endsAt: iso(o.endsAt),
      })),
    ).toEqual([
      {
        // 1 April 18:30 is summer time: 16:30 UTC.
        originalStart: "2027-04-01T16:30:00.000Z",
        startsAt: "2027-04-02T16:00:00.000Z",
        endsAt: "2027-04-02T19:00:00.000Z",
        title: "Repair café spécial vélos",
        cancelled: false,
      },
      {
        originalStart: "2027-04-08T16:30:00.000Z",
        startsAt: "2027-04-08T16:30:00.000Z",
        endsAt: "2027-04-08T18:30:00.000Z",
        title: null,
        cancelled: true,
      },
    ]);
    expect(series.title).toBe("Repair café");
    expect(series.description).toBe("Apportez vos objets cassés, on répare ensemble.\nEntrée libre.");
    expect(series.location).toBe("Atelier du Quartier, 4 rue des Lilas, Lyon");
    expect(series.url).toBe("https://cloud.example.org/repair");
    expect(series.categories).toEqual(["réparation", "zéro déchet"]);
    expect(series.sequence).toBe(3);
    expect(iso(series.lastModified)).toBe("2027-01-10T09:00:00.000Z");
    expect(series.status).toBe("confirmed");
  });

  it("reads an all-day event as Paris midnights with an exclusive end", () => {
    const fete = byUid(events, "fete-quartier-2027@cloud.example.org");
    expect(fete.allDay).toBe(true);
    expect(iso(fete.startsAt)).toBe("2027-06-11T22:00:00.000Z");
    expect(iso(fete.endsAt)).toBe("2027-06-13T22:00:00.000Z");
    expect(fete.status).toBe("tentative");
    expect(fete.lastModified).toBeNull();
    expect(fete.rrule).toBeNull();
  });

  it("reads DURATION instead of DTEND", () => {
    const conference = byUid(events, "conference-2027@cloud.example.org");
    expect(iso(conference.startsAt)).toBe("2027-05-20T12:00:00.000Z");
    expect(iso(conference.endsAt)).toBe("2027-05-20T13:30:00.000Z");
  });
});

describe("parseCalendar on an Outlook-like export (Windows zone names)", () => {
  const events = parseCalendar(fixture("outlook-windows-zone.ics"));

  it("uses the file's VTIMEZONE for a Windows name and moves a floating UNTIL to UTC", () => {
    const committee = byUid(events, "040000008200E00074C5B7101A82E008000000001");
    expect(iso(committee.startsAt)).toBe("2027-10-07T08:00:00.000Z");
    expect(iso(committee.endsAt)).toBe("2027-10-07T10:00:00.000Z");
    // 6 January 2028 10:00 in that zone is winter time: 09:00 UTC.
    expect(committee.rrule).toBe("FREQ=MONTHLY;BYDAY=1TH;UNTIL=20280106T090000Z");
    expect(committee.title).toBe("Comité de pilotage");
  });

  it("maps a Windows name without VTIMEZONE to its IANA zone", () => {
    const meeting = byUid(events, "040000008200E00074C5B7101A82E008000000002");
    expect(iso(meeting.startsAt)).toBe("2027-07-05T07:00:00.000Z");
    expect(iso(meeting.endsAt)).toBe("2027-07-05T07:30:00.000Z");
  });
});

describe("parseCalendar on a Google-like export (UTC times)", () => {
  const events = parseCalendar(fixture("google-utc.ics"));

  it("reads UTC times, a UTC EXDATE, a folded description, and a DATE UNTIL as the end of that Paris day", () => {
    const fablab = byUid(events, "fablab-open@google.example.com");
    expect(iso(fablab.startsAt)).toBe("2027-09-15T16:00:00.000Z");
    expect(fablab.rrule).toBe("FREQ=WEEKLY;BYDAY=WE;UNTIL=20271110T225959Z");
    expect(fablab.exdates.map(iso)).toEqual(["2027-10-20T16:00:00.000Z"]);
    expect(fablab.description).toBe(
      "Ouverture du fablab : imprimantes 3D, découpe laser et brodeuse. Venez avec vos fichiers ; l'équipe vous accompagne.",
    );
    expect(fablab.sequence).toBe(1);
  });

  it("derives a stable UID for an event that has none", () => {
    const [noUid] = events.filter((e) => e.uid !== "fablab-open@google.example.com");
    expect(noUid.uid).toMatch(/^[0-9a-f]{32}@import\.maillage$/);
    expect(parseCalendar(fixture("google-utc.ics")).map((e) => e.uid)).toContain(noUid.uid);
    const renamed = parseCalendar(fixture("google-utc.ics").replace("Soirée sans identifiant", "Autre soirée"));
    expect(renamed.map((e) => e.uid)).not.toContain(noUid.uid);
  });
});

describe("parseCalendar on careless files", () => {
  const events = parseCalendar(fixture("quirks.ics"));

  it("skips an event without a start and keeps the others", () => {
    expect(events).toHaveLength(7);
    expect(events.map((e) => e.uid)).not.toContain("no-start@quirks");
  });

  it("reads floating times as Paris time", () => {
    const floating = byUid(events, "floating@quirks");
    expect(iso(floating.startsAt)).toBe("2027-01-10T18:00:00.000Z");
    expect(iso(floating.endsAt)).toBe("2027-01-10T20:00:00.000Z");
  });

  it("gives a timed event without end one hour, and a bare DATE one day", () => {
    const noEnd = byUid(events, "no-end@quirks");
    expect(iso(noEnd.startsAt)).toBe("2027-01-11T09:00:00.000Z");
    expect(iso(noEnd.endsAt)).toBe("2027-01-11T10:00:00.000Z");
    const bare = byUid(events, "bare-date@quirks");
    expect(bare.allDay).toBe(true);
    expect(iso(bare.startsAt)).toBe("2027-01-11T23:00:00.000Z");
    expect(iso(bare.endsAt)).toBe("2027-01-12T23:00:00.000Z");
  });

  it("reads an IANA zone the file does not define, and a custom zone it defines", () => {
    expect(iso(byUid(events, "new-york@quirks").startsAt)).toBe("2027-01-13T17:00:00.000Z");
    expect(iso(byUid(events, "custom-zone@quirks").startsAt)).toBe("2027-07-14T17:00:00.000Z");
  });

  it("keeps a modified occurrence whose series is missing as an event of its own", () => {
    const orphan = byUid(events, "orphan@quirks/20270115T170000Z");
    expect(iso(orphan.startsAt)).toBe("2027-01-16T17:00:00.000Z");
    expect(orphan.rrule).toBeNull();
  });

  it("turns a date-time UNTIL into a DATE for an all-day series", () => {
    const market = byUid(events, "all-day-rule@quirks");
    expect(market.allDay).toBe(true);
    expect(market.rrule).toBe("FREQ=WEEKLY;UNTIL=20270131");
  });

  it("counts a DURATION in days as wall-clock days across a clock change", () => {
    const [event] = parseCalendar(
      calendar("BEGIN:VEVENT", "UID:d", "DTSTART;TZID=Europe/Paris:20270327T190000", "DURATION:P1D", "END:VEVENT"),
    );
    expect(iso(event.startsAt)).toBe("2027-03-27T18:00:00.000Z");
    expect(iso(event.endsAt)).toBe("2027-03-28T17:00:00.000Z");
  });

  it("keeps the latest version of a repeated event and gives other starts their own UID", () => {
    const parsed = parseCalendar(
      calendar(
        "BEGIN:VEVENT",
        "UID:same",
        "SEQUENCE:1",
        "SUMMARY:Ancien titre",
        "DTSTART:20270301T100000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:same",
        "SEQUENCE:2",
        "SUMMARY:Nouveau titre",
        "DTSTART:20270301T100000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:same",
        "SUMMARY:Autre date",
        "DTSTART:20270308T100000Z",
        "END:VEVENT",
      ),
    );
    expect(parsed.map((e) => [e.uid, e.title])).toEqual([
      ["same", "Nouveau titre"],
      ["same/20270308T100000Z", "Autre date"],
    ]);
  });

  it("keeps only http(s) links", () => {
    const [event] = parseCalendar(
      calendar("BEGIN:VEVENT", "UID:u", "DTSTART:20270301T100000Z", "URL:javascript:alert(1)", "END:VEVENT"),
    );
    expect(event.url).toBeNull();
  });
});

describe("parseCalendar refuses what it cannot read, in French", () => {
  it("refuses an empty text, a web page and a broken calendar", () => {
    expect(() => parseCalendar("  ")).toThrow(new IcsParseError("Le fichier est vide."));
    expect(() => parseCalendar(fixture("not-a-calendar.html"))).toThrow(/n'est pas un calendrier iCalendar/);
    expect(() => parseCalendar("BEGIN:VCALENDAR\r\nceci n'est pas une ligne\r\nEND:VCALENDAR")).toThrow(IcsParseError);
    expect(() => parseCalendar("BEGIN:VCALENDAR\r\nceci n'est pas une ligne\r\nEND:VCALENDAR")).toThrow(/illisible/);
  });

  it("refuses a calendar whose only events have unreadable dates", () => {
    expect(() => parseCalendar(calendar("BEGIN:VEVENT", "UID:x", "DTSTART:2027-03", "END:VEVENT"))).toThrow(/Aucun événement/);
  });

  it(`refuses more than ${MAX_IMPORTED_EVENTS} events`, () => {
    const body: string[] = [];
    for (let i = 0; i <= MAX_IMPORTED_EVENTS; i++)
      body.push("BEGIN:VEVENT", `UID:e${i}`, "DTSTART:20270301T100000Z", "END:VEVENT");
    expect(() => parseCalendar(calendar(...body))).toThrow(/5\s001 événements : 5\s000 au plus/);
    expect(parseCalendar(calendar(...body.slice(4)))).toHaveLength(MAX_IMPORTED_EVENTS);
  });
});

describe("write → parse round trip", () => {
  const base: IcsEvent = {
    uid: "22222222-2222-4222-8222-222222222222@maillage",
    sequence: 5,
    created: new Date("2027-01-05T09:00:00Z"),
    lastModified: new Date("2027-02-06T09:00:00Z"),
    title: "Atelier, réparation; vélo \\ 🚲 « spécial »",
    description: "Première ligne\nDeuxième ligne, avec virgule; et point-virgule",
    location: "La Forge, 12 rue de la Paix, Lyon",
    url: "https://example.org/atelier",
    geo: { lat: 45.75, lng: 4.85 },
    startsAt: new Date("2027-10-19T17:00:00Z"),
    endsAt: new Date("2027-10-19T19:00:00Z"),
    allDay: false,
    rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271116T225959Z",
    status: "confirmed",
    categories: ["numérique", "vélo"],
    organizerNames: [],
    exdates: [new Date("2027-10-26T17:00:00Z")],
    overrides: [
      {
        originalStart: new Date("2027-11-02T18:00:00Z"),
        startsAt: new Date("2027-11-03T18:00:00Z"),
        endsAt: new Date("2027-11-03T20:00:00Z"),
        title: "Atelier déplacé",
        description: null,
        location: null,
        status: "confirmed",
      },
      {
        originalStart: new Date("2027-11-09T18:00:00Z"),
        startsAt: new Date("2027-11-09T18:00:00Z"),
        endsAt: new Date("2027-11-09T20:00:00Z"),
        title: "Atelier, réparation; vélo \\ 🚲 « spécial »",
        description: null,
        location: null,
        status: "cancelled",
      },
    ],
  };
  const allDay: IcsEvent = {
    ...base,
    uid: "33333333-3333-4333-8333-333333333333@maillage",
    title: "Marché",
    allDay: true,
    startsAt: new Date("2027-03-26T23:00:00Z"),
    endsAt: new Date("2027-03-27T23:00:00Z"),
    rrule: "FREQ=WEEKLY;UNTIL=20270424",
    exdates: [new Date("2027-04-02T22:00:00Z")],
    overrides: [],
    geo: null,
  };

  it("gives back what was written", () => {
    const [series, market] = parseCalendar(writeCalendar({ name: "Réseau", events: [base, allDay] }));
    expect(series).toEqual({
      uid: base.uid,
      title: base.title,
      description: base.description,
      location: base.location,
      url: base.url,
      startsAt: base.startsAt,
      endsAt: base.endsAt,
      allDay: false,
      rrule: base.rrule,
      exdates: base.exdates,
      overrides: [
        {
          originalStart: base.overrides[0].originalStart,
          startsAt: base.overrides[0].startsAt,
          endsAt: base.overrides[0].endsAt,
          title: "Atelier déplacé",
          cancelled: false,
        },
        {
          originalStart: base.overrides[1].originalStart,
          startsAt: base.overrides[1].startsAt,
          endsAt: base.overrides[1].endsAt,
          title: null,
          cancelled: true,
        },
      ],
      status: "confirmed",
      categories: base.categories,
      sequence: 5,
      lastModified: base.lastModified,
    });
    expect(market.allDay).toBe(true);
    expect(market.startsAt).toEqual(allDay.startsAt);
    expect(market.endsAt).toEqual(allDay.endsAt);
    expect(market.rrule).toBe("FREQ=WEEKLY;UNTIL=20270424");
    expect(market.exdates).toEqual(allDay.exdates);
  });
});
