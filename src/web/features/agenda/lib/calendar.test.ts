import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysCovered,
  groupByDay,
  isDay,
  monthGrid,
  parisDayOf,
  parisLocalOf,
  startOfWeek,
  stepDay,
  viewRange,
} from "./calendar.ts";
import { agendaSearch, readAgendaState } from "./url-state.ts";

describe("calendar days", () => {
  it("refuses days that do not exist", () => {
    expect(isDay("2027-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2027-13-01")).toBe(false);
    expect(isDay("27-01-01")).toBe(false);
  });

  it("starts weeks on Monday", () => {
    expect(startOfWeek("2027-03-28")).toBe("2027-03-22"); // a Sunday
    expect(startOfWeek("2027-03-22")).toBe("2027-03-22");
  });

  it("keeps the day of the month when it exists", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2027-03-15", -3)).toBe("2026-12-15");
  });

  it("shows a month as whole weeks, Monday to Sunday", () => {
    const weeks = monthGrid("2027-03-10");
    expect(weeks[0][0]).toBe("2027-03-01"); // 1 March 2027 is a Monday
    expect(weeks.at(-1)?.[6]).toBe("2027-04-04");
    expect(weeks).toHaveLength(5);
    expect(viewRange("month", "2027-03-10")).toEqual({ from: "2027-03-01", to: "2027-04-04" });
    expect(viewRange("list", "2027-02-10")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it("steps by the unit of the view", () => {
    expect(stepDay("month", "2027-03-31", 1)).toBe("2027-04-01");
    expect(stepDay("week", "2027-03-31", -1)).toBe("2027-03-22");
    expect(stepDay("day", "2027-03-31", 1)).toBe("2027-04-01");
  });
});

describe("instants placed in Paris", () => {
  it("uses the Paris day and wall time on both sides of the spring change", () => {
    // 28 March 2027: clocks go from 02:00 to 03:00 in Paris.
    expect(parisLocalOf("2027-03-27T23:30:00Z")).toBe("2027-03-28T00:30");
    expect(parisLocalOf("2027-03-28T01:30:00Z")).toBe("2027-03-28T03:30");
    expect(parisDayOf("2027-10-30T22:30:00Z")).toBe("2027-10-31");
  });

  it("does not spill an event ending at midnight onto the next day", () => {
    // An all-day event on 28 March 2027: Paris midnight to Paris midnight, a 23-hour day.
    expect(daysCovered({ startsAt: "2027-03-27T23:00:00Z", endsAt: "2027-03-28T22:00:00Z" })).toEqual(["2027-03-28"]);
    expect(daysCovered({ startsAt: "2027-03-12T18:00:00Z", endsAt: "2027-03-14T10:00:00Z" })).toEqual([
      "2027-03-12",
      "2027-03-13",
      "2027-03-14",
    ]);
  });

  it("orders a day's events all-day first, then by start", () => {
    const items = [
      { title: "Soir", startsAt: "2027-03-12T18:00:00Z", endsAt: "2027-03-12T20:00:00Z", allDay: false },
      { title: "Matin", startsAt: "2027-03-12T08:00:00Z", endsAt: "2027-03-12T10:00:00Z", allDay: false },
      { title: "Journée", startsAt: "2027-03-11T23:00:00Z", endsAt: "2027-03-12T23:00:00Z", allDay: true },
    ];
    const byDay = groupByDay(items, "2027-03-01", "2027-03-31");
    expect(byDay.get("2027-03-12")?.map((o) => o.title)).toEqual(["Journée", "Matin", "Soir"]);
  });
});

describe("the calendar's address", () => {
  it("round-trips the view, the date and the filters", () => {
    const search = agendaSearch({ view: "week", date: "2027-03-10", filters: { audience: "families", theme: "numérique" } });
    const state = readAgendaState(new URLSearchParams(search.slice(1)));
    expect(state).toEqual({ view: "week", date: "2027-03-10", filters: { audience: "families", theme: "numérique" } });
  });

  it("ignores unknown values instead of sending them to the API", () => {
    const state = readAgendaState(new URLSearchParams("vue=annee&date=2027-02-30&public=martians&visibilite=secret"));
    expect(state.view).toBe("month");
    expect(isDay(state.date)).toBe(true);
    expect(state.date).not.toBe("2027-02-30");
    expect(state.filters).toEqual({});
  });
});
