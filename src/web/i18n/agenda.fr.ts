// Strings of the agenda screens (fr). Keys mirror the other language file.
export const agendaFr = {} as const;
