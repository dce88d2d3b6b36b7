import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DECISION_STATUSES, type DecisionDto, type DecisionStatus } from "../../../../shared/contracts/decisions.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { SimplePagination } from "../../../components/ui/SimplePagination.tsx";
import { useDecisions } from "../../../features/decisions/api/decisions.ts";
import { EditDecisionDialog } from "../../../features/decisions/components/EditDecisionDialog.tsx";
import { ReviewsDueAlert } from "../../../features/decisions/components/ReviewsDueAlert.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { formatDay } from "../../../lib/format.ts";

const PAGE_SIZE = 20;
// Dark outlines keep the badges readable (axe colour contrast) on the striped rows.
const STATUS_COLOR: Record<DecisionStatus, string> = {
  in_force: "teal.9",
  to_review: "indigo.9",
  replaced: "gray.9",
  repealed: "gray.9",
};

/** The decision register: every adopted decision, searched in French (accents and word forms ignored). */
export default function DecisionsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<DecisionStatus | null>(null);
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  // The dialog keeps its decision while it closes; `n` gives each opening fresh form values.
  const [editing, setEditing] = useState<{ decision: DecisionDto; n: number } | null>(null);
  const [opened, setOpened] = useState(false);
  const list = useDecisions(slug, { q: debounced || undefined, status: status ?? undefined, page, pageSize: PAGE_SIZE });
  const canEdit = list.data?.items.some((d) => d.abilities.edit) ?? false;
  const proposalPath = (id: string) => `/c/${slug}/gouvernance/propositions/${id}`;
  return (
    <PageLayout
      title={t("decisions.title")}
      subtitle={<Text c="gray.7">{t("decisions.subtitle")}</Text>}
      before={<GovernanceTabs />}
    >
      {list.data && list.data.reviewsDue > 0 ? (
        <ReviewsDueAlert slug={slug} count={list.data.reviewsDue} canSend={Boolean(list.data.abilities.sendReminders)} />
      ) : null}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t("decisions.search")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Select
          label={t("decisions.status")}
          data={[
            { value: "", label: t("decisions.allStatuses") },
            ...DECISION_STATUSES.map((s) => ({ value: s, label: t(`decisions.statuses.${s}`) })),
          ]}
          value={status ?? ""}
          onChange={(v) => {
            setStatus(v ? (v as DecisionStatus) : null);
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
        <EmptyState message={t("decisions.empty")} />
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm" captionSide="top">
              <Table.Caption>{t("decisions.caption", { count: list.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("decisions.decision")}</Table.Th>
                  <Table.Th scope="col">{t("decisions.body")}</Table.Th>
                  <Table.Th scope="col">{t("decisions.date")}</Table.Th>
                  <Table.Th scope="col" miw={120}>
                    {t("decisions.review")}
                  </Table.Th>
                  <Table.Th scope="col" miw={150}>
                    {t("decisions.status")}
                  </Table.Th>
                  {canEdit ? (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id} id={`decision-${d.id}`}>
                    <Table.Th scope="row" fw="normal">
                      <Text fw={600}>{d.title}</Text>
                      <Text size="sm">{d.resultSummary}</Text>
                      <Text size="sm" c="gray.7">
                        {d.method}
                      </Text>
                      {d.proposalId ? (
                        <Anchor component={Link} to={proposalPath(d.proposalId)} size="sm">
                          {t("decisions.proposal")}
                          <VisuallyHidden> : {d.title}</VisuallyHidden>
                        </Anchor>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{d.bodyName ?? "—"}</Table.Td>
                    <Table.Td>{formatDay(d.decidedOn)}</Table.Td>
                    <Table.Td>
                      {d.reviewOn ? (
                        <Stack gap={4} align="flex-start">
                          <Text size="sm">{formatDay(d.reviewOn)}</Text>
                          {d.reviewDue ? (
                            <Text size="sm" c="red.9" fw={600}>
                              {t("decisions.reviewDue")}
                            </Text>
                          ) : null}
                        </Stack>
                      ) : (
                        <Text size="sm" c="gray.7">
                          {t("decisions.noReview")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge color={STATUS_COLOR[d.status]} variant="outline">
                          {t(`decisions.statuses.${d.status}`)}
                        </Badge>
                        {d.replacedBy ? (
                          <Text size="sm">
                            {t("decisions.replacedBy")}{" "}
                            {d.replacedBy.proposalId ? (
                              <Anchor component={Link} to={proposalPath(d.replacedBy.proposalId)}>
                                « {d.replacedBy.title} »
                              </Anchor>
                            ) : (
                              <Anchor href={`#decision-${d.replacedBy.id}`}>« {d.replacedBy.title} »</Anchor>
                            )}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        {d.abilities.edit ? (
                          <Button
                            variant="default"
                            size="xs"
                            onClick={() => {
                              setEditing((e) => ({ decision: d, n: (e?.n ?? 0) + 1 }));
                              setOpened(true);
                            }}
                          >
                            {t("decisions.edit")}
                            <VisuallyHidden> : {d.title}</VisuallyHidden>
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SimplePagination page={page} total={list.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
        </Stack>
      )}
      {editing ? (
        <EditDecisionDialog
          key={editing.n}
          slug={slug}
          decision={editing.decision}
          opened={opened}
          onClose={() => setOpened(false)}
        />
      ) : null}
    </PageLayout>
  );
}
