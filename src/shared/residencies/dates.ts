import { formatDateEn, formatDateFr } from "../rotations/labels.ts";

// How the residency's pages, its agenda events and its messages say a stay's days. Pure, shared by the server
// (409 messages, event descriptions) and the web app.

export type Lang = "fr" | "en";

const dayOf = (date: string) => Number(date.slice(8, 10));

/**
 * « du 3 au 28 mars 2032 », « du 28 février au 15 mars 2032 », « du 28 décembre 2031 au 4 janvier 2032 »,
 * « le 1er mars 2032 »; in English « from 3 to 28 March 2032 ».
 */
export function stayDates(from: string, to: string, lang: Lang = "fr"): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const sameMonth = sameYear && from.slice(5, 7) === to.slice(5, 7);
  if (lang === "en") {
    if (from === to) return `on ${formatDateEn(from, { weekday: false })}`;
    const first = sameMonth ? String(dayOf(from)) : formatDateEn(from, { weekday: false, year: !sameYear });
    return `from ${first} to ${formatDateEn(to, { weekday: false })}`;
  }
  if (from === to) return `le ${formatDateFr(from, { weekday: false })}`;
  const first = sameMonth
    ? dayOf(from) === 1
      ? "1er"
      : String(dayOf(from))
    : formatDateFr(from, { weekday: false, year: !sameYear });
  return `du ${first} au ${formatDateFr(to, { weekday: false })}`;
}

/** Number of days of a stay, both ends included. */
export function stayLength(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Where a stay stands on `today` (a Paris calendar day). */
export function stayStatus(from: string, to: string, today: string): "past" | "current" | "upcoming" {
  if (to < today) return "past";
  if (from > today) return "upcoming";
  return "current";
}
