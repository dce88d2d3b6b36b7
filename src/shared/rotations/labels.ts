// Sentences for the rotations' structured reasons and reports, in French (the UI's first language) and English.
// The solver and the itinerary return data; only this file turns it into words, so the server, the web app and
// the e-mails say the same thing. Place names are used as given; the phrasing avoids adjectives that would have
// to agree with them ("n'est pas disponible", never "est fermée").

import { parisWeekday } from "../agenda/time.ts";
import type { ItineraryInfeasibility, OpeningWindow } from "./itinerary.ts";
import type { AssignmentReason, ExcludedHost, Exclusion, HostRef, InfeasibleReport } from "./solver.ts";

export type Lang = "fr" | "en";

const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function parts(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  return { y, m, d };
}

/** "jeudi 11 mars 2027", "lundi 1er mars 2027"; without the weekday with `weekday: false`. */
export function formatDateFr(date: string, { weekday = true, year = true } = {}): string {
  const { y, m, d } = parts(date);
  const day = d === 1 ? "1er" : String(d);
  const text = `${day} ${MONTHS_FR[m - 1]}${year ? ` ${y}` : ""}`;
  return weekday ? `${WEEKDAYS_FR[parisWeekday(date)]} ${text}` : text;
}

/** "Thursday 11 March 2027". */
export function formatDateEn(date: string, { weekday = true, year = true } = {}): string {
  const { y, m, d } = parts(date);
  const text = `${d} ${MONTHS_EN[m - 1]}${year ? ` ${y}` : ""}`;
  return weekday ? `${WEEKDAYS_EN[parisWeekday(date)]} ${text}` : text;
}

/** Minutes since midnight as French write them: "9 h 30", "14 h". */
export function formatTimeFr(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** "9:30", "14:00". */
export function formatTimeEn(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** "1", "3,5", "0,33": at most two decimals, a comma in French. */
function formatNumber(x: number, lang: Lang): string {
  const text = String(Math.round(x * 100) / 100);
  return lang === "fr" ? text.replace(".", ",") : text;
}

function list(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "fr" ? " et " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

/** French keeps the singular for 0 and 1 ("0 accueil"), English only for 1. */
const plural = (n: number, one: string, many: string, lang: Lang = "fr") =>
  `${n} ${n === 1 || (lang === "fr" && n === 0) ? one : many}`;

/** "du 15 juillet au 20 août 2027", "le 3 mars 2027", "du 28 décembre 2026 au 3 janvier 2027". */
function rangeFr(from: string, to: string): string {
  if (from === to) return `le ${formatDateFr(from, { weekday: false })}`;
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  // "du 1er au 20 mars 2027": the month is said once when it is the same.
  const first = sameYear && from.slice(5, 7) === to.slice(5, 7) ? (parts(from).d === 1 ? "1er" : String(parts(from).d)) : null;
  return `du ${first ?? formatDateFr(from, { weekday: false, year: !sameYear })} au ${formatDateFr(to, { weekday: false })}`;
}

function rangeEn(from: string, to: string): string {
  if (from === to) return `on ${formatDateEn(from, { weekday: false })}`;
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `from ${formatDateEn(from, { weekday: false, year: !sameYear })} to ${formatDateEn(to, { weekday: false })}`;
}

// ---------------------------------------------------------------- exclusions

/** One host and why it could not take a date, as a clause: "La Fabrique n'est pas disponible (…)". */
export function exclusionFr(host: ExcludedHost): string {
  return `${host.label} ${whyFr(host.why)}`;
}

export function exclusionEn(host: ExcludedHost): string {
  return `${host.label} ${whyEn(host.why)}`;
}

function whyFr(why: Exclusion): string {
  switch (why.kind) {
    case "ineligible":
      return `ne convient pas (${why.reason})`;
    case "unavailable":
      return `n'est pas disponible (${why.label}, ${rangeFr(why.from, why.to)})`;
    case "recent-past-turn":
      return `a accueilli ${rangeFr(why.date, why.date)}, et il faut ${plural(why.minGapDays, "jour", "jours")} entre deux accueils`;
    case "too-close":
      return why.minGapDays === 0
        ? `accueille au même moment (${formatDateFr(why.date)})`
        : `accueille le ${formatDateFr(why.date)}, et il faut ${plural(why.minGapDays, "jour", "jours")} entre deux accueils`;
    case "balance":
      return "aurait pu accueillir, mais la répartition de l'ensemble aurait été moins équilibrée";
  }
}

function whyEn(why: Exclusion): string {
  switch (why.kind) {
    case "ineligible":
      return `does not qualify (${why.reason})`;
    case "unavailable":
      return `is not available (${why.label}, ${rangeEn(why.from, why.to)})`;
    case "recent-past-turn":
      return `hosted ${rangeEn(why.date, why.date)}, and two turns must be ${plural(why.minGapDays, "day", "days", "en")} apart`;
    case "too-close":
      return why.minGapDays === 0
        ? `hosts at the same time (${formatDateEn(why.date)})`
        : `hosts on ${formatDateEn(why.date)}, and two turns must be ${plural(why.minGapDays, "day", "days", "en")} apart`;
    case "balance":
      return "could have hosted, but the schedule as a whole would have been less even";
  }
}

const clauses = (hosts: ExcludedHost[], lang: Lang) =>
  hosts.map((h) => (lang === "fr" ? exclusionFr(h) : exclusionEn(h))).join(lang === "fr" ? " ; " : "; ");
const names = (hosts: HostRef[], lang: Lang) =>
  list(
    hosts.map((h) => h.label),
    lang,
  );

// ---------------------------------------------------------------- why this host

/** Why the solver gave a date to its host, in French. */
export function explainFr(reason: AssignmentReason): string {
  switch (reason.code) {
    case "pinned":
      return "Date fixée par la coordination.";
    case "locked":
      return "Tour déjà convenu, gardé tel quel.";
    case "only-possible":
      return `Seul lieu possible ce jour-là : ${clauses(reason.others, "fr")}.`;
    case "furthest-behind":
      return `Le lieu le plus en retard sur sa part : ${plural(reason.turns, "accueil", "accueils")}, pour une part attendue de ${formatNumber(reason.expected, "fr")} à cette date.`;
    case "tie-broken": {
      const others = names(reason.hosts, "fr");
      if (reason.by === "preference") return `À égalité avec ${others}, ce lieu avait demandé cette date.`;
      if (reason.by === "least-recent") return `À égalité avec ${others}, c'est le lieu qui avait accueilli le moins récemment.`;
      return `À égalité avec ${others}, départagé par un ordre fixe, toujours le même.`;
    }
    case "ahead-excluded": {
      if (reason.tied) {
        return reason.hosts.length === 1
          ? `Un autre lieu était à égalité mais ne pouvait pas : ${clauses(reason.hosts, "fr")}.`
          : `D'autres lieux étaient à égalité mais ne pouvaient pas : ${clauses(reason.hosts, "fr")}.`;
      }
      const lead =
        reason.hosts.length === 1 ? "Le lieu plus en retard ne pouvait pas" : "Les lieux plus en retard ne pouvaient pas";
      return `${lead} : ${clauses(reason.hosts, "fr")}. Celui-ci en était à ${plural(reason.turns, "accueil", "accueils")}, pour une part attendue de ${formatNumber(reason.expected, "fr")}.`;
    }
    case "preferred":
      return "Ce lieu avait demandé cette date.";
    case "avoided-anyway":
      return "Ce lieu préférait éviter cette date, mais aucune répartition aussi équilibrée ne le permettait.";
    case "wish-missed":
      return reason.why.kind === "balance"
        ? `${reason.label} avait demandé cette date, mais la lui donner aurait déséquilibré la répartition ou privé un autre lieu de son vœu.`
        : `${reason.label} avait demandé cette date, mais ${whyFr(reason.why)}.`;
  }
}

/** Why the solver gave a date to its host, in English. */
export function explainEn(reason: AssignmentReason): string {
  switch (reason.code) {
    case "pinned":
      return "Date set by the coordination.";
    case "locked":
      return "Turn already agreed, kept as it is.";
    case "only-possible":
      return `The only possible host that day: ${clauses(reason.others, "en")}.`;
    case "furthest-behind":
      return `Furthest behind its share: ${plural(reason.turns, "turn", "turns", "en")}, for an expected share of ${formatNumber(reason.expected, "en")} by that date.`;
    case "tie-broken": {
      const others = names(reason.hosts, "en");
      if (reason.by === "preference") return `Level with ${others}, it had asked for this date.`;
      if (reason.by === "least-recent") return `Level with ${others}, it was the one that had hosted least recently.`;
      return `Level with ${others}, settled by a fixed order, always the same.`;
    }
    case "ahead-excluded":
      if (reason.tied) {
        return `${reason.hosts.length === 1 ? "Another place was" : "Other places were"} level but could not host: ${clauses(reason.hosts, "en")}.`;
      }
      return `${reason.hosts.length === 1 ? "The place" : "The places"} further behind could not host: ${clauses(reason.hosts, "en")}. This one had ${plural(reason.turns, "turn", "turns", "en")}, for an expected share of ${formatNumber(reason.expected, "en")}.`;
    case "preferred":
      return "It had asked for this date.";
    case "avoided-anyway":
      return "It would rather avoid this date, but no schedule as even allowed it.";
    case "wish-missed":
      return reason.why.kind === "balance"
        ? `${reason.label} had asked for this date, but giving it would have made the schedule less even or cost another host its wish.`
        : `${reason.label} had asked for this date, but ${whyEn(reason.why)}.`;
  }
}

export function explainReason(reason: AssignmentReason, lang: Lang): string {
  return lang === "fr" ? explainFr(reason) : explainEn(reason);
}

// ---------------------------------------------------------------- why no schedule

const span = (dates: string[], lang: Lang) => {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (lang === "fr") return first === last ? `du ${formatDateFr(first)}` : `du ${formatDateFr(first)} au ${formatDateFr(last)}`;
  return first === last ? `on ${formatDateEn(first)}` : `from ${formatDateEn(first)} to ${formatDateEn(last)}`;
};

/** Why no schedule exists, in French, naming the constraint that blocks. */
export function explainInfeasibleFr(report: InfeasibleReport): string {
  switch (report.code) {
    case "no-hosts":
      return "Aucun lieu dans le tour de rôle : ajoutez au moins un lieu d'accueil.";
    case "pin-conflict":
      return `La date fixée du ${formatDateFr(report.date)} pour ${report.label} est impossible : ${exclusionFr(report)}.`;
    case "no-host":
      return `Aucun lieu ne peut accueillir le ${formatDateFr(report.date)} : ${clauses(report.hosts, "fr")}.`;
    case "crowded-window": {
      const n = report.occurrences.length;
      const when = span(
        report.occurrences.map((o) => o.date),
        "fr",
      );
      const close =
        report.minGapDays === 0
          ? `Les ${n} dates ${when} se chevauchent`
          : `Les ${n} dates ${when} sont à moins de ${plural(report.minGapDays, "jour", "jours")} les unes des autres`;
      const who =
        report.hosts.length === 0
          ? "aucun lieu ne peut les accueillir"
          : report.hosts.length === 1
            ? `un seul lieu peut les accueillir, ${report.hosts[0].label}`
            : `seuls ${report.hosts.length} lieux peuvent les accueillir (${names(report.hosts, "fr")})`;
      const others = report.others.length > 0 ? ` Les autres sont écartés : ${clauses(report.others, "fr")}.` : "";
      return `${close} : il faut un lieu différent pour chacune, et ${who}.${others}`;
    }
    case "not-enough-turns": {
      const n = report.occurrences.length;
      const when = span(
        report.occurrences.map((o) => o.date),
        "fr",
      );
      const total = report.hosts.reduce((s, h) => s + h.maxTurns, 0);
      const gap = report.minGapDays > 0 ? ` avec ${plural(report.minGapDays, "jour", "jours")} d'écart entre deux accueils` : "";
      return `Les ${n} dates ${when} ne peuvent être accueillies que par ${names(report.hosts, "fr") || "aucun lieu"}, qui ne peuvent en prendre que ${total} en tout${gap}.`;
    }
    case "no-combination":
      return `Aucune répartition ne respecte toutes les contraintes à la fois ; le blocage arrive le ${formatDateFr(report.date)} : ${clauses(report.hosts, "fr")}.`;
    case "search-limit":
      return "Le calcul s'est arrêté avant de trouver une répartition : allégez les contraintes (moins de dates fixées, un écart minimum plus court) et relancez.";
  }
}

/** Why no schedule exists, in English. */
export function explainInfeasibleEn(report: InfeasibleReport): string {
  switch (report.code) {
    case "no-hosts":
      return "No host in the rotation: add at least one place.";
    case "pin-conflict":
      return `The date set on ${formatDateEn(report.date)} for ${report.label} is impossible: ${exclusionEn(report)}.`;
    case "no-host":
      return `No place can host on ${formatDateEn(report.date)}: ${clauses(report.hosts, "en")}.`;
    case "crowded-window": {
      const n = report.occurrences.length;
      const when = span(
        report.occurrences.map((o) => o.date),
        "en",
      );
      const close =
        report.minGapDays === 0
          ? `The ${n} dates ${when} overlap`
          : `The ${n} dates ${when} are less than ${plural(report.minGapDays, "day", "days", "en")} apart`;
      const who =
        report.hosts.length === 0
          ? "no place can host them"
          : report.hosts.length === 1
            ? `only ${report.hosts[0].label} can host them`
            : `only ${report.hosts.length} places can host them (${names(report.hosts, "en")})`;
      const others = report.others.length > 0 ? ` The others are ruled out: ${clauses(report.others, "en")}.` : "";
      return `${close}: each needs a different host, and ${who}.${others}`;
    }
    case "not-enough-turns": {
      const n = report.occurrences.length;
      const when = span(
        report.occurrences.map((o) => o.date),
        "en",
      );
      const total = report.hosts.reduce((s, h) => s + h.maxTurns, 0);
      const gap = report.minGapDays > 0 ? ` with ${plural(report.minGapDays, "day", "days", "en")} between two turns` : "";
      return `The ${n} dates ${when} can only be hosted by ${names(report.hosts, "en") || "no place"}, who can take only ${total} of them in all${gap}.`;
    }
    case "no-combination":
      return `No schedule meets every constraint at once; it gets stuck on ${formatDateEn(report.date)}: ${clauses(report.hosts, "en")}.`;
    case "search-limit":
      return "The computation stopped before finding a schedule: relax the constraints (fewer fixed dates, a shorter minimum gap) and try again.";
  }
}

export function explainInfeasible(report: InfeasibleReport, lang: Lang): string {
  return lang === "fr" ? explainInfeasibleFr(report) : explainInfeasibleEn(report);
}

// ---------------------------------------------------------------- learning tour

function windowsFr(windows: OpeningWindow[]): string {
  if (windows.length === 0) return "ouvert toute la journée";
  return `ouvert ${list(
    windows.map((w) => `de ${formatTimeFr(w.from)} à ${formatTimeFr(w.to)}`),
    "fr",
  )}`;
}

function windowsEn(windows: OpeningWindow[]): string {
  if (windows.length === 0) return "open all day";
  return `open ${list(
    windows.map((w) => `${formatTimeEn(w.from)}–${formatTimeEn(w.to)}`),
    "en",
  )}`;
}

/** Why the tour cannot keep every opening window, in French. */
export function explainItineraryFr(report: ItineraryInfeasibility): string {
  switch (report.code) {
    case "visit-too-long":
      return `La visite de ${report.label} (${report.visitMinutes} min) ne tient dans aucun de ses créneaux (${windowsFr(report.windows)}).`;
    case "stop-unreachable":
      return `On ne peut pas visiter ${report.label} à temps : même en y allant en premier, on arrive à ${formatTimeFr(report.earliestArrival)}, trop tard pour une visite de ${report.visitMinutes} min (${windowsFr(report.windows)}).`;
    case "end-unreachable":
      return report.label === null
        ? `Même sans aucune visite, on arrive à ${formatTimeFr(report.earliestEnd)}, après l'heure limite de ${formatTimeFr(report.endBy)}.`
        : `Avec la seule visite de ${report.label}, on arrive déjà à ${formatTimeFr(report.earliestEnd)}, après l'heure limite de ${formatTimeFr(report.endBy)}.`;
    case "windows-conflict": {
      const route =
        report.visited.length === 0
          ? "Dès le départ"
          : `Après ${list(
              report.visited.map((v) => `${v.label} (${formatTimeFr(v.visitStart)}–${formatTimeFr(v.departure)})`),
              "fr",
            )}`;
      const missed = report.missed.map(
        (s) =>
          `on arriverait à ${s.label} à ${formatTimeFr(s.arrival)}, trop tard pour ${s.visitMinutes} min de visite (${windowsFr(s.windows)})`,
      );
      if (report.endBy !== null && missed.length === 0)
        missed.push(`on ne serait pas arrivé avant ${formatTimeFr(report.endBy)}`);
      return `Impossible de tout visiter dans les horaires. ${route}, ${missed.join(" ; ")}.`;
    }
  }
}

/** Why the tour cannot keep every opening window, in English. */
export function explainItineraryEn(report: ItineraryInfeasibility): string {
  switch (report.code) {
    case "visit-too-long":
      return `The visit of ${report.label} (${report.visitMinutes} min) fits in none of its opening times (${windowsEn(report.windows)}).`;
    case "stop-unreachable":
      return `${report.label} cannot be visited in time: even going there first, one arrives at ${formatTimeEn(report.earliestArrival)}, too late for a ${report.visitMinutes}-minute visit (${windowsEn(report.windows)}).`;
    case "end-unreachable":
      return report.label === null
        ? `Even without any visit, one arrives at ${formatTimeEn(report.earliestEnd)}, after the ${formatTimeEn(report.endBy)} deadline.`
        : `With ${report.label} as the only visit, one already arrives at ${formatTimeEn(report.earliestEnd)}, after the ${formatTimeEn(report.endBy)} deadline.`;
    case "windows-conflict": {
      const route =
        report.visited.length === 0
          ? "From the start"
          : `After ${list(
              report.visited.map((v) => `${v.label} (${formatTimeEn(v.visitStart)}–${formatTimeEn(v.departure)})`),
              "en",
            )}`;
      const missed = report.missed.map(
        (s) =>
          `one would reach ${s.label} at ${formatTimeEn(s.arrival)}, too late for a ${s.visitMinutes}-minute visit (${windowsEn(s.windows)})`,
      );
      if (report.endBy !== null && missed.length === 0) missed.push(`one would not arrive by ${formatTimeEn(report.endBy)}`);
      return `Not every stop fits its opening times. ${route}, ${missed.join("; ")}.`;
    }
  }
}

export function explainItinerary(report: ItineraryInfeasibility, lang: Lang): string {
  return lang === "fr" ? explainItineraryFr(report) : explainItineraryEn(report);
}
