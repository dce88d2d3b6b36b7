import { fromDecimalString, fromInt, mul } from "../../../../shared/governance/fraction.ts";

/** « 29 février 2028 » / "29 February 2028": mandate days, without the weekday the agenda shows. */
export function dayText(day: string, lang: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** « 40 000 € » / "€40,000": capital held, cents dropped when there are none. */
export function euros(cents: number, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR", {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/** « 1 000,50 » or « 1000.50 € » → 100050 cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const value = fromDecimalString(text.replace(/[\s\u202f\u00a0€]/g, ""));
  if (value === null) return null;
  const cents = mul(value, fromInt(100));
  return cents.den === 1n ? Number(cents.num) : null;
}
