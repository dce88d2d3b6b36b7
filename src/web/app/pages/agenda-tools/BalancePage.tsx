import { Group, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { AgendaTabs } from "../../../features/agenda/components/AgendaTabs.tsx";
import { type BalanceDimension, useBalance } from "../../../features/agenda-tools/api/agenda-tools.ts";
import { BalanceHeatmap, BalanceLegend } from "../../../features/agenda-tools/components/BalanceHeatmap.tsx";
import { SuggestDate } from "../../../features/agenda-tools/components/SuggestDate.tsx";
import { addDays, addMonths, isDay } from "../../../features/agenda-tools/lib/dates.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";
import { formatDay, today } from "../../../lib/format.ts";

// The server answers six months at most.
const MONTHS = [1, 2, 3, 6] as const;
const DIMENSIONS: readonly BalanceDimension[] = ["place", "audience", "theme"];

export default function BalancePage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [dimension, setDimension] = useState<BalanceDimension>("place");
  const [start, setStart] = useState(today());
  const [months, setMonths] = useState<number>(3);
  // While the date input holds a half-typed value, keep showing the last valid period.
  const from = isDay(start) ? start : today();
  const to = addDays(addMonths(from, months), -1);
  const balance = useBalance(slug, { from, to, dimension });
  const places = usePlaces(slug);
  const caption = t("agendaTools.balance.caption", {
    dimension: t(`agendaTools.balance.dimensionsInline.${dimension}`),
    from: formatDay(from),
    to: formatDay(to),
  });

  return (
    <PageLayout
      title={t("agendaTools.balance.title")}
      subtitle={<Text c="gray.7">{t("agendaTools.balance.subtitle")}</Text>}
      before={<AgendaTabs slug={slug} />}
    >
      <section aria-labelledby="balance-map">
        <Stack gap="md">
          <Title order={2} size="h3" id="balance-map">
            {t("agendaTools.balance.mapTitle")}
          </Title>
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="balance-dimension">
                {t("agendaTools.balance.dimensionLabel")}
              </Text>
              <SegmentedControl
                aria-labelledby="balance-dimension"
                value={dimension}
                onChange={(v) => setDimension(v as BalanceDimension)}
                data={DIMENSIONS.map((d) => ({ value: d, label: t(`agendaTools.balance.dimensions.${d}`) }))}
              />
            </Stack>
            <TextInput
              type="date"
              label={t("agendaTools.balance.start")}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={isDay(start) ? undefined : t("agendaTools.balance.startInvalid")}
            />
            <NativeSelect
              label={t("agendaTools.balance.period")}
              value={String(months)}
              onChange={(e) => setMonths(Number(e.currentTarget.value))}
              data={MONTHS.map((m) => ({ value: String(m), label: t("agendaTools.balance.months", { count: m }) }))}
            />
          </Group>
          {balance.isPending ? (
            <Loading />
          ) : balance.isError ? (
            <ErrorAlert error={balance.error} />
          ) : balance.data.rows.length === 0 ? (
            <EmptyState message={t(`agendaTools.balance.empty.${dimension}`)} />
          ) : (
            <>
              <BalanceHeatmap slug={slug} balance={balance.data} caption={caption} />
              {balance.isFetching ? (
                <Text size="sm" c="gray.7" role="status">
                  {t("common.loading")}
                </Text>
              ) : null}
              <Text size="sm" c="gray.7">
                {t("agendaTools.balance.clickHint")}
              </Text>
              <BalanceLegend overloadedAbove={balance.data.overloadedAbove} />
            </>
          )}
        </Stack>
      </section>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="suggest-title">
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="suggest-title">
              {t("agendaTools.suggest.title")}
            </Title>
            <Text c="gray.7" size="sm">
              {t("agendaTools.suggest.intro")}
            </Text>
          </div>
          {places.isPending ? (
            <Loading />
          ) : places.isError ? (
            <ErrorAlert error={places.error} />
          ) : places.data.length === 0 ? (
            <EmptyState message={t("agendaTools.suggest.noPlace")} />
          ) : (
            <SuggestDate slug={slug} places={places.data} />
          )}
        </Stack>
      </Paper>
    </PageLayout>
  );
}
