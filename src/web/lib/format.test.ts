import { describe, expect, it } from "vitest";
import { formatDay } from "./format.ts";

describe("formatDay", () => {
  it("writes the first of the month « 1er » in French, and other days as Intl does", () => {
    expect(formatDay("2031-01-01")).toBe("1er janvier 2031");
    expect(formatDay("2032-12-31")).toBe("31 décembre 2032");
    expect(formatDay("2031-03-11")).toBe("11 mars 2031");
    expect(formatDay("pas une date")).toBe("pas une date");
    expect(formatDay(null)).toBe("");
  });
});
