// Strings of the agenda-tools screens (fr). Keys mirror the other language file.
export const agendaToolsFr = {} as const;
