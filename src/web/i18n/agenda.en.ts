// Strings of the agenda screens (en). Keys mirror agenda.fr.ts.
export const agendaEn: typeof import("./agenda.fr.ts").agendaFr = {
  tabs: {
    label: "Agenda sections",
    calendar: "Calendar",
    health: "Programme health",
    balance: "Balance",
    feeds: "Feeds and embedding",
    import: "Import",
  },
};
