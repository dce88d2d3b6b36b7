// Strings of the agenda screens (en). Keys mirror the other language file.
export const agendaEn = {} as const;
