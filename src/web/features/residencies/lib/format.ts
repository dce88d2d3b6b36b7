import { stayDates } from "../../../../shared/residencies/dates.ts";

/** « du 3 au 28 mars 2032 » inside a sentence, in the interface language. */
export function stayRange(from: string, to: string, lang: string): string {
  return stayDates(from, to, lang === "en" ? "en" : "fr");
}

/** « Du 3 au 28 mars 2032 » at the start of a line. */
export function stayRangeTitle(from: string, to: string, lang: string): string {
  const text = stayRange(from, to, lang);
  return text[0].toLocaleUpperCase() + text.slice(1);
}

/** The stops a map can draw: stays whose place has coordinates, numbered by their rank on the whole route. */
export function routeStops(
  stays: Array<{
    id: string;
    placeName: string;
    latitude: number | null;
    longitude: number | null;
    from: string;
    to: string;
    status: "past" | "current" | "upcoming";
  }>,
  lang: string,
) {
  return stays.flatMap((s, i) =>
    s.latitude === null || s.longitude === null
      ? []
      : [
          {
            id: s.id,
            number: i + 1,
            name: s.placeName,
            label: `${i + 1}. ${s.placeName}, ${stayRange(s.from, s.to, lang)}`,
            latitude: s.latitude,
            longitude: s.longitude,
            status: s.status,
          },
        ],
  );
}

/** Brings a stay of the list into view and gives it the focus, as a click on its marker asks. */
export function focusStay(id: string) {
  const element = document.getElementById(`stay-${id}`);
  element?.scrollIntoView({ behavior: "smooth", block: "start" });
  element?.focus({ preventScroll: true });
}
