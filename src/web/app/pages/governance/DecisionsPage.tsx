import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DECISION_STATUSES } from "../../../../shared/contracts/decisions.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { SimplePagination } from "../../../components/ui/SimplePagination.tsx";
import { useDecisions } from "../../../features/decisions/api/decisions.ts";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { formatDay } from "../../../lib/format.ts";

type Status = (typeof DECISION_STATUSES)[number];
const PAGE_SIZE = 20;

/** The decision register: every adopted decision, searched in French (accents and word forms ignored). */
export default function DecisionsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useDecisions(slug, { q: debounced || undefined, status: status ?? undefined, page, pageSize: PAGE_SIZE });
  return (
    <PageLayout
      title={t("proposals.decisions.title")}
      subtitle={<Text c="gray.7">{t("proposals.decisions.subtitle")}</Text>}
      before={<GovernanceTabs />}
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t("proposals.decisions.search")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Select
          label={t("proposals.decisions.status")}
          data={[
            { value: "", label: t("proposals.decisions.allStatuses") },
            ...DECISION_STATUSES.map((s) => ({ value: s, label: t(`proposals.decisions.statuses.${s}`) })),
          ]}
          value={status ?? ""}
          onChange={(v) => {
            setStatus(v ? (v as Status) : null);
            setPage(1);
          }}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyState message={t("proposals.decisions.empty")} />
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm" captionSide="top">
              <Table.Caption>{t("proposals.decisions.caption", { count: list.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("proposals.decisions.decision")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.decisions.body")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.decisions.date")}</Table.Th>
                  <Table.Th scope="col" miw={140}>
                    {t("proposals.decisions.status")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Th scope="row">
                      <Text fw={600}>{d.title}</Text>
                      <Text size="sm">{d.resultSummary}</Text>
                      <Text size="sm" c="gray.7">
                        {d.method}
                      </Text>
                      {d.proposalId ? (
                        <Anchor component={Link} to={`/c/${slug}/gouvernance/propositions/${d.proposalId}`} size="sm">
                          {t("proposals.decisions.proposal")}
                          <VisuallyHidden> : {d.title}</VisuallyHidden>
                        </Anchor>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{d.bodyName ?? "—"}</Table.Td>
                    <Table.Td>{formatDay(d.decidedOn)}</Table.Td>
                    <Table.Td>
                      <Badge color={d.status === "in_force" ? "teal.9" : "gray.9"} variant="outline">
                        {t(`proposals.decisions.statuses.${d.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SimplePagination page={page} total={list.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
        </Stack>
      )}
    </PageLayout>
  );
}
