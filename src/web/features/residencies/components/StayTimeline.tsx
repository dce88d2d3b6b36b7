import { Anchor, Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ResidencyDto, StayDto } from "../../../../shared/contracts/residencies.ts";
import { stayLength } from "../../../../shared/residencies/dates.ts";
import { stayRangeTitle } from "../lib/format.ts";
import { StayChecklist } from "./StayChecklist.tsx";

/** Dark shades: white numbers and coloured words keep a contrast of 4.5:1 at least. */
export const STATUS_COLOR = { past: "gray.7", current: "teal.9", upcoming: "indigo.8" } as const;

/** Where a stay stands, in words and colour: « En cours », « À venir », « Terminé ». */
export function StayStatusBadge({ status }: { status: StayDto["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === "current" ? "filled" : "outline"} radius="sm">
      {t(`residencies.status.${status}`)}
    </Badge>
  );
}

function Referent({ stay }: { stay: StayDto }) {
  const { t } = useTranslation();
  const r = stay.referent;
  if (!r)
    return (
      <Text size="sm" c="gray.7">
        {t("residencies.stay.noReferentYet")}
      </Text>
    );
  return (
    <Text size="sm">
      {t("residencies.stay.referentIs")} <strong>{r.name}</strong>
      {r.ofHost ? null : <> ({t("residencies.stay.notOfHost")})</>}
      {r.email ? (
        <>
          {" · "}
          <Anchor href={`mailto:${r.email}`} size="sm" underline="always">
            {r.email}
          </Anchor>
        </>
      ) : null}
      {r.phone ? (
        <>
          {" · "}
          <Anchor href={`tel:${r.phone.replace(/\s+/g, "")}`} size="sm" underline="always">
            {r.phone}
          </Anchor>
        </>
      ) : null}
    </Text>
  );
}

interface Props {
  slug: string;
  residency: ResidencyDto;
  onEdit: (stay: StayDto) => void;
  onDelete: (stay: StayDto) => void;
}

/** The stays in date order, as a route: where, when, who welcomes, what happens there, and the hand-over. */
export function StayTimeline({ slug, residency, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const active = residency.stays.findLastIndex((s) => s.status !== "upcoming");
  return (
    <Timeline active={active} bulletSize={30} lineWidth={2} color="indigo">
      {residency.stays.map((stay, i) => {
        const headingId = `stay-${stay.id}-title`;
        const canEdit = stay.abilities.update || stay.abilities.editHosting;
        return (
          <Timeline.Item
            key={stay.id}
            bullet={
              <ThemeIcon size={30} radius="xl" color={STATUS_COLOR[stay.status]} aria-hidden>
                <Text size="sm" fw={700} c="white">
                  {i + 1}
                </Text>
              </ThemeIcon>
            }
          >
            <Paper
              withBorder
              p="md"
              radius="md"
              component="article"
              aria-labelledby={headingId}
              id={`stay-${stay.id}`}
              tabIndex={-1}
            >
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <div>
                    <Title order={3} size="h4" id={headingId}>
                      <VisuallyHidden>{t("residencies.detail.stepN", { n: i + 1 })} </VisuallyHidden>
                      {stay.placeName}
                    </Title>
                    <Text size="sm" c="gray.7">
                      {[stay.hostName !== stay.placeName ? stay.hostName : null, stay.city].filter(Boolean).join(" · ")}
                    </Text>
                  </div>
                  <StayStatusBadge status={stay.status} />
                </Group>
                <Text fw={600} c="indigo.9">
                  {stayRangeTitle(stay.from, stay.to, lang)}
                  <Text span c="gray.7" fw={400}>
                    {" · "}
                    {t("residencies.stay.days", { count: stayLength(stay.from, stay.to) })}
                  </Text>
                </Text>
                <Referent stay={stay} />
                {stay.summary ? <Text size="sm">{stay.summary}</Text> : null}
                <StayChecklist slug={slug} residencyId={residency.id} stay={stay} />
                <Group gap="xs" justify="space-between">
                  {stay.eventId ? (
                    <Anchor component={Link} to={`/c/${slug}/agenda/evenements/${stay.eventId}`} size="sm" underline="always">
                      {t("residencies.stay.seeEvent")}
                      <VisuallyHidden> — {stay.placeName}</VisuallyHidden>
                    </Anchor>
                  ) : (
                    <span />
                  )}
                  <Group gap="xs">
                    {canEdit ? (
                      <Button variant="default" size="xs" onClick={() => onEdit(stay)}>
                        {stay.abilities.update ? t("residencies.stay.edit") : t("residencies.stay.editHosting")}
                        <VisuallyHidden> — {stay.placeName}</VisuallyHidden>
                      </Button>
                    ) : null}
                    {stay.abilities.delete ? (
                      <Button variant="subtle" color="red" c="red.9" size="xs" onClick={() => onDelete(stay)}>
                        {t("residencies.stay.delete")}
                        <VisuallyHidden> — {stay.placeName}</VisuallyHidden>
                      </Button>
                    ) : null}
                  </Group>
                </Group>
              </Stack>
            </Paper>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
