import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { durationValue, escapeText, foldLine, type IcsEvent, normaliseRule, writeCalendar } from "./write.ts";

const d = (iso: string) => new Date(iso);
const encoder = new TextEncoder();
const strict = new TextDecoder("utf-8", { fatal: true });

function sampleEvent(over: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: "11111111-1111-4111-8111-111111111111@maillage",
    sequence: 0,
    created: d("2027-01-05T09:00:00Z"),
    lastModified: d("2027-01-06T09:00:00Z"),
    title: "Atelier",
    description: null,
    location: null,
    url: null,
    startsAt: d("2027-01-12T18:00:00Z"),
    endsAt: d("2027-01-12T20:00:00Z"),
    allDay: false,
    rrule: null,
    status: "confirmed",
    categories: [],
    organizerNames: [],
    exdates: [],
    overrides: [],
    ...over,
  };
}

/** The unfolded content lines of a written calendar. */
const contentLines = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
/** The unfolded lines of the n-th VEVENT. */
function vevent(text: string, n = 0): string[] {
  const lines = contentLines(text);
  const starts = lines.flatMap((l, i) => (l === "BEGIN:VEVENT" ? [i] : []));
  const start = starts[n];
  return lines.slice(start, lines.indexOf("END:VEVENT", start) + 1);
}
const prop = (lines: string[], name: string) => lines.filter((l) => l.startsWith(name));

describe("foldLine", () => {
  it("keeps every physical line within 75 octets without cutting a UTF-8 character", () => {
    for (const filler of ["é", "€", "🚲", "aé€🚲", "x"]) {
      const line = `DESCRIPTION:${filler.repeat(120)}`;
      const folded = foldLine(line);
      const physical = folded.split("\r\n");
      expect(physical.length).toBeGreaterThan(1);
      for (const [i, part] of physical.entries()) {
        const bytes = encoder.encode(part);
        expect(bytes.length).toBeLessThanOrEqual(75);
        // Decoding each line alone fails if a multi-byte character was split between two lines.
        expect(() => strict.decode(bytes)).not.toThrow();
        if (i > 0) expect(part.startsWith(" ")).toBe(true);
      }
      expect(folded.replace(/\r\n /g, "")).toBe(line);
    }
  });

  it("stops short of 75 octets when the next character would straddle the limit", () => {
    // "SUMMARY:" is 8 octets and each "é" 2: a cut at exactly 75 octets would fall inside the 34th "é".
    const [first, second] = foldLine(`SUMMARY:${"é".repeat(40)}`).split("\r\n");
    expect(encoder.encode(first).length).toBe(74);
    expect(second).toBe(` ${"é".repeat(7)}`);
  });

  it("leaves short lines alone", () => {
    expect(foldLine("SUMMARY:Café")).toBe("SUMMARY:Café");
    expect(foldLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
  });
});

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and every kind of newline", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeText("Café: 10 €")).toBe("Café: 10 €");
  });

  it("drops control characters, which TEXT cannot hold", () => {
    expect(escapeText("bip\u0007\u0000 ok\tici")).toBe("bip ok\tici");
  });
});

describe("durationValue", () => {
  it("writes RFC 5545 durations, never P1H", () => {
    expect(durationValue(60)).toBe("PT1H");
    expect(durationValue(90)).toBe("PT90M");
    expect(durationValue(180)).toBe("PT3H");
    expect(durationValue(1440)).toBe("P1D");
  });
});

describe("writeCalendar", () => {
  it("writes the calendar header, refresh hints and the Paris VTIMEZONE, with CRLF only", () => {
    const text = writeCalendar({ name: "Agenda du réseau", description: "Le programme", events: [] });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = contentLines(text);
    expect(lines.slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Maillage//Agenda partage//FR",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]);
    expect(lines).toContain("NAME:Agenda du réseau");
    expect(lines).toContain("X-WR-CALNAME:Agenda du réseau");
    expect(lines).toContain("X-WR-CALDESC:Le programme");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(lines).toContain("X-WR-TIMEZONE:Europe/Paris");
    expect(lines).toContain("BEGIN:VTIMEZONE");
    expect(lines).toContain("TZID:Europe/Paris");
  });

  it("writes a VTIMEZONE that gives the offsets Intl gives for Paris, winter and summer, 2026 to 2032", () => {
    const text = writeCalendar({ name: "x", events: [] });
    const vtz = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone");
    expect(vtz).not.toBeNull();
    const tz = new ICAL.Timezone({ component: vtz as ICAL.Component, tzid: "Europe/Paris" });
    const paris = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });
    for (let t = Date.UTC(2026, 0, 1, 12); t < Date.UTC(2033, 0, 1); t += 5 * 86_400_000 + 3_600_000 * 7) {
      const instant = new Date(t);
      const name = paris.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value;
      const expected = name === "GMT+02:00" ? 7200 : 3600;
      const utc = ICAL.Time.fromJSDate(instant, true);
      expect(tz.utcOffset(utc.convertToZone(tz))).toBe(expected);
    }
  });

  it("writes a timed event in Paris local time with its TZID, and stamps in UTC", () => {
    const text = writeCalendar({
      name: "x",
      events: [sampleEvent({ sequence: 4, title: "Atelier, vélo; café \\ fin", description: "Ligne 1\nLigne 2" })],
    });
    const lines = vevent(text);
    expect(lines).toContain("UID:11111111-1111-4111-8111-111111111111@maillage");
    expect(lines).toContain("DTSTAMP:20270106T090000Z");
    expect(lines).toContain("CREATED:20270105T090000Z");
    expect(lines).toContain("LAST-MODIFIED:20270106T090000Z");
    expect(lines).toContain("SEQUENCE:4");
    expect(lines).toContain("DTSTART;TZID=Europe/Paris:20270112T190000");
    expect(lines).toContain("DTEND;TZID=Europe/Paris:20270112T210000");
    expect(lines).toContain("SUMMARY:Atelier\\, vélo\\; café \\\\ fin");
    expect(lines).toContain("DESCRIPTION:Ligne 1\\nLigne 2");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(prop(lines, "DURATION")).toEqual([]);
  });

  it("stamps with `now` when given", () => {
    const text = writeCalendar({ name: "x", now: d("2027-02-01T08:30:00Z"), events: [sampleEvent()] });
    expect(vevent(text)).toContain("DTSTAMP:20270201T083000Z");
  });

  it("writes an all-day event as DATE values with an exclusive DTEND", () => {
    // Stored as Paris midnights: 12 June 00:00 to 14 June 00:00, two days.
    const twoDays = sampleEvent({ allDay: true, startsAt: d("2027-06-11T22:00:00Z"), endsAt: d("2027-06-13T22:00:00Z") });
    const oneDay = sampleEvent({ allDay: true, startsAt: d("2027-01-11T23:00:00Z"), endsAt: d("2027-01-12T23:00:00Z") });
    // An end inside the last day (not a midnight) still ends after that day.
    const sloppy = sampleEvent({ allDay: true, startsAt: d("2027-01-11T23:00:00Z"), endsAt: d("2027-01-12T22:59:00Z") });
    const text = writeCalendar({ name: "x", events: [twoDays, oneDay, sloppy] });
    expect(vevent(text, 0)).toEqual(expect.arrayContaining(["DTSTART;VALUE=DATE:20270612", "DTEND;VALUE=DATE:20270614"]));
    expect(vevent(text, 1)).toEqual(expect.arrayContaining(["DTSTART;VALUE=DATE:20270112", "DTEND;VALUE=DATE:20270113"]));
    expect(vevent(text, 2)).toEqual(expect.arrayContaining(["DTSTART;VALUE=DATE:20270112", "DTEND;VALUE=DATE:20270113"]));
  });

  it("writes a series across the October change with UNTIL in UTC, EXDATE and a RECURRENCE-ID override", () => {
    const series = sampleEvent({
      sequence: 2,
      title: "Atelier vélo",
      // Tuesdays 19:00 Paris from 19 October 2027; the clocks go back on Sunday 31 October.
      startsAt: d("2027-10-19T17:00:00Z"),
      endsAt: d("2027-10-19T19:00:00Z"),
      rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271116T225959Z",
      exdates: [d("2027-10-26T17:00:00Z")],
      overrides: [
        {
          originalStart: d("2027-11-02T18:00:00Z"),
          startsAt: d("2027-11-03T18:00:00Z"),
          endsAt: d("2027-11-03T20:00:00Z"),
          title: "Atelier vélo (mercredi)",
          description: null,
          location: null,
          status: "confirmed",
        },
      ],
    });
    const text = writeCalendar({ name: "x", events: [series] });
    const master = vevent(text, 0);
    expect(master).toContain("DTSTART;TZID=Europe/Paris:20271019T190000");
    expect(master).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271116T225959Z");
    expect(master).toContain("EXDATE;TZID=Europe/Paris:20271026T190000");
    const override = vevent(text, 1);
    expect(override).toContain("UID:11111111-1111-4111-8111-111111111111@maillage");
    expect(override).toContain("RECURRENCE-ID;TZID=Europe/Paris:20271102T190000");
    expect(override).toContain("DTSTART;TZID=Europe/Paris:20271103T190000");
    expect(override).toContain("SUMMARY:Atelier vélo (mercredi)");
    expect(override).toContain("SEQUENCE:2");
    expect(prop(override, "RRULE")).toEqual([]);

    // ical.js expands the written series to 19:00 Paris every week, before and after the change.
    const component = new ICAL.Component(ICAL.parse(text));
    const vtz = component.getFirstSubcomponent("vtimezone") as ICAL.Component;
    ICAL.TimezoneService.register(new ICAL.Timezone({ component: vtz, tzid: "Europe/Paris" }));
    try {
      const [masterComp, overrideComp] = component.getAllSubcomponents("vevent");
      const event = new ICAL.Event(masterComp);
      event.relateException(overrideComp);
      const it = event.iterator();
      const starts: string[] = [];
      for (let next = it.next(); next; next = it.next()) {
        const details = event.getOccurrenceDetails(next);
        starts.push(details.startDate.toJSDate().toISOString());
      }
      // 26 October is excluded, 2 November moved to Wednesday 3, and 19:00 Paris is 18:00 UTC after the change.
      expect(starts).toEqual([
        "2027-10-19T17:00:00.000Z",
        "2027-11-03T18:00:00.000Z",
        "2027-11-09T18:00:00.000Z",
        "2027-11-16T18:00:00.000Z",
      ]);
      expect(masterComp.getFirstProperty("exdate")?.getFirstValue()?.toString()).toBe("2027-10-26T19:00:00");
    } finally {
      ICAL.TimezoneService.remove("Europe/Paris");
    }
  });

  it("writes an all-day series with a DATE UNTIL and DATE exceptions", () => {
    const series = sampleEvent({
      allDay: true,
      startsAt: d("2027-03-26T23:00:00Z"),
      endsAt: d("2027-03-27T23:00:00Z"),
      rrule: "FREQ=WEEKLY;UNTIL=20270424",
      exdates: [d("2027-04-02T22:00:00Z")],
      overrides: [
        {
          originalStart: d("2027-04-09T22:00:00Z"),
          startsAt: d("2027-04-10T22:00:00Z"),
          endsAt: d("2027-04-11T22:00:00Z"),
          title: "Marché décalé",
          description: null,
          location: null,
          status: "tentative",
        },
      ],
    });
    const text = writeCalendar({ name: "x", events: [series] });
    expect(vevent(text, 0)).toEqual(
      expect.arrayContaining(["DTSTART;VALUE=DATE:20270327", "RRULE:FREQ=WEEKLY;UNTIL=20270424", "EXDATE;VALUE=DATE:20270403"]),
    );
    expect(vevent(text, 1)).toEqual(
      expect.arrayContaining([
        "RECURRENCE-ID;VALUE=DATE:20270410",
        "DTSTART;VALUE=DATE:20270411",
        "DTEND;VALUE=DATE:20270412",
        "STATUS:TENTATIVE",
      ]),
    );
  });

  it("writes the optional properties: location, URL, GEO, categories, organisers, cancelled status", () => {
    const text = writeCalendar({
      name: "x",
      url: "https://maillage.example.org/agenda/reseau",
      source: "https://maillage.example.org/ics/reseau.ics",
      color: "teal",
      refreshMinutes: 30,
      events: [
        sampleEvent({
          location: "La Forge, 12 rue de la Paix",
          url: "https://example.org/atelier?a=1;b=2",
          geo: { lat: 45.764043, lng: 4.835659 },
          categories: ["numérique", "vélo, réparation", "numérique"],
          organizerNames: ["La Forge", "Le Grenier"],
          description: "À venir",
          status: "cancelled",
        }),
      ],
    });
    const lines = contentLines(text);
    expect(lines).toContain("URL;VALUE=URI:https://maillage.example.org/agenda/reseau");
    expect(lines).toContain("SOURCE;VALUE=URI:https://maillage.example.org/ics/reseau.ics");
    expect(lines).toContain("COLOR:teal");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT30M");
    expect(lines).toContain("X-PUBLISHED-TTL:PT30M");
    const event = vevent(text);
    expect(event).toContain("LOCATION:La Forge\\, 12 rue de la Paix");
    expect(event).toContain("URL;VALUE=URI:https://example.org/atelier?a=1;b=2");
    expect(event).toContain("GEO:45.764043;4.835659");
    expect(event).toContain("CATEGORIES:numérique,vélo\\, réparation");
    expect(event).toContain("DESCRIPTION:À venir\\n\\nOrganisation : La Forge\\, Le Grenier");
    expect(event).toContain("STATUS:CANCELLED");
  });

  it("leaves out a colour that is not a CSS name", () => {
    expect(writeCalendar({ name: "x", color: "#00aa88", events: [] })).not.toContain("COLOR");
  });

  it("does not depend on the zone the server runs in", () => {
    const events = [
      sampleEvent({ startsAt: d("2027-03-28T00:30:00Z"), endsAt: d("2027-03-28T01:30:00Z") }),
      sampleEvent({ allDay: true, startsAt: d("2027-06-11T22:00:00Z"), endsAt: d("2027-06-12T22:00:00Z") }),
    ];
    const previous = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      const west = writeCalendar({ name: "x", events });
      process.env.TZ = "Asia/Tokyo";
      const east = writeCalendar({ name: "x", events });
      expect(west).toBe(east);
      expect(vevent(west, 0)).toContain("DTSTART;TZID=Europe/Paris:20270328T013000");
      expect(vevent(west, 0)).toContain("DTEND;TZID=Europe/Paris:20270328T033000");
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});

describe("normaliseRule", () => {
  it("turns a DATE or floating UNTIL into UTC for a timed series", () => {
    // The end of 15 April 2027 in Paris (summer time) is 21:59:59 UTC.
    expect(normaliseRule("FREQ=WEEKLY;UNTIL=20270415", false)).toBe("FREQ=WEEKLY;UNTIL=20270415T215959Z");
    expect(normaliseRule("RRULE:FREQ=DAILY;UNTIL=20270110T190000", false)).toBe("FREQ=DAILY;UNTIL=20270110T180000Z");
    expect(normaliseRule("FREQ=DAILY;UNTIL=20270110T180000Z;BYDAY=MO", false)).toBe("FREQ=DAILY;UNTIL=20270110T180000Z;BYDAY=MO");
  });

  it("turns a date-time UNTIL into a DATE for an all-day series", () => {
    expect(normaliseRule("FREQ=WEEKLY;UNTIL=20270130T230000Z", true)).toBe("FREQ=WEEKLY;UNTIL=20270131");
    expect(normaliseRule("FREQ=WEEKLY;UNTIL=20270130T120000", true)).toBe("FREQ=WEEKLY;UNTIL=20270130");
    expect(normaliseRule("FREQ=WEEKLY;COUNT=4", true)).toBe("FREQ=WEEKLY;COUNT=4");
  });
});
