import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { ModuleIntro } from "../../../components/ui/ModuleIntro.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useResidencies } from "../../../features/residencies/api/residencies.ts";
import { stayRange, stayRangeTitle } from "../../../features/residencies/lib/format.ts";

/** The consortium's residencies and where each one is now; or what a residency is, when there is none yet. */
export default function ResidenciesPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const list = useResidencies(slug);
  const lang = i18n.language;
  const canCreate = list.data?.abilities.create === true;
  const newButton = canCreate ? (
    <Button component={Link} to={`/c/${slug}/residences/nouvelle`}>
      {t("residencies.new")}
    </Button>
  ) : undefined;

  return (
    <PageLayout
      title={t("residencies.title")}
      subtitle={<Text c="gray.7">{t("residencies.subtitle")}</Text>}
      actions={list.data?.items.length ? newButton : undefined}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <ModuleIntro
          title={t("residencies.empty.title")}
          what={t("residencies.empty.what")}
          how={t("residencies.empty.how")}
          action={newButton}
          askOthers={t("residencies.empty.askCoordination")}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t("residencies.list.caption", { count: list.data.items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("residencies.list.name")}</Table.Th>
                <Table.Th scope="col">{t("residencies.list.dates")}</Table.Th>
                <Table.Th scope="col">{t("residencies.list.now")}</Table.Th>
                <Table.Th scope="col">{t("residencies.list.handover")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/c/${slug}/residences/${r.id}`} fw={600}>
                        {r.name}
                      </Anchor>
                      {r.visibility !== "consortium" ? (
                        <Badge size="sm" variant="outline" color={r.visibility === "public" ? "teal.9" : "gray.8"} radius="sm">
                          {t(`agenda.visibility.${r.visibility}`)}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" c="gray.8">
                      {[r.artist, r.discipline].filter(Boolean).join(" · ")}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {r.span ? (
                      <Text size="sm">
                        {stayRangeTitle(r.span.from, r.span.to, lang)}
                        <br />
                        <Text span size="sm" c="gray.7">
                          {t("residencies.list.stays", { count: r.stayCount })}
                        </Text>
                      </Text>
                    ) : (
                      <Text size="sm" c="gray.7">
                        {t("residencies.list.noStay")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.now ? (
                      <Text size="sm">
                        {t(r.now.status === "current" ? "residencies.list.current" : "residencies.list.next", {
                          place: r.now.placeName,
                          dates: stayRange(r.now.from, r.now.to, lang),
                        })}
                      </Text>
                    ) : (
                      <Text size="sm" c="gray.7">
                        {r.stayCount ? t("residencies.list.over") : "—"}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.progress.total ? (
                      <Stack gap={4} maw={160}>
                        <Text size="sm">{t("residencies.checklist.progress", r.progress)}</Text>
                        <Progress
                          value={(r.progress.done / r.progress.total) * 100}
                          size="sm"
                          color={r.progress.done === r.progress.total ? "teal" : "indigo"}
                          aria-label={t("residencies.checklist.progressOf", { ...r.progress, name: r.name })}
                        />
                      </Stack>
                    ) : (
                      <Text size="sm" c="gray.7">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PageLayout>
  );
}
