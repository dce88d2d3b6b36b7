import type { EVENT_AUDIENCES } from "../vocabulary.ts";

/** Audiences as French sentences name them ("aucun autre événement « familles » ce soir-là"). */
export const AUDIENCE_LABELS_FR: Record<(typeof EVENT_AUDIENCES)[number], string> = {
  general_public: "tout public",
  families: "familles",
  children: "enfants",
  youth: "jeunes",
  seniors: "seniors",
  professionals: "professionnels",
  project_holders: "porteurs de projet",
  elected_officials: "élus",
  job_seekers: "demandeurs d'emploi",
  students: "étudiants",
};

/** The French label of an audience key, or the key itself when it is not one of ours. */
export function audienceLabelFr(key: string): string {
  return (AUDIENCE_LABELS_FR as Record<string, string>)[key] ?? key;
}
