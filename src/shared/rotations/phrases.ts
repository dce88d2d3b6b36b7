// What the app says about a turn: the solver's reasons (phrased in labels.ts) and the two the app adds
// itself, a withdrawal and a swap. The server writes its 409 messages and the web app its "why this place"
// column through these functions.

import {
  explainInfeasible,
  explainReason as explainSolverReason,
  formatDateEn,
  formatDateFr,
  formatTimeEn,
  formatTimeFr,
  type Lang,
} from "./labels.ts";
import type { AssignmentReason } from "./solver.ts";

export { explainInfeasible, type Lang };

/** Reasons the server adds around the solver's: a withdrawal, a swap. */
export type TurnReason =
  | AssignmentReason
  | { code: "withdrawal"; from: string; reason: string }
  | { code: "swapped"; with: string };

export function explainReason(reason: TurnReason, lang: Lang): string {
  const fr = lang === "fr";
  if (reason.code === "withdrawal")
    return fr
      ? `Repris après le désistement de ${reason.from} (« ${reason.reason} »).`
      : `Taken over after ${reason.from} withdrew ("${reason.reason}").`;
  if (reason.code === "swapped")
    return fr
      ? `Échangé contre le tour du ${formatDateFr(reason.with, { weekday: false })}.`
      : `Swapped for the turn of ${formatDateEn(reason.with, { weekday: false })}.`;
  return explainSolverReason(reason, lang);
}

/**
 * The 409 of a turn whose room another event already holds: the agenda's exclusion constraint only knows that
 * some space clashed; this names the room, the day, the hours (Paris wall-clock minutes) and the other event.
 */
export interface RoomTaken {
  code: "room-taken";
  space: string;
  place: string;
  date: string;
  from: number;
  to: number;
  title: string;
}

/** "de La Filature", "du Hangar", "des Tanneries", "d'Atelier partagé": French contracts the article. */
function ofPlace(name: string): string {
  if (/^Le\s/.test(name)) return `du ${name.slice(3)}`;
  if (/^Les\s/.test(name)) return `des ${name.slice(4)}`;
  // Not before an h: too many are aspirated ("de Hangar 21").
  if (/^[AEIOUYÀÂÉÈÊÎÔaeiouyàâéèêîô]/.test(name)) return `d'${name}`;
  return `de ${name}`;
}

export function explainRoomTaken(r: RoomTaken, lang: Lang): string {
  return lang === "fr"
    ? `La salle ${r.space} ${ofPlace(r.place)} est déjà prise le ${formatDateFr(r.date)} de ${formatTimeFr(r.from)} à ${formatTimeFr(r.to)} (« ${r.title} »).`
    : `The room ${r.space} at ${r.place} is already taken on ${formatDateEn(r.date)} from ${formatTimeEn(r.from)} to ${formatTimeEn(r.to)} ("${r.title}").`;
}
