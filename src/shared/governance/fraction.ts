// Exact rational numbers for tallies and shares. A vote decided at "2/3" must not depend on how a computer
// rounds 0.6666…: every comparison with a threshold is made on integers (domain rules §1.4, "Rounding").
//
// A Fraction is always normalised: the denominator is positive and shares no factor with the numerator, so two
// equal values have equal fields and `{ num: 0n, den: 1n }` is the only zero. Records that are stored or sent
// as JSON carry fractions as text ("643/1000", see toText), because JSON has no bigint.

export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** A fraction written "n/d" or "n" (canonical form from toText), or any text parseFraction reads. */
export type FractionText = string;

const abs = (x: bigint) => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBigInt(x: bigint | number, what: string): bigint {
  if (typeof x === "bigint") return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be a safe integer, got ${x}`);
  return BigInt(x);
}

/** num/den, normalised. Throws on a zero denominator or a non-integer number: both are programming errors. */
export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = toBigInt(num, "numerator");
  let d = toBigInt(den, "denominator");
  if (d === 0n) throw new RangeError("denominator must not be zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Fraction = fraction(0);
export const ONE: Fraction = fraction(1);

export const fromInt = (n: bigint | number): Fraction => fraction(n, 1n);

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);
export const neg = (a: Fraction): Fraction => ({ num: -a.num, den: a.den });

/** a / b. Throws on division by zero; callers test for an empty base first and say so in words. */
export function div(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError("division by zero");
  return fraction(a.num * b.den, a.den * b.num);
}

export const sum = (values: Iterable<Fraction>): Fraction => {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
};

/** -1, 0 or 1, by cross-multiplication (denominators are positive, so the order is kept). */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const equals = (a: Fraction, b: Fraction): boolean => a.num === b.num && a.den === b.den;
export const isZero = (a: Fraction): boolean => a.num === 0n;
export const sign = (a: Fraction): -1 | 0 | 1 => (a.num < 0n ? -1 : a.num > 0n ? 1 : 0);
export const min = (a: Fraction, b: Fraction): Fraction => (compare(a, b) <= 0 ? a : b);
export const max = (a: Fraction, b: Fraction): Fraction => (compare(a, b) >= 0 ? a : b);

/** The smallest integer not below the value. */
export function ceil(a: Fraction): bigint {
  const q = a.num / a.den; // bigint division truncates toward zero
  return a.num > 0n && a.num % a.den !== 0n ? q + 1n : q;
}

/** The largest integer not above the value. */
export function floor(a: Fraction): bigint {
  const q = a.num / a.den;
  return a.num < 0n && a.num % a.den !== 0n ? q - 1n : q;
}

/** Canonical text: "3/10", "-1/3", "2" (no denominator for integers). parseFraction reads it back. */
export const toText = (a: Fraction): FractionText => (a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`);

const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/**
 * "12.5", "-0,05", "+3", ".5" → exact value; null when the text is not a plain decimal number. The comma is
 * accepted because French users type "12,5".
 */
export function fromDecimalString(text: string): Fraction | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, signText, whole, decimals = ""] = m;
  if (whole === "" && decimals === "") return null;
  const digits = BigInt(`${whole}${decimals}` || "0");
  const value = fraction(digits, 10n ** BigInt(decimals.length));
  return signText === "-" ? neg(value) : value;
}

/**
 * Reads a ratio as people write it in statutes or settings: "3/10", "1/3", "0.3", "0,3", "30 %" or "30%"
 * (a percentage is divided by 100). Null when unreadable or when a denominator is zero.
 */
export function parseFraction(text: string): Fraction | null {
  const t = text.trim();
  if (t.endsWith("%")) {
    const value = fromDecimalString(t.slice(0, -1));
    return value === null ? null : div(value, fromInt(100));
  }
  const slash = t.indexOf("/");
  if (slash < 0) return fromDecimalString(t);
  const n = fromDecimalString(t.slice(0, slash));
  const d = fromDecimalString(t.slice(slash + 1));
  if (n === null || d === null || isZero(d)) return null;
  return div(n, d);
}

/** parseFraction for text the program wrote itself: an unreadable value there is a bug, not user input. */
export function fromText(text: FractionText): Fraction {
  const value = parseFraction(text);
  if (value === null) throw new RangeError(`not a fraction: "${text}"`);
  return value;
}

/**
 * The value with `digits` decimals, rounded half away from zero (1/8 → "0.13" at 2 digits, -1/8 → "-0.13"),
 * the rounding people do by hand. `separator` is "." or "," (French).
 */
export function toDecimalString(a: Fraction, digits: number, separator = "."): string {
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError("digits must be a non-negative integer");
  const scale = 10n ** BigInt(digits);
  const scaled = abs(a.num) * scale;
  let q = scaled / a.den;
  if (2n * (scaled % a.den) >= a.den) q += 1n;
  const negative = a.num < 0n && q !== 0n;
  const text = q.toString().padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  const decimals = text.slice(text.length - digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `${separator}${decimals}` : ""}`;
}

/** Narrow no-break space, the one French typography puts before "%" (and the one Intl fr-FR uses). */
export const NNBSP = "\u202f";

/**
 * A share as a percentage for people: 1/60 → "1,7 %" (French) or "1.7%" (English). Trailing zeros are dropped
 * ("40 %", not "40,0 %") unless `keepZeros`, for columns that must line up.
 */
export function toPercentString(
  a: Fraction,
  options: { digits?: number; locale?: "fr" | "en"; keepZeros?: boolean } = {},
): string {
  const { digits = 1, locale = "fr", keepZeros = false } = options;
  const separator = locale === "fr" ? "," : ".";
  let text = toDecimalString(mul(a, fromInt(100)), digits, separator);
  if (!keepZeros && digits > 0) text = text.replace(/0+$/, "").replace(/[.,]$/, "");
  if (text === "-0") text = "0";
  return locale === "fr" ? `${text}${NNBSP}%` : `${text}%`;
}

/** An approximation for charts and sorting; never for comparing with a threshold. */
export const toNumber = (a: Fraction): number => Number(toDecimalString(a, 15));
