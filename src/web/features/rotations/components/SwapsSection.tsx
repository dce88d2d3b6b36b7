import { Badge, Blockquote, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RotationDto, SwapDto } from "../../../../shared/contracts/rotations.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useAnswerSwap } from "../api/rotations.ts";
import { turnDayInline } from "../lib/format.ts";
import { RequestError } from "./TurnDialogs.tsx";

const STATUS_COLORS: Record<SwapDto["status"], string> = {
  pending: "orange",
  accepted: "teal",
  refused: "red",
  withdrawn: "gray",
};

interface Props {
  slug: string;
  rotation: RotationDto;
  onRefuse: (swap: SwapDto) => void;
  onDone: (message: string) => void;
}

/** Exchanges waiting for an answer, with Accept / Refuse for who may answer, then the ones already settled. */
export function SwapsSection({ slug, rotation, onRefuse, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const answer = useAnswerSwap(slug, rotation.id);
  const pending = rotation.swaps.filter((s) => s.status === "pending");
  const settled = rotation.swaps.filter((s) => s.status !== "pending");
  const request = (s: SwapDto) =>
    t("rotations.swaps.request", {
      from: s.fromName,
      turnDate: turnDayInline(s.turnDate, lang),
      to: s.toName,
      withTurnDate: turnDayInline(s.withTurnDate, lang),
    });

  function accept(swap: SwapDto) {
    answer.mutate({ swapId: swap.id, accept: true }, { onSuccess: () => onDone(t("rotations.swaps.accepted")) });
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="rotation-swaps">
      <Title order={2} size="h3" id="rotation-swaps">
        {t("rotations.swaps.title")}
      </Title>
      {pending.length === 0 ? (
        <Text c="gray.7">{t("rotations.swaps.nonePending")}</Text>
      ) : (
        <Stack gap="sm">
          <RequestError error={answer.error} />
          {pending.map((s) => (
            <Paper key={s.id} withBorder p="md" radius="md" component="article" aria-label={request(s)}>
              <Stack gap="xs">
                <Group gap="xs">
                  <Badge color={STATUS_COLORS.pending} variant="light" c="dark.7">
                    {t("rotations.swaps.status.pending")}
                  </Badge>
                  <Text size="sm" c="gray.7">
                    {t("rotations.swaps.askedOn", { when: formatDateTime(s.createdAt) })}
                  </Text>
                </Group>
                <Text>{request(s)}</Text>
                {s.message ? (
                  <Blockquote p="xs" color="gray" fz="sm">
                    {s.message}
                  </Blockquote>
                ) : null}
                {s.abilities.answer ? (
                  <Group gap="sm">
                    <Button
                      size="sm"
                      onClick={() => accept(s)}
                      loading={answer.isPending && answer.variables?.swapId === s.id && answer.variables.accept}
                    >
                      {t("rotations.swaps.accept")}
                    </Button>
                    <Button size="sm" variant="default" onClick={() => onRefuse(s)}>
                      {t("rotations.swaps.refuse")}
                    </Button>
                  </Group>
                ) : (
                  <Text size="sm" c="gray.7">
                    {t("rotations.swaps.waiting", { to: s.toName })}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      {settled.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t("rotations.swaps.historyCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("rotations.swaps.columns.asked")}</Table.Th>
                <Table.Th scope="col">{t("rotations.swaps.columns.exchange")}</Table.Th>
                <Table.Th scope="col">{t("rotations.swaps.columns.status")}</Table.Th>
                <Table.Th scope="col">{t("rotations.swaps.columns.messages")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settled.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(s.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request(s)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[s.status]} variant="light" c="dark.7" miw="max-content">
                      {t(`rotations.swaps.status.${s.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {s.message ? <Text size="sm">{t("rotations.swaps.messageWas", { message: s.message })}</Text> : null}
                      {s.answer ? <Text size="sm">{t("rotations.swaps.answerWas", { message: s.answer })}</Text> : null}
                      {!s.message && !s.answer ? (
                        <Text size="sm" c="gray.7">
                          —
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
