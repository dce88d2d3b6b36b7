import { Container, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { PublicHeader } from "../../../components/ui/PublicHeader.tsx";
import { usePublicAgenda } from "../../../features/agenda/api/agenda.ts";
import { AgendaFilters } from "../../../features/agenda/components/AgendaFilters.tsx";
import { CalendarToolbar } from "../../../features/agenda/components/CalendarToolbar.tsx";
import { ListView, MonthView } from "../../../features/agenda/components/CalendarViews.tsx";
import type { ShownOccurrence } from "../../../features/agenda/components/OccurrenceItem.tsx";
import { PlaceLegend } from "../../../features/agenda/components/PlaceLegend.tsx";
import { PublicEventModal, SubscribeBox } from "../../../features/agenda/components/PublicPieces.tsx";
import { viewRange } from "../../../features/agenda/lib/calendar.ts";
import { useAgendaUrlState } from "../../../features/agenda/lib/url-state.ts";
import { ApiError } from "../../../lib/api-client.ts";
import "../../../features/agenda/components/agenda-print.css";

/** The consortium's public events, for everyone, signed in or not: month or list, filters, feed. */
export default function PublicAgendaPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const state = useAgendaUrlState("month");
  const view = state.view === "list" ? "list" : "month";
  const { date, filters } = state;
  const range = viewRange(view, date);
  const agenda = usePublicAgenda(slug, {
    ...range,
    placeId: filters.placeId,
    audience: filters.audience,
    theme: filters.theme,
  });
  const [open, setOpen] = useState<ShownOccurrence | null>(null);

  const data = agenda.data;
  const colors = useMemo(() => new Map((data?.places ?? []).map((p) => [p.id, p.color])), [data]);
  const themes = useMemo(() => [...new Set((data?.items ?? []).flatMap((o) => o.themes))].sort(), [data]);
  const legendPlaces = useMemo(() => {
    const shown = new Set((data?.items ?? []).map((o) => o.placeId));
    return (data?.places ?? []).filter((p) => shown.has(p.id));
  }, [data]);
  const notFound = agenda.error instanceof ApiError && agenda.error.status === 404;
  const name = data?.consortium.name;

  const viewProps = {
    date,
    items: data?.items ?? [],
    colorOf: (placeId: string | null) => (placeId ? (colors.get(placeId) ?? null) : null),
    onOpen: setOpen,
    emptyMessage: t(`agenda.empty.${view}`),
  };

  return (
    <div className="agenda-printable">
      <PublicHeader className="no-print" />
      <Container component="main" id="main" tabIndex={-1} size="xl" py="lg">
        {agenda.isPending ? (
          <Loading />
        ) : notFound ? (
          <PageLayout title={t("agenda.public.notFound")}>
            <Text>{t("agenda.public.notFoundText")}</Text>
          </PageLayout>
        ) : agenda.isError && !data ? (
          <PageLayout title={t("agenda.public.title", { name: "" })}>
            <ErrorAlert error={agenda.error} />
          </PageLayout>
        ) : (
          <PageLayout title={t("agenda.public.title", { name })} subtitle={<Text c="gray.8">{t("agenda.public.intro")}</Text>}>
            <Stack gap="md">
              <CalendarToolbar view={view} date={date} views={["month", "list"]} onChange={(patch) => state.update(patch)} />
              <AgendaFilters
                filters={filters}
                onChange={(f) => state.update({ filters: f })}
                onClear={state.clearFilters}
                places={(data?.places ?? []).map((p) => ({ value: p.id, label: p.name }))}
                themes={themes}
              />
              <PlaceLegend places={legendPlaces} withOther={(data?.items ?? []).some((o) => !o.placeId)} />
              {agenda.isError ? <ErrorAlert error={agenda.error} /> : null}
              {view === "month" ? <MonthView {...viewProps} hideCaption /> : <ListView {...viewProps} />}
              {data ? <SubscribeBox feed={data.feed} /> : null}
            </Stack>
            <PublicEventModal o={open} details={data?.details ?? {}} onClose={() => setOpen(null)} />
          </PageLayout>
        )}
      </Container>
    </div>
  );
}
