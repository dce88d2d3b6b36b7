// Strings of the agenda screens (fr). Keys mirror agenda.en.ts.
export const agendaFr = {
  tabs: {
    label: "Sections de l'agenda",
    calendar: "Calendrier",
    health: "Santé de la programmation",
    balance: "Équilibre",
    feeds: "Flux et intégration",
    import: "Importer",
  },
};
