// What the app says about a turn: the solver's reasons (phrased in labels.ts) and the two the app adds
// itself, a withdrawal and a swap. The server writes its 409 messages and the web app its "why this place"
// column through these functions.

import { explainInfeasible, explainReason as explainSolverReason, formatDateEn, formatDateFr, type Lang } from "./labels.ts";
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
