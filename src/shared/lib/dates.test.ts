import { describe, expect, it } from "vitest";
import { dayInPeriod, parisDay } from "./dates.ts";

describe("parisDay", () => {
  it("uses the Paris calendar day, not UTC", () => {
    expect(parisDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01"); // summer, UTC+2
    expect(parisDay(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31"); // winter, UTC+1
    expect(parisDay(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

describe("dayInPeriod", () => {
  it("treats periods as half-open [from, to)", () => {
    expect(dayInPeriod("2025-01-01", "2025-01-01", null)).toBe(true);
    expect(dayInPeriod("2025-06-30", "2025-01-01", "2025-06-30")).toBe(false);
    expect(dayInPeriod("2024-12-31", "2025-01-01", null)).toBe(false);
  });
});
