import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setContractLocale } from "../../shared/contracts/messages.ts";
import { agendaEn } from "./agenda.en.ts";
import { agendaFr } from "./agenda.fr.ts";
import { agendaToolsEn } from "./agenda-tools.en.ts";
import { agendaToolsFr } from "./agenda-tools.fr.ts";
import { decisionsEn } from "./decisions.en.ts";
import { decisionsFr } from "./decisions.fr.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { governanceEn } from "./governance.en.ts";
import { governanceFr } from "./governance.fr.ts";
import { meetingsEn } from "./meetings.en.ts";
import { meetingsFr } from "./meetings.fr.ts";
import { proposalsEn } from "./proposals.en.ts";
import { proposalsFr } from "./proposals.fr.ts";
import { residenciesEn } from "./residencies.en.ts";
import { residenciesFr } from "./residencies.fr.ts";
import { rotationsEn } from "./rotations.en.ts";
import { rotationsFr } from "./rotations.fr.ts";
import { tasksEn } from "./tasks.en.ts";
import { tasksFr } from "./tasks.fr.ts";
import { toursEn } from "./tours.en.ts";
import { toursFr } from "./tours.fr.ts";

export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "maillage.language";

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  // Each module's strings live in their own files, under their own key (t("agenda.…")).
  resources: {
    fr: {
      translation: {
        ...fr,
        agenda: agendaFr,
        agendaTools: agendaToolsFr,
        rotations: rotationsFr,
        residencies: residenciesFr,
        tours: toursFr,
        governance: governanceFr,
        meetings: meetingsFr,
        proposals: proposalsFr,
        decisions: decisionsFr,
        tasks: tasksFr,
      },
    },
    en: {
      translation: {
        ...en,
        agenda: agendaEn,
        agendaTools: agendaToolsEn,
        rotations: rotationsEn,
        residencies: residenciesEn,
        tours: toursEn,
        governance: governanceEn,
        meetings: meetingsEn,
        proposals: proposalsEn,
        decisions: decisionsEn,
        tasks: tasksEn,
      },
    },
  },
  lng: initial,
  fallbackLng: "fr",
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = initial;
// Form validation uses the shared contracts: their messages follow the interface language.
setContractLocale(initial);

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
  setContractLocale(lng === "en" ? "en" : "fr");
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private browsing: the choice lasts for the page only
  }
});

export default i18n;
