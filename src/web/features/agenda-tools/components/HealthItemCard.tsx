import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import type { EventRef, HealthItem as HealthItemSchema } from "../../../../shared/contracts/agenda.ts";
import { formatInstantRange } from "../lib/dates.ts";

export type HealthItem = z.infer<typeof HealthItemSchema>;
type Ref = z.infer<typeof EventRef>;

/** A stable key for a pair of events, whichever order the server lists them in. */
export function pairKey(item: HealthItem): string {
  return `${item.kind}:${[item.a.eventId, item.b.eventId].sort().join(":")}`;
}

function EventSummary({ slug, event, label }: { slug: string; event: Ref; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Anchor component={Link} to={`/c/${slug}/agenda/evenements/${event.eventId}`} fw={600}>
        {event.title}
      </Anchor>
      <Text size="sm">{formatInstantRange(event.startsAt, event.endsAt)}</Text>
      {event.placeName ? <Text size="sm">{event.placeName}</Text> : null}
      {event.organizerNames.length ? (
        <Text size="sm" c="gray.7">
          {t("agendaTools.health.organizedBy", { names: event.organizerNames.join(", ") })}
        </Text>
      ) : null}
    </Stack>
  );
}

interface HealthItemCardProps {
  slug: string;
  item: HealthItem;
  /** Whether to offer the actions; the server still decides, and its refusal is shown. */
  onMerge: (item: HealthItem) => void;
  onDistinct: (item: HealthItem) => void;
  onAccept: (item: HealthItem) => void;
  /** The pair being marked "different events" right now. */
  distinctPending: boolean;
}

/** One open clash or probable duplicate: what, why, both events, and what can be done about it. */
export function HealthItemCard({ slug, item, onMerge, onDistinct, onAccept, distinctPending }: HealthItemCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const color = item.kind === "space" ? "red" : item.kind === "audience" ? "orange" : "violet";
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {t("agendaTools.health.pairTitle", { a: item.a.title, b: item.b.title })}
          </Title>
          <Group gap={6}>
            <Badge color={color} variant="light" c="dark.7">
              {t(`agendaTools.health.kinds.${item.kind}`)}
            </Badge>
            {item.score !== undefined ? (
              <Badge color="gray" variant="outline">
                {t("agendaTools.health.likelihood", { percent: Math.round(item.score * 100) })}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text>{item.explanation}</Text>
        {item.signals?.length ? (
          <Group gap={6} aria-label={t("agendaTools.health.signals")} role="list">
            {item.signals.map((signal) => (
              <Badge key={signal} variant="dot" color="gray" role="listitem" tt="none">
                {signal}
              </Badge>
            ))}
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <EventSummary slug={slug} event={item.a} label={t("agendaTools.health.first")} />
          <EventSummary slug={slug} event={item.b} label={t("agendaTools.health.second")} />
        </SimpleGrid>
        {item.kind === "space" ? (
          <Text size="sm" c="gray.7">
            {t("agendaTools.health.spaceHint")}
          </Text>
        ) : null}
        {item.kind === "duplicate" && (item.abilities.merge || item.abilities.review) ? (
          <Group gap="sm">
            {item.abilities.merge ? <Button onClick={() => onMerge(item)}>{t("agendaTools.health.merge")}</Button> : null}
            {item.abilities.review ? (
              <Button variant="default" onClick={() => onDistinct(item)} loading={distinctPending}>
                {t("agendaTools.health.distinct")}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {item.kind === "audience" && item.abilities.review ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => onAccept(item)}>
              {t("agendaTools.health.accept")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
