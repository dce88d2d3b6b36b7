import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { type IcsEvent, writeCalendar } from "./write.ts";

// Our writer does not use node-ical: reading our feeds with it is a check by a third party, the way a
// subscriber's calendar application would read them.

const d = (iso: string) => new Date(iso);

const workshop: IcsEvent = {
  uid: "44444444-4444-4444-8444-444444444444@maillage",
  sequence: 3,
  created: d("2027-01-05T09:00:00Z"),
  lastModified: d("2027-02-06T09:00:00Z"),
  title: "Atelier vélo, réparations; et café \\ ☕",
  description: "Venez avec votre vélo.\nOutils fournis.",
  location: "La Forge, Lyon",
  url: "https://example.org/velo",
  geo: { lat: 45.75, lng: 4.85 },
  // Tuesdays 19:00 Paris from 19 October 2027, across the change of 31 October, until 16 November.
  startsAt: d("2027-10-19T17:00:00Z"),
  endsAt: d("2027-10-19T19:00:00Z"),
  allDay: false,
  rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271116T225959Z",
  status: "confirmed",
  categories: ["vélo", "réparation"],
  organizerNames: ["La Forge"],
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
};

const festival: IcsEvent = {
  ...workshop,
  uid: "55555555-5555-4555-8555-555555555555@maillage",
  title: "Festival des tiers-lieux",
  allDay: true,
  // 26 to 28 March 2027 included, across the March change (Sunday 28).
  startsAt: d("2027-03-25T23:00:00Z"),
  endsAt: d("2027-03-28T22:00:00Z"),
  rrule: null,
  exdates: [],
  overrides: [],
  status: "tentative",
};

const spring: IcsEvent = {
  ...workshop,
  uid: "66666666-6666-4666-8666-666666666666@maillage",
  title: "Permanence",
  // Saturdays 10:00 Paris from 20 March 2027, across the change of 28 March.
  startsAt: d("2027-03-20T09:00:00Z"),
  endsAt: d("2027-03-20T11:00:00Z"),
  rrule: "FREQ=WEEKLY;BYDAY=SA;UNTIL=20270403T215959Z",
  exdates: [],
  overrides: [],
};

function parsed() {
  const text = writeCalendar({ name: "Réseau, agenda", events: [workshop, festival, spring] });
  const data = ical.sync.parseICS(text);
  const event = (uid: string) => data[uid] as VEvent;
  return { data, event };
}

describe("node-ical reads our feeds", () => {
  it("reads the calendar name and the Paris zone", () => {
    const { data } = parsed();
    expect(data.vcalendar?.["WR-CALNAME"]).toBe("Réseau, agenda");
    const zone = Object.values(data).find((c) => (c as { type?: string }).type === "VTIMEZONE") as { tzid: string };
    expect(zone.tzid).toBe("Europe/Paris");
  });

  it("reads times, text and status of a series", () => {
    const { event } = parsed();
    const e = event(workshop.uid);
    expect(e.type).toBe("VEVENT");
    expect(e.start.toISOString()).toBe("2027-10-19T17:00:00.000Z");
    expect(e.start.tz).toBe("Europe/Paris");
    expect(e.end?.toISOString()).toBe("2027-10-19T19:00:00.000Z");
    expect(e.summary).toBe(workshop.title);
    expect(e.description).toBe("Venez avec votre vélo.\nOutils fournis.\n\nOrganisation : La Forge");
    expect(e.location).toBe("La Forge, Lyon");
    expect(e.status).toBe("CONFIRMED");
    expect(Number(e.sequence)).toBe(3);
    expect(e.categories).toEqual(["vélo", "réparation"]);
  });

  it("expands the series at 19:00 Paris on both sides of the October change, without the EXDATE, with the override", () => {
    const { event } = parsed();
    const instances = ical.expandRecurringEvent(event(workshop.uid), { from: d("2027-10-01"), to: d("2027-12-31") });
    expect(instances.map((i) => [i.start.toISOString(), i.end.toISOString(), i.summary, i.isOverride])).toEqual([
      ["2027-10-19T17:00:00.000Z", "2027-10-19T19:00:00.000Z", workshop.title, false],
      ["2027-11-03T18:00:00.000Z", "2027-11-03T20:00:00.000Z", "Atelier vélo (mercredi)", true],
      ["2027-11-09T18:00:00.000Z", "2027-11-09T20:00:00.000Z", workshop.title, false],
      ["2027-11-16T18:00:00.000Z", "2027-11-16T20:00:00.000Z", workshop.title, false],
    ]);
  });

  it("expands a series across the March change at 10:00 Paris", () => {
    const { event } = parsed();
    const instances = ical.expandRecurringEvent(event(spring.uid), { from: d("2027-03-01"), to: d("2027-04-30") });
    expect(instances.map((i) => i.start.toISOString())).toEqual([
      "2027-03-20T09:00:00.000Z",
      "2027-03-27T09:00:00.000Z",
      "2027-04-03T08:00:00.000Z",
    ]);
  });

  it("reads an all-day event as whole days with an exclusive end", () => {
    const { event } = parsed();
    const e = event(festival.uid);
    expect(e.datetype).toBe("date");
    const [instance] = ical.expandRecurringEvent(e, { from: d("2027-03-01"), to: d("2027-04-30") });
    expect(instance.isFullDay).toBe(true);
    const day = (x: Date) => `${x.getFullYear()}-${x.getMonth() + 1}-${x.getDate()}`;
    // node-ical gives date-only values as local midnights of the process.
    expect(day(instance.start)).toBe("2027-3-26");
    expect(day(instance.end)).toBe("2027-3-29");
    expect(e.status).toBe("TENTATIVE");
  });
});
