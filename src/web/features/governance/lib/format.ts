import type { TFunction } from "i18next";
import type { QuorumRuleDto } from "../../../../shared/contracts/governance.ts";
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

/**
 * A body's quorum rule as a sentence in the interface's language; the French one is the sentence the server
 * writes in `quorumText` and the journal (bodies.presenter.ts describeQuorumRule).
 */
export function quorumSentence(rule: QuorumRuleDto | null, t: TFunction): string {
  if (rule === null || (rule.firstCall === null && rule.secondCall === null)) return t("governance.body.quorumNone");
  const head = t(rule.basis === "weighted" ? "governance.body.quorumHeadWeighted" : "governance.body.quorumHead");
  const long = (share: string) => (share === "1" ? t("governance.body.quorumAll") : t("governance.body.quorumShare", { share }));
  const { firstCall: first, secondCall: second } = rule;
  if (first !== null && second === first) return t("governance.body.quorumBoth", { head, first: long(first) });
  if (first === null) return t("governance.body.quorumSecondOnly", { head, second: long(second as string) });
  if (second === null) return t("governance.body.quorumFirstOnly", { head, first: long(first) });
  const short = second === "1" ? t("governance.body.quorumAllShort") : second;
  return t("governance.body.quorumTwo", { head, first: long(first), second: short });
}
