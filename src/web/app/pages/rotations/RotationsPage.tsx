import { Anchor, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { ModuleIntro } from "../../../components/ui/ModuleIntro.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { longDay } from "../../../features/agenda/lib/format.ts";
import { useRotations } from "../../../features/rotations/api/rotations.ts";

/** The consortium's rotations, with the next turn of each; or what a rotation is, when there is none yet. */
export default function RotationsPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const list = useRotations(slug);
  const lang = i18n.language;
  const canCreate = list.data?.abilities.create === true;
  const newButton = canCreate ? (
    <Button component={Link} to={`/c/${slug}/rotations/nouvelle`}>
      {t("rotations.new")}
    </Button>
  ) : undefined;

  return (
    <PageLayout
      title={t("rotations.title")}
      subtitle={<Text c="gray.7">{t("rotations.subtitle")}</Text>}
      actions={list.data?.items.length ? newButton : undefined}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <ModuleIntro
          title={t("rotations.empty.title")}
          what={t("rotations.empty.what")}
          how={t("rotations.empty.how")}
          action={newButton}
          askOthers={t("rotations.empty.askCoordination")}
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t("rotations.list.caption", { count: list.data.items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("rotations.list.name")}</Table.Th>
                <Table.Th scope="col">{t("rotations.list.rule")}</Table.Th>
                <Table.Th scope="col">{t("rotations.list.hosts")}</Table.Th>
                <Table.Th scope="col">{t("rotations.list.next")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/c/${slug}/rotations/${r.id}`} fw={600}>
                      {r.name}
                    </Anchor>
                    {r.description ? (
                      <Text size="sm" c="gray.7" lineClamp={2}>
                        {r.description}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">{r.rule}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t("rotations.list.hostCount", { count: r.hostCount })}</Text>
                  </Table.Td>
                  <Table.Td>
                    {r.nextTurn ? (
                      <Text size="sm">
                        {t("rotations.list.nextTurn", { date: longDay(r.nextTurn.date, lang), host: r.nextTurn.hostName })}
                      </Text>
                    ) : (
                      <Text size="sm" c="gray.7">
                        {r.turnCount === 0 ? t("rotations.list.notGenerated") : t("rotations.list.noNext")}
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
