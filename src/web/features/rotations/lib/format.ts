import { longDay, timeOf } from "../../agenda/lib/format.ts";

const capitalize = (s: string) => (s ? s[0].toLocaleUpperCase() + s.slice(1) : s);

/** "Jeudi 13 mars 2031": the day of a turn at the start of a line (the schedule, a list of turns). */
export function turnDay(day: string, lang: string): string {
  return capitalize(longDay(day, lang));
}

/** "jeudi 13 mars 2031": the day of a turn inside a sentence. */
export function turnDayInline(day: string, lang: string): string {
  return longDay(day, lang);
}

/** "08:30 – 10:00" */
export function turnHours(turn: { startsAt: string; endsAt: string }, lang: string): string {
  return `${timeOf(turn.startsAt, lang)} – ${timeOf(turn.endsAt, lang)}`;
}

/** 2.5 → "2,5" in French; integers stay integers. */
export function decimal(n: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: digits }).format(n);
}

/** 0.25 → "25 %" */
export function percentOf(share: number, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR", { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A signed gap: "+0,5", "−1", "0". */
export function signed(n: number, lang: string): string {
  if (n === 0) return "0";
  const text = decimal(Math.abs(n), lang);
  return n > 0 ? `+${text}` : `−${text}`;
}
