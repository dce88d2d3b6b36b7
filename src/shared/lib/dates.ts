export const TIME_ZONE = "Europe/Paris";

/** The calendar day in Paris for an instant, as YYYY-MM-DD (the server may run in UTC). */
export function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** Is the day inside the half-open period [from, to)? A null end means "still running". */
export function dayInPeriod(day: string, from: string, to: string | null): boolean {
  return from <= day && (to === null || day < to);
}
