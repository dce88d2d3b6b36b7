import i18n from "i18next";

function locale() {
  return i18n.language === "en" ? "en-GB" : "fr-FR";
}

/** A calendar day (YYYY-MM-DD) in words; French writes the first of the month « 1er », which Intl does not. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return "";
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  const words = new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return d === 1 && locale() === "fr-FR" ? words.replace(/^1(?=\s)/, "1er") : words;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" }).format(date);
}

/** Today in Paris as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}
