import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidSiret, normalizeSiret } from "./siret.ts";

describe("isValidSiret", () => {
  it("accepts real-looking SIRETs and refuses wrong keys and lengths", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("7328293200007A")).toBe(false);
  });

  it("follows La Poste's exception (digit sum multiple of 5)", () => {
    expect(isValidSiret("35600000000001")).toBe(true);
    expect(isValidSiret("35600000000002")).toBe(false);
  });

  it("detects every single-digit typo (a property of the Luhn key)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const valid = "73282932000074";
        const digit = (Number(valid[pos]) + delta) % 10;
        const typo = valid.slice(0, pos) + digit + valid.slice(pos + 1);
        return !isValidSiret(typo);
      }),
    );
  });

  it("normalises spaces and dots", () => {
    expect(normalizeSiret("732 829 320 00074")).toBe("73282932000074");
  });
});
