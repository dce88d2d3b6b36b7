import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  ceil,
  compare,
  div,
  type Fraction,
  floor,
  fraction,
  fromDecimalString,
  fromInt,
  mul,
  NNBSP,
  neg,
  ONE,
  parseFraction,
  sub,
  toDecimalString,
  toNumber,
  toPercentString,
  toText,
  ZERO,
} from "./fraction.ts";

const arbFraction: fc.Arbitrary<Fraction> = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.boolean())
  .map(([n, d, flip]) => fraction(n, flip ? -d : d));
const arbNonZero = arbFraction.filter((f) => f.num !== 0n);

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

describe("fraction basics", () => {
  it("normalises: positive denominator, lowest terms, one zero", () => {
    expect(fraction(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(fraction(0, -7)).toEqual(ZERO);
    expect(fraction(10n, 100n)).toEqual({ num: 1n, den: 10n });
    expect(() => fraction(1, 0)).toThrow(RangeError);
    expect(() => fraction(0.5)).toThrow(RangeError);
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
  });

  it("reads decimals, ratios and percentages as people write them", () => {
    expect(fromDecimalString("12.5")).toEqual(fraction(25, 2));
    expect(fromDecimalString("12,5")).toEqual(fraction(25, 2));
    expect(fromDecimalString("-0.05")).toEqual(fraction(-1, 20));
    expect(fromDecimalString(".5")).toEqual(fraction(1, 2));
    expect(fromDecimalString("+3")).toEqual(fromInt(3));
    for (const bad of ["", ".", "1.2.3", "abc", "1e3", "--1"]) expect(fromDecimalString(bad)).toBeNull();
    expect(parseFraction("3/10")).toEqual(fraction(3, 10));
    expect(parseFraction(" 30 % ")).toEqual(fraction(3, 10));
    expect(parseFraction("33,5%")).toEqual(fraction(67, 200));
    expect(parseFraction("1/0")).toBeNull();
    expect(parseFraction("1/x")).toBeNull();
  });

  it("writes decimals rounded half away from zero", () => {
    expect(toDecimalString(fraction(1, 8), 2)).toBe("0.13");
    expect(toDecimalString(fraction(-1, 8), 2)).toBe("-0.13");
    expect(toDecimalString(fraction(2, 3), 4)).toBe("0.6667");
    expect(toDecimalString(fraction(-1, 1000), 2)).toBe("0.00");
    expect(toDecimalString(fraction(1061, 1650), 3)).toBe("0.643");
    expect(toDecimalString(fraction(5, 2), 0)).toBe("3");
    expect(toDecimalString(fraction(25, 2), 1, ",")).toBe("12,5");
  });

  it("writes percentages the French way", () => {
    expect(toPercentString(fraction(1, 60))).toBe(`1,7${NNBSP}%`);
    expect(toPercentString(fraction(2, 5))).toBe(`40${NNBSP}%`);
    expect(toPercentString(fraction(2, 5), { keepZeros: true })).toBe(`40,0${NNBSP}%`);
    expect(toPercentString(fraction(5, 8), { locale: "en" })).toBe("62.5%");
    expect(toPercentString(fraction(-1, 100000))).toBe(`0${NNBSP}%`);
    expect(toText(fraction(643, 1000))).toBe("643/1000");
    expect(toText(fromInt(-2))).toBe("-2");
    expect(toNumber(fraction(1, 3))).toBeCloseTo(1 / 3, 12);
  });

  it("rounds to integers both ways", () => {
    expect([ceil(fraction(7, 2)), floor(fraction(7, 2))]).toEqual([4n, 3n]);
    expect([ceil(fraction(-7, 2)), floor(fraction(-7, 2))]).toEqual([-3n, -4n]);
    expect([ceil(fromInt(3)), floor(fromInt(3))]).toEqual([3n, 3n]);
  });
});

describe("fraction properties", () => {
  it("stays normalised", () => {
    fc.assert(
      fc.property(arbFraction, arbFraction, (a, b) => {
        for (const r of [add(a, b), sub(a, b), mul(a, b)]) {
          expect(r.den > 0n).toBe(true);
          expect(gcd(r.num, r.den)).toBe(r.num === 0n ? r.den : 1n);
        }
      }),
    );
  });

  it("obeys the field laws", () => {
    fc.assert(
      fc.property(arbFraction, arbFraction, arbFraction, (a, b, c) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(mul(a, b)).toEqual(mul(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(mul(mul(a, b), c)).toEqual(mul(a, mul(b, c)));
        expect(mul(a, add(b, c))).toEqual(add(mul(a, b), mul(a, c)));
        expect(add(a, ZERO)).toEqual(a);
        expect(mul(a, ONE)).toEqual(a);
        expect(add(a, neg(a))).toEqual(ZERO);
        expect(sub(a, b)).toEqual(add(a, neg(b)));
      }),
    );
    fc.assert(
      fc.property(arbFraction, arbNonZero, (a, b) => {
        expect(mul(div(a, b), b)).toEqual(a);
        expect(mul(b, div(ONE, b))).toEqual(ONE);
      }),
    );
  });

  it("orders consistently with subtraction and the approximation", () => {
    fc.assert(
      fc.property(arbFraction, arbFraction, arbFraction, (a, b, c) => {
        const s = sub(a, b);
        expect(compare(a, b)).toBe(s.num < 0n ? -1 : s.num > 0n ? 1 : 0);
        // A sum rather than a negation: -0 and 0 are different values for toBe.
        expect(compare(a, b) + compare(b, a)).toBe(0);
        // Adding the same value keeps the order.
        expect(compare(add(a, c), add(b, c))).toBe(compare(a, b));
        if (compare(a, b) < 0) expect(toNumber(a)).toBeLessThanOrEqual(toNumber(b));
      }),
    );
  });

  it("reads back what it writes", () => {
    fc.assert(
      fc.property(arbFraction, (a) => {
        expect(parseFraction(toText(a))).toEqual(a);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (n, digits) => {
        const value = fraction(n, 10n ** BigInt(digits));
        expect(fromDecimalString(toDecimalString(value, digits))).toEqual(value);
      }),
    );
  });
});
