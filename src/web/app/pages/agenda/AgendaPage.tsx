import { Button, Group, Loader, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useAgendaWindow } from "../../../features/agenda/api/agenda.ts";
import { AgendaFilters } from "../../../features/agenda/components/AgendaFilters.tsx";
import { AgendaTabs } from "../../../features/agenda/components/AgendaTabs.tsx";
import { CalendarToolbar } from "../../../features/agenda/components/CalendarToolbar.tsx";
import { DayView, ListView, MonthView, WeekView } from "../../../features/agenda/components/CalendarViews.tsx";
import { occurrenceHref } from "../../../features/agenda/components/OccurrenceItem.tsx";
import { PlaceLegend } from "../../../features/agenda/components/PlaceLegend.tsx";
import { viewRange } from "../../../features/agenda/lib/calendar.ts";
import { agendaSearch, useAgendaUrlState } from "../../../features/agenda/lib/url-state.ts";
import { useConsortium } from "../../../features/consortium/api/consortium.ts";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";
import "../../../features/agenda/components/agenda-print.css";

/** The consortium's calendar: month, week, day and list, filtered, its state in the address. */
export default function AgendaPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const state = useAgendaUrlState();
  const { view, date, filters } = state;
  const range = viewRange(view, date);
  const agenda = useAgendaWindow(slug, { ...range, ...filters });
  const consortium = useConsortium(slug);
  const places = usePlaces(slug);
  const organizations = useOrganizations(slug);

  const colors = useMemo(() => new Map((agenda.data?.places ?? []).map((p) => [p.id, p.color])), [agenda.data]);
  const placeNames = useMemo(() => new Map((agenda.data?.places ?? []).map((p) => [p.id, p.name])), [agenda.data]);
  const themes = useMemo(() => [...new Set((agenda.data?.items ?? []).flatMap((o) => o.themes))].sort(), [agenda.data]);
  const legendPlaces = useMemo(() => {
    const shown = new Set((agenda.data?.items ?? []).map((o) => o.placeId));
    return (agenda.data?.places ?? []).filter((p) => shown.has(p.id));
  }, [agenda.data]);
  const hasOtherVenues = (agenda.data?.items ?? []).some((o) => !o.placeId);

  const abilities = consortium.data?.abilities ?? {};
  const canCreate = abilities.createEvent === true;
  const dayHref = (day: string) => agendaSearch({ view: "day", date: day, filters });
  const viewProps = {
    date,
    items: agenda.data?.items ?? [],
    colorOf: (placeId: string | null) => (placeId ? (colors.get(placeId) ?? null) : null),
    hrefOf: (o: { eventId: string; occurrence: string; recurring: boolean }) => occurrenceHref(slug, o),
    dayHref,
    emptyMessage: t(`agenda.empty.${view}`),
  };

  return (
    <div className="agenda-printable">
      <PageLayout
        title={t("agenda.title")}
        subtitle={consortium.data ? <Text c="gray.8">{consortium.data.name}</Text> : undefined}
        before={<AgendaTabs slug={slug} />}
        actions={
          canCreate ? (
            <Button component={Link} to={`/c/${slug}/agenda/nouveau?date=${date}`} className="no-print">
              {t("agenda.newEvent")}
            </Button>
          ) : undefined
        }
      >
        <Stack gap="md">
          <CalendarToolbar
            view={view}
            date={date}
            onChange={(patch) => state.update(patch)}
            actions={
              <Button variant="default" onClick={() => window.print()}>
                {t("agenda.toolbar.print")}
              </Button>
            }
          />
          <AgendaFilters
            filters={filters}
            onChange={(f) => state.update({ filters: f })}
            onClear={state.clearFilters}
            places={(places.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            organizers={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            themes={themes}
            withVisibility
          />
          <Group justify="space-between" align="flex-end" gap="xs">
            <PlaceLegend places={legendPlaces} withOther={hasOtherVenues} />
            {agenda.isFetching && !agenda.isPending ? (
              <Group gap={6} role="status" className="no-print">
                <Loader size="xs" />
                <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
              </Group>
            ) : null}
          </Group>
          {agenda.isPending ? (
            <Loading />
          ) : agenda.isError ? (
            <ErrorAlert error={agenda.error} />
          ) : view === "month" ? (
            <MonthView {...viewProps} hideCaption />
          ) : view === "week" ? (
            <WeekView {...viewProps} />
          ) : view === "day" ? (
            <DayView {...viewProps} placeNames={placeNames} />
          ) : (
            <ListView {...viewProps} />
          )}
        </Stack>
      </PageLayout>
    </div>
  );
}
