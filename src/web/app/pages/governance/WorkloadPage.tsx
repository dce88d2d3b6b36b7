import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { LoadRowDto, WorkloadDto } from "../../../../shared/contracts/tasks.ts";
import { percent } from "../../../../shared/governance/labels.ts";
import { LOAD_KINDS } from "../../../../shared/governance/workload.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { useWorkload } from "../../../features/tasks/api/tasks.ts";
import { inLanguage, SuggestionList } from "../../../features/tasks/components/SuggestionList.tsx";
import { WorkloadChart } from "../../../features/tasks/components/WorkloadChart.tsx";
import { WorkloadSettingsForm } from "../../../features/tasks/components/WorkloadSettingsForm.tsx";
import { formatDay } from "../../../lib/format.ts";

/**
 * « Répartition de la charge »: alerts first, then each one's share against the threshold, the breakdown by kind,
 * the concentration in one sentence, the tasks waiting for someone and, for the coordination, the settings.
 */
export default function WorkloadPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const workload = useWorkload(slug);
  const lang = i18n.language.startsWith("en") ? "en" : "fr";
  const share = (s: number) => percent(s, lang);
  const number = (n: number, digits = 1) =>
    new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: digits }).format(n);

  return (
    <PageLayout
      before={<GovernanceTabs />}
      title={t("tasks.workload.title")}
      subtitle={<Text c="gray.7">{t("tasks.workload.subtitle")}</Text>}
    >
      {workload.isPending ? (
        <Loading />
      ) : workload.isError ? (
        <ErrorAlert error={workload.error} />
      ) : (
        <Body data={workload.data} slug={slug} share={share} number={number} lang={lang} />
      )}
    </PageLayout>
  );
}

function Body({
  data,
  slug,
  share,
  number,
  lang,
}: {
  data: WorkloadDto;
  slug: string;
  share: (s: number) => string;
  number: (n: number, digits?: number) => string;
  lang: "fr" | "en";
}) {
  const { t } = useTranslation();
  const threshold = data.settings.overloadShare;
  const carriers = data.people.filter((r) => r.load > 0);
  const orgCarriers = data.organizations.filter((r) => r.load > 0);
  const c = data.concentration;
  const w = data.settings.weights;

  return (
    <Stack gap="xl">
      <section aria-labelledby="workload-alerts">
        <Stack gap="sm">
          <Title order={2} size="h3" id="workload-alerts">
            {t("tasks.workload.alerts")}
          </Title>
          {data.alerts.length === 0 ? (
            <Alert role="status" color="green" variant="light">
              {t("tasks.workload.noAlert")}
            </Alert>
          ) : (
            data.alerts.map((a) => (
              <Alert
                key={`${a.code}:${a.id}`}
                role="status"
                color={a.code === "carries_too_much" ? "red" : "orange"}
                variant="light"
                title={a.code === "carries_too_much" ? t("tasks.workload.tooMuch") : t("tasks.workload.nothing")}
              >
                <Text c="dark.9">{inLanguage(a.message, lang)}</Text>
              </Alert>
            ))
          )}
        </Stack>
      </section>

      <section aria-labelledby="workload-concentration">
        <Stack gap="xs">
          <Title order={2} size="h3" id="workload-concentration">
            {t("tasks.workload.concentrationTitle")}
          </Title>
          {c.people.index === null || c.people.equivalentCarriers === null ? (
            <Text>{t("tasks.workload.concentrationNone")}</Text>
          ) : (
            <Text>
              {t("tasks.workload.concentration", {
                index: number(c.people.index, 2),
                equivalent: number(c.people.equivalentCarriers),
                population: c.people.population,
              })}
            </Text>
          )}
          {c.organizations.index !== null && c.organizations.equivalentCarriers !== null ? (
            <Text>
              {t("tasks.workload.concentrationOrganizations", {
                index: number(c.organizations.index, 2),
                equivalent: number(c.organizations.equivalentCarriers),
                population: c.organizations.population,
              })}
            </Text>
          ) : null}
          {data.busiest.person ? (
            <Text>
              {t("tasks.workload.busiest", { name: data.busiest.person.name, share: share(data.busiest.person.share) })}
            </Text>
          ) : null}
          {data.unassigned.count > 0 ? (
            <Text>
              {t("tasks.workload.unassigned", { count: data.unassigned.count, points: number(data.unassigned.points) })}
            </Text>
          ) : null}
        </Stack>
      </section>

      <Stack gap="xl">
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t("tasks.workload.chartPeople")}
          </Title>
          <WorkloadChart
            title={t("tasks.workload.chartTitle", { what: t("tasks.workload.chartPeople"), threshold: share(threshold) })}
            description={carriers.map((r) => `${r.name} : ${share(r.share)}`).join(" ; ")}
            rows={carriers}
            threshold={threshold}
            thresholdLabel={t("tasks.workload.threshold", { threshold: share(threshold) })}
            formatShare={share}
          />
          {carriers.length < data.people.length ? (
            <Text size="sm" c="gray.7">
              {t("tasks.workload.onlyCarriers", { shown: carriers.length, count: data.people.length })}
            </Text>
          ) : null}
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t("tasks.workload.chartOrganizations")}
          </Title>
          <WorkloadChart
            title={t("tasks.workload.chartTitle", { what: t("tasks.workload.chartOrganizations"), threshold: share(threshold) })}
            description={orgCarriers.map((r) => `${r.name} : ${share(r.share)}`).join(" ; ")}
            rows={data.organizations}
            threshold={threshold}
            thresholdLabel={t("tasks.workload.threshold", { threshold: share(threshold) })}
            formatShare={share}
          />
        </Stack>
      </Stack>

      <Text size="sm" c="gray.7">
        {t("tasks.workload.howCounted", {
          task: w.task,
          hours: data.settings.hoursPerPoint,
          mandate: w.mandate,
          referent: w.referent,
          rotation_turn: w.rotation_turn,
          event: w.event,
          window: data.settings.windowMonths,
        })}
      </Text>

      <Breakdown caption={t("tasks.workload.tablePeople")} rows={data.people} share={share} number={number} />
      <Breakdown caption={t("tasks.workload.tableOrganizations")} rows={data.organizations} share={share} number={number} />

      {data.suggestions.length > 0 ? (
        <section aria-labelledby="workload-suggestions">
          <Stack gap="sm">
            <Title order={2} size="h3" id="workload-suggestions">
              {t("tasks.workload.suggestionsTitle")}
            </Title>
            <Text c="gray.7">{t("tasks.workload.suggestionsIntro")}</Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {data.suggestions.map((s) => (
                <Paper key={s.task.id} withBorder p="md" radius="md">
                  <Stack gap="xs">
                    <Title order={3} size="h5">
                      {s.task.title}
                    </Title>
                    {s.task.dueOn ? (
                      <Text size="sm" c="gray.7">
                        {formatDay(s.task.dueOn)}
                      </Text>
                    ) : null}
                    <SuggestionList items={s.people} />
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          </Stack>
        </section>
      ) : null}

      {data.abilities.updateSettings ? (
        <section aria-labelledby="workload-settings">
          <Stack gap="sm">
            <Title order={2} size="h3" id="workload-settings">
              {t("tasks.workload.settings")}
            </Title>
            <WorkloadSettingsForm slug={slug} settings={data.settings} />
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}

function Breakdown({
  caption,
  rows,
  share,
  number,
}: {
  caption: string;
  rows: LoadRowDto[];
  share: (s: number) => string;
  number: (n: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("tasks.workload.colName")}</Table.Th>
            {LOAD_KINDS.map((k) => (
              <Table.Th scope="col" key={k} ta="right">
                {t(`tasks.kinds.${k}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t("tasks.workload.colLoad")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("tasks.workload.colShare")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={r.overloaded ? 700 : 400}>
                {r.name}
              </Table.Th>
              {LOAD_KINDS.map((k) => (
                <Table.Td key={k} ta="right">
                  {r.byKind[k].count ? `${number(r.byKind[k].points)} (${r.byKind[k].count})` : "—"}
                </Table.Td>
              ))}
              <Table.Td ta="right">{number(r.load)}</Table.Td>
              <Table.Td ta="right" fw={r.overloaded ? 700 : 400} c={r.overloaded ? "red.9" : undefined}>
                {share(r.share)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
