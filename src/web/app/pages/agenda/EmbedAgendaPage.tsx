import { Anchor, Box, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { usePublicAgenda } from "../../../features/agenda/api/agenda.ts";
import { ListView } from "../../../features/agenda/components/CalendarViews.tsx";
import { addDays, parisDayOf, todayInParis } from "../../../features/agenda/lib/calendar.ts";
import { dayRange } from "../../../features/agenda/lib/format.ts";
import { readAgendaState } from "../../../features/agenda/lib/url-state.ts";
import { ApiError } from "../../../lib/api-client.ts";

// How far ahead the embedded list looks: a season, enough for a partner's web page.
const DAYS_AHEAD = 90;

/**
 * The public agenda for an iframe on another site: the coming events as a compact list, no app chrome.
 * The address may pre-filter it (?lieu=…&public=…&theme=…), for instance to show one place's events.
 */
export default function EmbedAgendaPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const { filters } = readAgendaState(params);
  const from = params.get("date") ? readAgendaState(params).date : todayInParis();
  const to = addDays(from, DAYS_AHEAD);
  const agenda = usePublicAgenda(slug, { from, to, placeId: filters.placeId, audience: filters.audience, theme: filters.theme });
  const data = agenda.data;
  const colors = useMemo(() => new Map((data?.places ?? []).map((p) => [p.id, p.color])), [data]);
  const full = `/agenda/${encodeURIComponent(slug)}`;

  useEffect(() => {
    document.title = data ? t("agenda.public.title", { name: data.consortium.name }) : "Maillage";
  }, [data, t]);

  return (
    <Box component="main" id="main" p="sm" style={{ fontSize: "0.9rem" }}>
      {agenda.isPending ? (
        <Loading />
      ) : agenda.error instanceof ApiError && agenda.error.status === 404 ? (
        <Text>{t("agenda.public.notFoundText")}</Text>
      ) : !data ? (
        <ErrorAlert error={agenda.error} />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
            <Title order={1} size="h4">
              {t("agenda.public.title", { name: data.consortium.name })}
            </Title>
            <Text size="xs" c="gray.8">
              {dayRange(from, to, i18n.language)}
            </Text>
          </Group>
          <ListView
            date={from}
            from={from}
            to={to}
            items={data.items}
            colorOf={(placeId) => (placeId ? (colors.get(placeId) ?? null) : null)}
            hrefOf={(o) => `${full}?vue=liste&date=${parisDayOf(o.startsAt)}`}
            external
            emptyMessage={t("agenda.empty.upcoming")}
          />
          <Anchor href={full} target="_blank" rel="noopener" size="sm">
            {t("agenda.public.fullAgenda")}
          </Anchor>
        </Stack>
      )}
    </Box>
  );
}
