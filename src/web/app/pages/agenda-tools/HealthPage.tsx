import { Alert, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { AgendaTabs } from "../../../features/agenda/components/AgendaTabs.tsx";
import { useHealth, useReview } from "../../../features/agenda-tools/api/agenda-tools.ts";
import { AcceptClashDialog, MergeDialog } from "../../../features/agenda-tools/components/HealthDialogs.tsx";
import { type HealthItem, HealthItemCard, pairKey } from "../../../features/agenda-tools/components/HealthItemCard.tsx";

const MONTHS = [1, 3, 6, 12] as const;

export default function HealthPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("mois"));
  const months = (MONTHS as readonly number[]).includes(asked) ? asked : 3;
  const health = useHealth(slug, months);
  const review = useReview(slug);
  const [merging, setMerging] = useState<HealthItem | null>(null);
  const [accepting, setAccepting] = useState<HealthItem | null>(null);
  const [distinctKey, setDistinctKey] = useState<string | null>(null);
  // Handled pairs leave the list at once; the refetch that follows confirms it.
  const [handled, setHandled] = useState<Set<string>>(() => new Set());
  // A key and its values rather than a sentence, so that the notice follows a change of language.
  const [notice, setNotice] = useState<{ key: string; a: string; b: string } | null>(null);

  const done = (item: HealthItem, key: "mergeDone" | "distinctDone" | "acceptDone") => {
    setHandled((prev) => new Set(prev).add(pairKey(item)));
    setNotice({ key, a: item.a.title, b: item.b.title });
  };
  const clashes = (health.data?.clashes ?? []).filter((i) => !handled.has(pairKey(i)));
  const duplicates = (health.data?.duplicates ?? []).filter((i) => !handled.has(pairKey(i)));

  const markDistinct = (item: HealthItem) => {
    setDistinctKey(pairKey(item));
    review.mutate(
      { kind: "duplicate", eventIds: [item.a.eventId, item.b.eventId], verdict: "distinct" },
      {
        onSuccess: () => done(item, "distinctDone"),
        onSettled: () => setDistinctKey(null),
      },
    );
  };

  const card = (item: HealthItem) => (
    <HealthItemCard
      key={pairKey(item)}
      slug={slug}
      item={item}
      onMerge={setMerging}
      onAccept={setAccepting}
      onDistinct={markDistinct}
      distinctPending={distinctKey === pairKey(item)}
    />
  );

  const subtitle = health.data ? (
    <Text c="gray.7">
      {t("agendaTools.health.summary", {
        clashes: t("agendaTools.health.clashCount", { count: clashes.length }),
        duplicates: t("agendaTools.health.duplicateCount", { count: duplicates.length }),
        months: t("agendaTools.health.monthCount", { count: months }),
      })}
    </Text>
  ) : undefined;

  return (
    <PageLayout title={t("agendaTools.health.title")} subtitle={subtitle} before={<AgendaTabs slug={slug} />}>
      <NativeSelect
        label={t("agendaTools.health.period")}
        value={String(months)}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("mois", e.currentTarget.value);
          setParams(next, { replace: true });
        }}
        data={MONTHS.map((m) => ({ value: String(m), label: t("agendaTools.health.nextMonths", { count: m }) }))}
        maw={260}
      />
      <div aria-live="polite">
        {notice ? (
          <Alert
            color="indigo"
            variant="outline"
            role="status"
            withCloseButton
            closeButtonLabel={t("common.close")}
            onClose={() => setNotice(null)}
          >
            {t(`agendaTools.health.${notice.key}`, { a: notice.a, b: notice.b })}
          </Alert>
        ) : null}
      </div>
      <ErrorAlert error={review.error} />
      {health.isPending ? (
        <Loading />
      ) : health.isError ? (
        <ErrorAlert error={health.error} />
      ) : clashes.length === 0 && duplicates.length === 0 ? (
        <EmptyState message={t("agendaTools.health.allClear", { count: months })} />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="health-clashes">
            <Title order={2} size="h3" id="health-clashes" mb="sm">
              {t("agendaTools.health.clashesTitle", { count: clashes.length })}
            </Title>
            {clashes.length ? (
              <Stack gap="md">{clashes.map(card)}</Stack>
            ) : (
              <Text c="gray.7">{t("agendaTools.health.noClash")}</Text>
            )}
          </section>
          <section aria-labelledby="health-duplicates">
            <Title order={2} size="h3" id="health-duplicates" mb="sm">
              {t("agendaTools.health.duplicatesTitle", { count: duplicates.length })}
            </Title>
            {duplicates.length ? (
              <Stack gap="md">{duplicates.map(card)}</Stack>
            ) : (
              <Text c="gray.7">{t("agendaTools.health.noDuplicate")}</Text>
            )}
          </section>
        </Stack>
      )}
      <MergeDialog
        slug={slug}
        item={merging}
        onClose={() => setMerging(null)}
        onDone={(item) => {
          setMerging(null);
          done(item, "mergeDone");
        }}
      />
      <AcceptClashDialog
        slug={slug}
        item={accepting}
        onClose={() => setAccepting(null)}
        onDone={(item) => {
          setAccepting(null);
          done(item, "acceptDone");
        }}
      />
    </PageLayout>
  );
}
