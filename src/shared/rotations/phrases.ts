// The solver's reasons and reports as sentences, in French first and English. The server writes the 409
// message with them; the web app explains each turn with them. Pure: no DOM, no Node.

import type { AssignmentReason, ExcludedHost, Exclusion, HostRef, InfeasibleReport } from "./solver.ts";

export type Lang = "fr" | "en";

/** Reasons the server adds around the solver's: a withdrawal, a swap. */
export type TurnReason =
  | AssignmentReason
  | { code: "withdrawal"; from: string; reason: string }
  | { code: "swapped"; with: string };

const WEEKDAYS = {
  fr: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
const MONTHS = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "jeudi 13 mars 2031" / "Thursday 13 March 2031" from a Paris day "2031-03-13". */
export function longDate(day: string, lang: Lang): string {
  const [y, m, d] = day.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const dayText = lang === "fr" && d === 1 ? "1er" : String(d);
  return `${WEEKDAYS[lang][weekday]} ${dayText} ${MONTHS[lang][m - 1]} ${y}`;
}

const shortDate = (day: string, lang: Lang) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${lang === "fr" && d === 1 ? "1er" : d} ${MONTHS[lang][m - 1]} ${y}`;
};

/** "A, B et C" / "A, B and C". */
export function listOf(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "fr" ? " et " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items.at(-1)}`;
}

const names = (hosts: HostRef[], lang: Lang) =>
  listOf(
    hosts.map((h) => h.label),
    lang,
  );
const turns = (n: number, lang: Lang) => (lang === "fr" ? `${n} tour${n > 1 ? "s" : ""}` : `${n} turn${n === 1 ? "" : "s"}`);
const number = (n: number, lang: Lang) =>
  lang === "fr" ? String(Math.round(n * 100) / 100).replace(".", ",") : String(Math.round(n * 100) / 100);

/** Why one host could not take a date, as the end of a sentence naming the host. */
export function explainExclusion(why: Exclusion, lang: Lang): string {
  const fr = lang === "fr";
  switch (why.kind) {
    case "ineligible":
      return fr ? `ne convient pas (${why.reason})` : `does not qualify (${why.reason})`;
    case "unavailable":
      if (why.from === why.to)
        return fr
          ? `est indisponible le ${shortDate(why.from, lang)} (${why.label})`
          : `is unavailable on ${shortDate(why.from, lang)} (${why.label})`;
      return fr
        ? `est indisponible du ${shortDate(why.from, lang)} au ${shortDate(why.to, lang)} (${why.label})`
        : `is unavailable from ${shortDate(why.from, lang)} to ${shortDate(why.to, lang)} (${why.label})`;
    case "recent-past-turn":
      return fr
        ? `a accueilli le ${shortDate(why.date, lang)}, moins de ${why.minGapDays} jours avant`
        : `hosted on ${shortDate(why.date, lang)}, less than ${why.minGapDays} days before`;
    case "too-close":
      return why.minGapDays > 0
        ? fr
          ? `accueille déjà le ${shortDate(why.date, lang)}, moins de ${why.minGapDays} jours d'écart`
          : `already hosts on ${shortDate(why.date, lang)}, less than ${why.minGapDays} days apart`
        : fr
          ? `accueille déjà au même moment (${shortDate(why.date, lang)})`
          : `already hosts at the same time (${shortDate(why.date, lang)})`;
    case "balance":
      return fr ? "aurait rendu la répartition moins équitable" : "would have made the schedule less even";
  }
}

const excluded = (hosts: ExcludedHost[], lang: Lang) =>
  hosts.map((h) => `${h.label} ${explainExclusion(h.why, lang)}`).join(lang === "fr" ? " ; " : "; ");

/** Why this host takes this turn, in one sentence. */
export function explainReason(reason: TurnReason, lang: Lang): string {
  const fr = lang === "fr";
  switch (reason.code) {
    case "pinned":
      return fr ? "Confié à ce lieu par la coordination." : "Given to this place by the coordination.";
    case "locked":
      return fr ? "Tour déjà convenu, gardé tel quel." : "A turn already agreed, kept as it is.";
    case "only-possible":
      return fr
        ? `Seul lieu possible ce jour-là : ${excluded(reason.others, lang)}.`
        : `The only possible place that day: ${excluded(reason.others, lang)}.`;
    case "furthest-behind":
      return fr
        ? `Le plus en retard sur sa part : ${turns(reason.turns, lang)} pour ${number(reason.expected, lang)} attendus à cette date.`
        : `Furthest behind its share: ${turns(reason.turns, lang)} for ${number(reason.expected, lang)} expected by this date.`;
    case "tie-broken": {
      const by = {
        preference: fr ? "ce lieu préfère cette date" : "this place prefers this date",
        "least-recent": fr ? "ce lieu a accueilli le moins récemment" : "this place hosted least recently",
        order: fr ? "l'ordre fixe des lieux l'a désigné" : "the fixed order of places picked it",
      }[reason.by];
      return fr
        ? `À égalité avec ${names(reason.hosts, lang)} ; départagé : ${by}.`
        : `Tied with ${names(reason.hosts, lang)}; decided: ${by}.`;
    }
    case "ahead-excluded":
      return fr
        ? `Les lieux plus en retard ne pouvaient pas : ${excluded(reason.hosts, lang)}.`
        : `Places further behind could not: ${excluded(reason.hosts, lang)}.`;
    case "preferred":
      return fr ? "Ce lieu avait demandé cette date." : "This place had asked for this date.";
    case "avoided-anyway":
      return fr
        ? "Ce lieu préférait éviter cette date, mais aucune autre répartition n'était aussi équitable."
        : "This place preferred to avoid this date, but no other schedule was as even.";
    case "withdrawal":
      return fr
        ? `Repris après le désistement de ${reason.from} (« ${reason.reason} »).`
        : `Taken over after ${reason.from} withdrew ("${reason.reason}").`;
    case "swapped":
      return fr
        ? `Échangé contre le tour du ${shortDate(reason.with, lang)}.`
        : `Swapped for the turn of ${shortDate(reason.with, lang)}.`;
  }
}

/** Why no schedule exists, naming the constraint that blocks. */
export function explainInfeasible(report: InfeasibleReport, lang: Lang): string {
  const fr = lang === "fr";
  switch (report.code) {
    case "no-hosts":
      return fr
        ? "Aucun lieu n'accueille cette rotation : ajoutez-en au moins deux."
        : "No place hosts this rotation: add at least two.";
    case "pin-conflict":
      return fr
        ? `${report.label} ne peut pas accueillir le ${longDate(report.date, lang)} : il ${explainExclusion(report.why, lang)}.`
        : `${report.label} cannot host on ${longDate(report.date, lang)}: it ${explainExclusion(report.why, lang)}.`;
    case "no-host":
    case "no-combination":
      return fr
        ? `Aucun lieu ne peut accueillir le ${longDate(report.date, lang)} : ${excluded(report.hosts, lang)}.`
        : `No place can host on ${longDate(report.date, lang)}: ${excluded(report.hosts, lang)}.`;
    case "crowded-window": {
      const dates = listOf(
        report.occurrences.map((o) => shortDate(o.date, lang)),
        lang,
      );
      return fr
        ? `Les dates du ${dates} sont à moins de ${report.minGapDays} jours les unes des autres : il faut un lieu différent pour chacune, et seuls ${names(report.hosts, lang) || "aucun lieu"} le peuvent.`
        : `The dates ${dates} are less than ${report.minGapDays} days apart: each needs a different place, and only ${names(report.hosts, lang) || "no place"} can.`;
    }
    case "not-enough-turns": {
      const dates = listOf(
        report.occurrences.map((o) => shortDate(o.date, lang)),
        lang,
      );
      const hosts = listOf(
        report.hosts.map((h) =>
          fr ? `${h.label} (${turns(h.maxTurns, lang)} au plus)` : `${h.label} (${turns(h.maxTurns, lang)} at most)`,
        ),
        lang,
      );
      return fr
        ? `Seuls ${hosts} peuvent accueillir les dates du ${dates}, et l'écart minimal de ${report.minGapDays} jours ne leur permet pas de les prendre toutes.`
        : `Only ${hosts} can host on ${dates}, and the minimum gap of ${report.minGapDays} days does not let them take all of them.`;
    }
    case "search-limit":
      return fr
        ? "La recherche d'une répartition a dépassé sa limite : réduisez l'horizon ou assouplissez une contrainte."
        : "The search for a schedule went past its limit: shorten the horizon or relax a constraint.";
  }
}
