// Strings of the agenda-tools screens (en). Keys mirror the other language file.
export const agendaToolsEn = {} as const;
