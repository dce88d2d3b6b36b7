import { Stack, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { SimplePagination } from "../../../components/ui/SimplePagination.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useActivity } from "../api/consortium.ts";

export function ActivityJournal({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const activity = useActivity(slug, page);
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ErrorAlert error={activity.error} />;
  if (activity.data.items.length === 0) return <EmptyState message={t("settings.activity.empty")} />;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped verticalSpacing="xs">
          <Table.Caption>{t("settings.activity.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("settings.activity.date")}</Table.Th>
              <Table.Th scope="col">{t("settings.activity.actor")}</Table.Th>
              <Table.Th scope="col">{t("settings.activity.summary")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activity.data.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(a.createdAt)}</Table.Td>
                <Table.Td>{a.actorName ?? t("settings.activity.system")}</Table.Td>
                <Table.Td>{a.summary}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimplePagination
        page={activity.data.page}
        pageSize={activity.data.pageSize}
        total={activity.data.total}
        onChange={setPage}
      />
    </Stack>
  );
}
