import { Anchor, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { useProposals } from "../../../features/proposals/api/proposals.ts";
import { StatusBadge } from "../../../features/proposals/components/StatusBadge.tsx";

/** The proposals of every body, newest first, with their method and where they stand. */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const list = useProposals(slug);
  const newButton = list.data?.abilities.create ? (
    <Button component={Link} to={`/c/${slug}/gouvernance/propositions/nouvelle`}>
      {t("proposals.new")}
    </Button>
  ) : undefined;
  return (
    <PageLayout
      title={t("proposals.title")}
      subtitle={<Text c="gray.7">{t("proposals.subtitle")}</Text>}
      actions={newButton}
      before={<GovernanceTabs />}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyState message={t("proposals.empty")} action={newButton} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t("proposals.list.caption", { count: list.data.items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("proposals.list.title")}</Table.Th>
                <Table.Th scope="col">{t("proposals.list.body")}</Table.Th>
                <Table.Th scope="col">{t("proposals.list.method")}</Table.Th>
                <Table.Th scope="col">{t("proposals.list.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/c/${slug}/gouvernance/propositions/${p.id}`} fw={600}>
                      {p.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{p.bodyName}</Table.Td>
                  <Table.Td>
                    {t(`proposals.methods.${p.method}`)}
                    {p.method === "majority" || p.method === "colleges" ? (
                      <Text size="sm" c="gray.7">
                        {t(`proposals.secrecy.${p.secrecy}`)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge p={p} />
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
