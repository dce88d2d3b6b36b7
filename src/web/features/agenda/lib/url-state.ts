import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { EVENT_AUDIENCES, EVENT_VISIBILITIES } from "../../../../shared/vocabulary.ts";
import { isDay, todayInParis, type ViewKind } from "./calendar.ts";

// The calendar's state lives in the address (French words, as the pages' URLs), so that a view can be
// shared, bookmarked and survives a reload: ?vue=mois&date=2027-03-01&lieu=…&public=families

const VIEW_WORDS: Record<ViewKind, string> = { month: "mois", week: "semaine", day: "jour", list: "liste" };
const WORD_VIEWS = Object.fromEntries(Object.entries(VIEW_WORDS).map(([k, v]) => [v, k])) as Record<string, ViewKind>;

export interface AgendaFilters {
  placeId?: string;
  organizerId?: string;
  audience?: (typeof EVENT_AUDIENCES)[number];
  theme?: string;
  visibility?: (typeof EVENT_VISIBILITIES)[number];
}

const FILTER_PARAMS: Record<keyof AgendaFilters, string> = {
  placeId: "lieu",
  organizerId: "organisateur",
  audience: "public",
  theme: "theme",
  visibility: "visibilite",
};

export interface AgendaUrlState {
  view: ViewKind;
  date: string;
  filters: AgendaFilters;
}

export function readAgendaState(params: URLSearchParams, defaultView: ViewKind = "month"): AgendaUrlState {
  const view = WORD_VIEWS[params.get("vue") ?? ""] ?? defaultView;
  const rawDate = params.get("date");
  const date = isDay(rawDate) ? rawDate : todayInParis();
  const filters: AgendaFilters = {};
  const place = params.get(FILTER_PARAMS.placeId);
  if (place) filters.placeId = place;
  const organizer = params.get(FILTER_PARAMS.organizerId);
  if (organizer) filters.organizerId = organizer;
  const audience = params.get(FILTER_PARAMS.audience);
  if (audience && (EVENT_AUDIENCES as readonly string[]).includes(audience))
    filters.audience = audience as AgendaFilters["audience"];
  const theme = params.get(FILTER_PARAMS.theme)?.trim();
  if (theme) filters.theme = theme;
  const visibility = params.get(FILTER_PARAMS.visibility);
  if (visibility && (EVENT_VISIBILITIES as readonly string[]).includes(visibility)) {
    filters.visibility = visibility as AgendaFilters["visibility"];
  }
  return { view, date, filters };
}

export function agendaSearch(state: Partial<AgendaUrlState>): string {
  const params = new URLSearchParams();
  if (state.view) params.set("vue", VIEW_WORDS[state.view]);
  if (state.date) params.set("date", state.date);
  for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof AgendaFilters, string][]) {
    const value = state.filters?.[key];
    if (value) params.set(name, value);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** The calendar's state from the address, and a setter that writes it back (one history entry per change). */
export function useAgendaUrlState(defaultView: ViewKind = "month") {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readAgendaState(params, defaultView), [params, defaultView]);
  const update = useCallback(
    (patch: Partial<AgendaUrlState>) => {
      const next = { ...state, ...patch, filters: { ...state.filters, ...patch.filters } };
      for (const key of Object.keys(next.filters) as (keyof AgendaFilters)[]) {
        if (!next.filters[key]) delete next.filters[key];
      }
      setParams(new URLSearchParams(agendaSearch(next).slice(1)));
    },
    [state, setParams],
  );
  const clearFilters = useCallback(() => {
    setParams(new URLSearchParams(agendaSearch({ view: state.view, date: state.date }).slice(1)));
  }, [state.view, state.date, setParams]);
  return { ...state, update, clearFilters };
}

export const hasFilters = (f: AgendaFilters) => Object.values(f).some(Boolean);
