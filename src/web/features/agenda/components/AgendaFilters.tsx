import { Autocomplete, Button, Group, NativeSelect } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { EVENT_AUDIENCES, EVENT_VISIBILITIES } from "../../../../shared/vocabulary.ts";
import { type AgendaFilters as Filters, hasFilters } from "../lib/url-state.ts";

type Option = { value: string; label: string };

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  onClear: () => void;
  places: Option[];
  /** Omitted on the public agenda. */
  organizers?: Option[];
  /** Themes seen in the window, offered while typing; any theme can be typed. */
  themes: string[];
  withVisibility?: boolean;
}

/** Filters of the calendar; each change is written to the address by the page. */
export function AgendaFilters({ filters, onChange, onClear, places, organizers, themes, withVisibility }: Props) {
  const { t } = useTranslation();
  const [theme, setTheme] = useState(filters.theme ?? "");
  useEffect(() => setTheme(filters.theme ?? ""), [filters.theme]);
  const commitTheme = (value: string) => {
    const next = value.trim();
    if (next !== (filters.theme ?? "")) onChange({ theme: next || undefined });
  };
  const all = (label: string) => [{ value: "", label }];
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too recent for the browsers our users keep; div[role=search] is read the same way.
    <div role="search" className="no-print" aria-label={t("agenda.filters.label")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("agenda.filters.place")}
          value={filters.placeId ?? ""}
          onChange={(e) => onChange({ placeId: e.currentTarget.value || undefined })}
          data={[...all(t("agenda.filters.allPlaces")), ...places]}
          w={{ base: "100%", xs: 200 }}
        />
        {organizers ? (
          <NativeSelect
            label={t("agenda.filters.organizer")}
            value={filters.organizerId ?? ""}
            onChange={(e) => onChange({ organizerId: e.currentTarget.value || undefined })}
            data={[...all(t("agenda.filters.allOrganizers")), ...organizers]}
            w={{ base: "100%", xs: 200 }}
          />
        ) : null}
        <NativeSelect
          label={t("agenda.filters.audience")}
          value={filters.audience ?? ""}
          onChange={(e) => onChange({ audience: (e.currentTarget.value || undefined) as Filters["audience"] })}
          data={[
            ...all(t("agenda.filters.allAudiences")),
            ...EVENT_AUDIENCES.map((a) => ({ value: a, label: t(`agenda.audiences.${a}`) })),
          ]}
          w={{ base: "100%", xs: 180 }}
        />
        <Autocomplete
          label={t("agenda.filters.theme")}
          placeholder={t("agenda.filters.anyTheme")}
          value={theme}
          data={themes}
          onChange={setTheme}
          onOptionSubmit={commitTheme}
          onBlur={() => commitTheme(theme)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commitTheme(e.currentTarget.value);
          }}
          w={{ base: "100%", xs: 180 }}
        />
        {withVisibility ? (
          <NativeSelect
            label={t("agenda.filters.visibility")}
            value={filters.visibility ?? ""}
            onChange={(e) => onChange({ visibility: (e.currentTarget.value || undefined) as Filters["visibility"] })}
            data={[
              ...all(t("agenda.filters.allVisibilities")),
              ...EVENT_VISIBILITIES.map((v) => ({ value: v, label: t(`agenda.visibility.${v}`) })),
            ]}
            w={{ base: "100%", xs: 160 }}
          />
        ) : null}
        {hasFilters(filters) ? (
          <Button variant="subtle" onClick={onClear}>
            {t("agenda.filters.clear")}
          </Button>
        ) : null}
      </Group>
    </div>
  );
}
