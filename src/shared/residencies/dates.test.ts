import { describe, expect, it } from "vitest";
import { stayDates, stayLength, stayStatus } from "./dates.ts";

describe("stay dates in words", () => {
  it("says the month once when the stay stays in it", () => {
    expect(stayDates("2032-03-03", "2032-03-28")).toBe("du 3 au 28 mars 2032");
    expect(stayDates("2032-03-01", "2032-03-28")).toBe("du 1er au 28 mars 2032");
    expect(stayDates("2032-03-03", "2032-03-28", "en")).toBe("from 3 to 28 March 2032");
  });

  it("names both months, and both years across the new year", () => {
    expect(stayDates("2032-02-28", "2032-03-15")).toBe("du 28 février au 15 mars 2032");
    expect(stayDates("2031-12-28", "2032-01-04")).toBe("du 28 décembre 2031 au 4 janvier 2032");
    expect(stayDates("2031-12-28", "2032-01-04", "en")).toBe("from 28 December 2031 to 4 January 2032");
  });

  it("says one day as a day", () => {
    expect(stayDates("2032-03-01", "2032-03-01")).toBe("le 1er mars 2032");
    expect(stayDates("2032-03-01", "2032-03-01", "en")).toBe("on 1 March 2032");
  });

  it("counts days with both ends, across the change of hour", () => {
    expect(stayLength("2032-03-03", "2032-03-28")).toBe(26);
    expect(stayLength("2032-03-03", "2032-03-03")).toBe(1);
  });

  it("places a stay against today", () => {
    expect(stayStatus("2032-03-03", "2032-03-28", "2032-03-02")).toBe("upcoming");
    expect(stayStatus("2032-03-03", "2032-03-28", "2032-03-28")).toBe("current");
    expect(stayStatus("2032-03-03", "2032-03-28", "2032-03-29")).toBe("past");
  });
});
