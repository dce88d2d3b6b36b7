import { Anchor, Badge, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeRecurrence } from "../../../../shared/agenda/recurrence.ts";
import type { EventDto } from "../../../../shared/contracts/agenda.ts";
import { parisDayOf } from "../lib/calendar.ts";
import { listOf, longDay, timeOf, whenText } from "../lib/format.ts";
import type { OccurrenceView } from "../lib/occurrence.ts";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fw={600} size="sm" c="gray.8">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** "Organisé par A" or "Co-organisé par A et B": co-organisation is a cooperation, said as such. */
export function organizersText(e: { organizers: { name: string }[] }, t: TFunction, lang: string) {
  const names = listOf(
    e.organizers.map((o) => o.name),
    lang,
  );
  return e.organizers.length > 1 ? t("agenda.detail.coOrganizedBy", { names }) : t("agenda.detail.organizedBy", { names });
}

export function recurrenceText(e: EventDto, lang: string, importedLabel: string): string | null {
  if (e.recurrence) {
    try {
      return describeRecurrence(e.recurrence, e.start, lang === "en" ? "en" : "fr");
    } catch {
      return null;
    }
  }
  return e.rrule ? `${importedLabel} ${e.rrule}` : null;
}

interface Props {
  slug: string;
  event: EventDto;
  occurrence: OccurrenceView | null;
}

/** Everything about an event, and for a series its rule and the dates that differ from it. */
export function EventDetails({ slug, event: e, occurrence }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const allDay = t("agenda.allDay");
  const when = whenText(
    { startsAt: occurrence?.startsAt ?? e.startsAt, endsAt: occurrence?.endsAt ?? e.endsAt, allDay: e.allDay },
    lang,
    allDay,
  );
  const recurrence = recurrenceText(e, lang, t("agenda.detail.importedRule"));
  const changed = [...e.exceptions].sort((a, b) => Date.parse(a.occurrence) - Date.parse(b.occurrence));
  const dateOf = (instant: string) =>
    e.allDay ? longDay(parisDayOf(instant), lang) : `${longDay(parisDayOf(instant), lang)}, ${timeOf(instant, lang)}`;

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: recurrence ? 8 : 12 }}>
        <Stack gap="md">
          <Row label={occurrence || !e.rrule ? t("agenda.detail.when") : t("agenda.detail.firstDate")}>
            <Text td={occurrence?.cancelled ? "line-through" : undefined}>{when}</Text>
          </Row>
          <Row label={t("agenda.detail.where")}>
            <Text>{e.venueLabel ?? t("common.notProvided")}</Text>
            {e.venue === "partner" && e.venueName && e.venueLabel !== e.venueName ? <Text size="sm">{e.venueName}</Text> : null}
            {e.venue === "online" && e.onlineUrl ? (
              <Anchor href={e.onlineUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: "anywhere" }}>
                {e.onlineUrl}
              </Anchor>
            ) : null}
          </Row>
          <Row label={t("agenda.detail.organizers")}>
            <Text>{organizersText(e, t, lang)}</Text>
          </Row>
          {e.description ? (
            <Row label={t("agenda.form.description")}>
              <Text style={{ whiteSpace: "pre-wrap" }}>{e.description}</Text>
            </Row>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Row label={t("agenda.form.audiences")}>
              <Text>
                {e.audiences.length
                  ? e.audiences.map((a) => t(`agenda.audiences.${a}`)).join(", ")
                  : t("agenda.detail.anyAudience")}
              </Text>
            </Row>
            <Row label={t("agenda.form.themes")}>
              {e.themes.length ? (
                <Group gap={6} mt={2}>
                  {e.themes.map((theme) => (
                    <Badge key={theme} variant="light" color="indigo.9" tt="none">
                      {theme}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text>{t("common.notProvided")}</Text>
              )}
            </Row>
            <Row label={t("agenda.form.price")}>
              <Text>{e.price ?? t("common.notProvided")}</Text>
            </Row>
            <Row label={t("agenda.form.capacity")}>
              <Text>{e.capacity ? t("agenda.detail.capacity", { count: e.capacity }) : t("common.notProvided")}</Text>
            </Row>
            <Row label={t("agenda.form.accessibility")}>
              <Text>
                {e.accessibility.length
                  ? e.accessibility.map((a) => t(`accessibility.${a}`)).join(", ")
                  : t("common.notProvided")}
              </Text>
            </Row>
            <Row label={t("agenda.form.visibility")}>
              <Text>
                {t(`agenda.visibility.${e.visibility}`)} — {t(`agenda.visibilityHint.${e.visibility}`)}
              </Text>
            </Row>
          </SimpleGrid>
          {e.importedFrom ? (
            <Text size="sm" c="gray.8">
              {t("agenda.detail.importedFrom", { source: e.importedFrom })}
            </Text>
          ) : null}
        </Stack>
      </Grid.Col>
      {recurrence ? (
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t("agenda.detail.series")}
              </Title>
              <Text>{recurrence}</Text>
              <Text size="sm" c="gray.8">
                {t("agenda.detail.seriesFirst", {
                  date: whenText({ startsAt: e.startsAt, endsAt: e.endsAt, allDay: e.allDay }, lang, allDay),
                })}
              </Text>
              <Title order={3} size="h5">
                {t("agenda.detail.exceptions")}
              </Title>
              {changed.length ? (
                <List spacing={4} size="sm">
                  {changed.map((x) => (
                    <List.Item key={x.occurrence}>
                      <Anchor
                        component={Link}
                        to={`/c/${slug}/agenda/evenements/${e.id}?occurrence=${encodeURIComponent(x.occurrence)}`}
                        td={x.cancelled ? "line-through" : undefined}
                      >
                        {dateOf(x.occurrence)}
                      </Anchor>
                      {" — "}
                      {x.cancelled
                        ? t("agenda.status.cancelled")
                        : [
                            x.startsAt
                              ? t("agenda.detail.movedTo", {
                                  when: whenText(
                                    { startsAt: x.startsAt, endsAt: x.endsAt ?? x.startsAt, allDay: e.allDay },
                                    lang,
                                    allDay,
                                  ),
                                })
                              : null,
                            x.title ? t("agenda.detail.retitled", { title: x.title }) : null,
                          ]
                            .filter(Boolean)
                            .join(" · ") || t("agenda.detail.modified")}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm">{t("agenda.detail.noException")}</Text>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      ) : null}
    </Grid>
  );
}
