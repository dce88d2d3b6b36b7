import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicAgendaDto } from "../../../../shared/contracts/agenda.ts";
import { listOf, whenText } from "../lib/format.ts";
import { OccurrenceMarks, type ShownOccurrence } from "./OccurrenceItem.tsx";

/** The webcal:// form of a feed address, which calendar applications open as a subscription. */
export function webcalOf(feed: string): string {
  return feed.replace(/^https?:\/\//, "webcal://");
}

/** An occurrence of the public agenda, with its description and price, in a dialog. */
export function PublicEventModal({
  o,
  details,
  onClose,
}: {
  o: ShownOccurrence | null;
  details: PublicAgendaDto["details"];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = o ? details[o.eventId] : undefined;
  return (
    <Modal opened={!!o} onClose={onClose} title={o?.title ?? ""} size="lg" centered>
      {o ? (
        <Stack gap="sm">
          <Group gap={6}>
            <OccurrenceMarks o={o} />
          </Group>
          <Text fw={600} td={o.status === "cancelled" ? "line-through" : undefined}>
            {whenText(o, lang, t("agenda.allDay"))}
          </Text>
          {o.venueLabel ? <Text>{o.venueLabel}</Text> : null}
          {o.organizers.length ? (
            <Text size="sm">
              {o.organizers.length > 1
                ? t("agenda.detail.coOrganizedBy", {
                    names: listOf(
                      o.organizers.map((g) => g.name),
                      lang,
                    ),
                  })
                : t("agenda.detail.organizedBy", { names: o.organizers[0].name })}
            </Text>
          ) : null}
          {o.audiences.length ? (
            <Text size="sm">
              {t("agenda.form.audiences")} : {o.audiences.map((a) => t(`agenda.audiences.${a}`)).join(", ")}
            </Text>
          ) : null}
          {o.themes.length ? (
            <Group gap={6}>
              {o.themes.map((theme) => (
                <Badge key={theme} variant="light" color="indigo.9" tt="none">
                  {theme}
                </Badge>
              ))}
            </Group>
          ) : null}
          {d?.price ? (
            <Text size="sm">
              {t("agenda.form.price")} : {d.price}
            </Text>
          ) : null}
          {d?.description ? <Text style={{ whiteSpace: "pre-wrap" }}>{d.description}</Text> : null}
        </Stack>
      ) : null}
    </Modal>
  );
}

/** The public feed: its address to copy, a webcal:// link, and what to expect from Google Agenda. */
export function SubscribeBox({ feed, embed }: { feed: string; embed?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("agenda.public.subscribeTitle")}
        </Title>
        <Text size="sm">{t("agenda.public.subscribeText")}</Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t("agenda.public.feedAddress")}
            value={feed}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: "1 1 320px" }}
          />
          <Button
            variant="default"
            onClick={() => {
              void navigator.clipboard?.writeText(feed).then(() => setCopied(true));
            }}
          >
            {copied ? t("agenda.public.copied") : t("agenda.public.copy")}
          </Button>
          <Button component="a" href={webcalOf(feed)}>
            {t("agenda.public.subscribe")}
          </Button>
        </Group>
        <Text size="sm" c="gray.8">
          {t("agenda.public.googleDelay")}
        </Text>
        {embed ? (
          <Text size="sm">
            {t("agenda.public.embedIntro")}{" "}
            <Anchor href={embed} target="_blank" rel="noopener">
              {t("agenda.public.embedLink")}
            </Anchor>
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
