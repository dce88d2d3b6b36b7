import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegistrationDto, TourDto } from "../../../../shared/contracts/tours.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { useCancelRegistration, useRegistrations } from "../api/tours.ts";

// Dark shades on outline badges: the light variants fail the contrast check.
const STATUS_COLOR = { confirmed: "teal.9", waitlisted: "indigo.9", cancelled: "gray.8" } as const;

/** The guests, for the organiser: who comes, who waits in line (in order), who cancelled. */
export function RegistrationsSection({ slug, tour }: { slug: string; tour: TourDto }) {
  const { t } = useTranslation();
  const list = useRegistrations(slug, tour.id, tour.abilities.readRegistrations === true);
  const cancel = useCancelRegistration(slug, tour.id);
  const [target, setTarget] = useState<RegistrationDto | null>(null);
  if (!tour.abilities.readRegistrations) return null;
  const items = list.data?.items ?? [];
  const live = items.filter((r) => r.status !== "cancelled");

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t("tours.guests.title")}
          </Title>
          <Text size="sm" c="gray.7">
            {t("tours.guests.seats", {
              confirmed: tour.seats.confirmed,
              capacity: tour.seats.capacity,
              waiting: tour.seats.waitlisted,
            })}
          </Text>
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : live.length === 0 && items.length === 0 ? (
          <Text c="gray.7">{tour.publicPath ? t("tours.guests.emptyPublic") : t("tours.guests.emptyDraft")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" captionSide="top">
              <Table.Caption>{t("tours.guests.caption", { count: live.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tours.guests.name")}</Table.Th>
                  <Table.Th scope="col">{t("tours.guests.category")}</Table.Th>
                  <Table.Th scope="col">{t("tours.guests.email")}</Table.Th>
                  <Table.Th scope="col">{t("tours.guests.status")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      <Text size="sm" fw={600} td={r.status === "cancelled" ? "line-through" : undefined}>
                        {r.name}
                      </Text>
                      {r.organization ? (
                        <Text size="xs" c="gray.7">
                          {r.organization}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{t(`tours.category.${r.category}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.status]} variant="outline" radius="sm">
                        {r.status === "waitlisted"
                          ? t("tours.guests.waiting", { n: r.position })
                          : t(`tours.guests.status_${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.abilities.cancel ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setTarget(r)}
                          aria-label={t("tours.guests.cancelOf", { name: r.name })}
                        >
                          {t("tours.guests.cancel")}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmDialog
        opened={target !== null}
        title={t("tours.guests.cancelTitle")}
        message={target ? t("tours.guests.cancelText", { name: target.name }) : ""}
        confirmLabel={t("tours.guests.cancelConfirm")}
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          cancel.reset();
          setTarget(null);
        }}
        onConfirm={() => target && cancel.mutate(target.id, { onSuccess: () => setTarget(null) })}
      />
    </Paper>
  );
}
