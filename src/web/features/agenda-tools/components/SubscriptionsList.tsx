import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SubscriptionDto } from "../../../../shared/contracts/agenda.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { useDeleteSubscription, useRefreshSubscription, useSubscriptions } from "../api/agenda-tools.ts";
import { formatInstant } from "../lib/dates.ts";
import { ConfirmToolDialog } from "./ToolDialog.tsx";

const STATUS_COLORS: Record<SubscriptionDto["lastStatus"], string> = { ok: "teal", error: "red", pending: "gray" };

/** The calendars the consortium follows by address, with their last refresh and what went wrong. */
export function SubscriptionsList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const subscriptions = useSubscriptions(slug);
  const refresh = useRefreshSubscription(slug);
  const remove = useDeleteSubscription(slug);
  const [deleting, setDeleting] = useState<SubscriptionDto | null>(null);
  const [refreshed, setRefreshed] = useState<{ failed: boolean; url: string } | null>(null);

  if (subscriptions.isPending) return <Loading />;
  if (subscriptions.isError) return <ErrorAlert error={subscriptions.error} />;
  if (subscriptions.data.length === 0) return <EmptyState message={t("agendaTools.subscriptions.empty")} />;
  return (
    <Stack gap="sm">
      <div aria-live="polite">
        {refreshed ? (
          <Text size="sm" role="status">
            {t(refreshed.failed ? "agendaTools.subscriptions.refreshFailed" : "agendaTools.subscriptions.refreshed", {
              url: refreshed.url,
            })}
          </Text>
        ) : null}
      </div>
      <ErrorAlert error={refresh.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" captionSide="top">
          <Table.Caption>{t("agendaTools.subscriptions.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("agendaTools.subscriptions.columns.url")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.subscriptions.columns.organizer")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.subscriptions.columns.last")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.subscriptions.columns.status")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.subscriptions.columns.next")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscriptions.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ wordBreak: "break-all", maxWidth: 280 }}>
                  <Anchor href={s.url.replace(/^webcal:\/\//, "https://")} size="sm">
                    {s.url}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.organizerName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.lastFetchedAt ? formatInstant(s.lastFetchedAt) : t("agendaTools.subscriptions.never")}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Badge color={STATUS_COLORS[s.lastStatus]} variant="light" c="dark.7" miw="max-content">
                      {t(`agendaTools.subscriptions.status.${s.lastStatus}`)}
                    </Badge>
                    {s.lastError ? (
                      <Text size="sm" c="red.9">
                        {s.lastError}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {s.nextFetchAt
                      ? formatInstant(s.nextFetchAt)
                      : t("agendaTools.subscriptions.every", { count: s.refreshMinutes })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {s.abilities.refresh ? (
                      <Button
                        size="xs"
                        variant="default"
                        loading={refresh.isPending && refresh.variables === s.id}
                        onClick={() =>
                          refresh.mutate(s.id, {
                            onSuccess: (updated) => setRefreshed({ failed: updated.lastStatus === "error", url: s.url }),
                          })
                        }
                        aria-label={t("agendaTools.subscriptions.refreshOf", { url: s.url })}
                      >
                        {t("agendaTools.subscriptions.refresh")}
                      </Button>
                    ) : null}
                    {s.abilities.delete ? (
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        onClick={() => setDeleting(s)}
                        aria-label={t("agendaTools.subscriptions.deleteOf", { url: s.url })}
                      >
                        {t("common.delete")}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmToolDialog
        opened={deleting !== null}
        title={t("agendaTools.subscriptions.deleteTitle")}
        message={t("agendaTools.subscriptions.deleteConfirm", { url: deleting?.url ?? "" })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
