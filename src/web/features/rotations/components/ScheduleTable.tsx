import { Anchor, Badge, Button, Group, List, Menu, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RotationDto, RotationTurnDto } from "../../../../shared/contracts/rotations.ts";
import { explainReason, type TurnReason } from "../../../../shared/rotations/phrases.ts";
import { turnDay, turnDayInline, turnHours } from "../lib/format.ts";

export type TurnAction = "swap" | "withdraw" | "pin" | "cancel" | "restore";

interface Props {
  slug: string;
  rotation: RotationDto;
  onAction: (action: TurnAction, turn: RotationTurnDto) => void;
}

/**
 * One reason in words. The server stores the solver's reasons and a few of its own (a withdrawal, a swap); a
 * code the phrasing does not know yet must not break the schedule.
 */
function phrase(reason: Record<string, unknown>, lang: "fr" | "en"): string | null {
  try {
    return explainReason(reason as unknown as TurnReason, lang) || null;
  } catch {
    return null;
  }
}

/** Why the solver chose this host, phrased for people (shared/rotations/phrases.ts). */
function Reasons({ turn, lang }: { turn: RotationTurnDto; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  if (turn.reasons.length === 0 && turn.status !== "cancelled") {
    return (
      <Text size="sm" c="gray.7">
        {t("rotations.schedule.noReason")}
      </Text>
    );
  }
  const phrases = turn.reasons.map((r) => phrase(r, lang) ?? t("rotations.schedule.unknownReason"));
  if (turn.status === "cancelled") phrases.unshift(t("rotations.schedule.cancelledBecause", { reason: turn.cancelReason ?? "" }));
  if (phrases.length === 1) return <Text size="sm">{phrases[0]}</Text>;
  return (
    <List size="sm" spacing={2}>
      {phrases.map((p, i) => (
        // Phrases can repeat; their order is the solver's.
        // biome-ignore lint/suspicious/noArrayIndexKey: the reasons have no identity of their own
        <List.Item key={i}>{p}</List.Item>
      ))}
    </List>
  );
}

function StatusCell({ turn }: { turn: RotationTurnDto }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {turn.status === "cancelled" ? (
        <Badge color="red.9" variant="outline" miw="max-content">
          {t("rotations.status.cancelled")}
        </Badge>
      ) : turn.past ? (
        <Badge color="gray.8" variant="outline" miw="max-content">
          {t("rotations.status.past")}
        </Badge>
      ) : (
        <Badge color="teal.9" variant="outline" miw="max-content">
          {t("rotations.status.planned")}
        </Badge>
      )}
      {turn.pinned ? (
        <Badge color="indigo.9" variant="outline" miw="max-content" title={t("rotations.status.pinnedHint")}>
          {t("rotations.status.pinned")}
        </Badge>
      ) : null}
      {/* A wish fairness could not keep: the reasons column says whose and why. */}
      {turn.status === "planned" && turn.reasons.some((r) => r.code === "wish-missed" || r.code === "avoided-anyway") ? (
        <Badge color="orange" variant="light" c="dark.7" miw="max-content">
          {t("rotations.status.wishMissed")}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The dates of the rotation with their host, why, the agenda event, and what the reader may do with each. */
export function ScheduleTable({ slug, rotation, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const pending = new Set(rotation.swaps.filter((s) => s.status === "pending").flatMap((s) => [s.turnId, s.withTurnId]));

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t("rotations.schedule.caption", { count: rotation.turns.length, name: rotation.name })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("rotations.schedule.date")}</Table.Th>
            <Table.Th scope="col">{t("rotations.schedule.host")}</Table.Th>
            <Table.Th scope="col">{t("rotations.schedule.place")}</Table.Th>
            <Table.Th scope="col">{t("rotations.schedule.status")}</Table.Th>
            {/* The reasons are sentences: their column gets the room. */}
            <Table.Th scope="col" miw={260}>
              {t("rotations.schedule.why")}
            </Table.Th>
            <Table.Th scope="col">{t("rotations.schedule.agenda")}</Table.Th>
            <Table.Th scope="col">{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rotation.turns.map((turn) => {
            const day = turnDay(turn.date, lang);
            const ofDay = t("rotations.schedule.ofDay", { date: turnDayInline(turn.date, lang) });
            const open = !turn.past && turn.status === "planned";
            const actions: Array<{ action: TurnAction; label: string }> = [];
            if (turn.abilities.requestSwap && !pending.has(turn.id))
              actions.push({ action: "swap", label: t("rotations.schedule.requestSwap") });
            if (rotation.abilities.pin && open) actions.push({ action: "pin", label: t("rotations.schedule.pin") });
            if (turn.abilities.withdraw) actions.push({ action: "withdraw", label: t("rotations.schedule.withdraw") });
            if (turn.abilities.cancel) actions.push({ action: "cancel", label: t("rotations.schedule.cancel") });
            if (turn.abilities.restore) actions.push({ action: "restore", label: t("rotations.schedule.restore") });
            const cancelled = turn.status === "cancelled";
            return (
              <Table.Tr
                key={turn.id}
                data-past={turn.past || undefined}
                data-cancelled={cancelled || undefined}
                c={turn.past || cancelled ? "gray.7" : undefined}
              >
                <Table.Th scope="row" fw={500}>
                  <Text size="sm" fw={600} td={cancelled ? "line-through" : undefined}>
                    {day}
                  </Text>
                  <Text size="sm" c="gray.7" td={cancelled ? "line-through" : undefined}>
                    {turnHours(turn, lang)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text size="sm" fw={600} td={cancelled ? "line-through" : undefined}>
                    {turn.hostName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{turn.placeName}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusCell turn={turn} />
                  {pending.has(turn.id) ? (
                    <Badge color="orange" variant="light" c="dark.7" miw="max-content" mt={4}>
                      {t("rotations.schedule.swapPending")}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td maw={420}>
                  <Reasons turn={turn} lang={lang} />
                </Table.Td>
                <Table.Td>
                  {turn.eventId ? (
                    <Anchor component={Link} to={`/c/${slug}/agenda/evenements/${turn.eventId}`} size="sm" underline="always">
                      {t("rotations.schedule.seeEvent")}
                      <VisuallyHidden> {ofDay}</VisuallyHidden>
                    </Anchor>
                  ) : (
                    <Text size="sm" c="gray.7">
                      <span aria-hidden="true">—</span>
                      <VisuallyHidden>{t("rotations.schedule.noEvent")}</VisuallyHidden>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {actions.length ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button variant="default" size="xs">
                          {t("rotations.schedule.actions")}
                          <VisuallyHidden> {ofDay}</VisuallyHidden>
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {actions.map((a) => (
                          <Menu.Item
                            key={a.action}
                            color={a.action === "withdraw" || a.action === "cancel" ? "red.9" : undefined}
                            onClick={() => onAction(a.action, turn)}
                          >
                            {a.label}
                          </Menu.Item>
                        ))}
                      </Menu.Dropdown>
                    </Menu>
                  ) : (
                    <Text size="sm" c="gray.7">
                      <span aria-hidden="true">—</span>
                      <VisuallyHidden>{t("rotations.schedule.noAction")}</VisuallyHidden>
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
