import { Alert, Anchor, Button, Group, Loader, Stack, Text, Textarea, VisuallyHidden } from "@mantine/core";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import type { AgendaWarnings, Warning } from "../../../../shared/contracts/agenda.ts";
import { whenText } from "../lib/format.ts";
import classes from "./AgendaViews.module.css";

export const NO_WARNINGS: AgendaWarnings = { space: [], audience: [], duplicates: [] };

export const hasWarnings = (w: AgendaWarnings) => w.space.length + w.audience.length + w.duplicates.length > 0;

/** The other event of a warning: a link that opens it in a new tab, so the form being filled stays. */
function OtherEvent({ slug, w }: { slug: string; w: Warning }) {
  const { t, i18n } = useTranslation();
  const other = w.other;
  const when = whenText({ startsAt: other.startsAt, endsAt: other.endsAt, allDay: false }, i18n.language, t("agenda.allDay"));
  return (
    <Text size="sm">
      <Anchor
        href={`/c/${slug}/agenda/evenements/${other.eventId}`}
        target="_blank"
        rel="noopener"
        fw={600}
        c="gray.9"
        underline="always"
      >
        {other.title}
        <VisuallyHidden component="span"> ({t("agenda.warnings.newTab")})</VisuallyHidden>
      </Anchor>
      {" — "}
      {when}
      {other.placeName ? `, ${other.placeName}` : ""}
      {other.organizerNames.length ? ` · ${other.organizerNames.join(", ")}` : ""}
    </Text>
  );
}

interface Props {
  slug: string;
  warnings: AgendaWarnings;
  checking: boolean;
  /** The check ran on a complete draft and found nothing. */
  checkedClean: boolean;
  checkError: unknown;
  reason: string;
  onReason: (reason: string) => void;
  reasonError?: string;
  notDuplicateOf: string[];
  onToggleDistinct: (eventId: string) => void;
  duplicatesError?: string;
  /** Absent when the user cannot co-organise (no organisation chosen, or no right to). */
  onLink?: (eventId: string) => void;
  linking: string | null;
  linkError: unknown;
}

/**
 * What the checks found, next to the save button: a taken space (blocking), the same audience at the same
 * time (saved with a reason), and probable duplicates (linked as co-organised, or said to be different).
 */
export const WarningsPanel = forwardRef<HTMLDivElement, Props>(function WarningsPanel(p, ref) {
  const { t } = useTranslation();
  const { warnings } = p;
  return (
    <Stack gap="sm" ref={ref} tabIndex={-1} aria-label={t("agenda.warnings.label")} role="region">
      <Group gap={6} aria-live="polite" role="status" mih={22}>
        {p.checking ? (
          <>
            <Loader size="xs" />
            <Text size="sm">{t("agenda.warnings.checking")}</Text>
          </>
        ) : p.checkedClean && !hasWarnings(warnings) ? (
          <Text size="sm" c="teal.9">
            {t("agenda.warnings.clean")}
          </Text>
        ) : null}
      </Group>
      {p.checkError ? (
        <Text size="sm" c="gray.8">
          {t("agenda.warnings.checkFailed")}
        </Text>
      ) : null}
      {warnings.space.length ? (
        <Alert color="red" variant="light" classNames={{ title: classes.alertTitle }} title={t("agenda.warnings.spaceTitle")}>
          <Stack gap="xs">
            {warnings.space.map((w) => (
              <Stack key={`s-${w.other.eventId}-${w.other.startsAt}`} gap={2}>
                <Text size="sm">{w.explanation}</Text>
                <OtherEvent slug={p.slug} w={w} />
              </Stack>
            ))}
            <Text size="sm" fw={600}>
              {t("agenda.warnings.spaceHint")}
            </Text>
          </Stack>
        </Alert>
      ) : null}
      {warnings.audience.length ? (
        <Alert
          color="orange"
          variant="light"
          classNames={{ title: classes.alertTitle }}
          title={t("agenda.warnings.audienceTitle")}
        >
          <Stack gap="xs">
            {warnings.audience.map((w) => (
              <Stack key={`a-${w.other.eventId}-${w.other.startsAt}`} gap={2}>
                <Text size="sm">{w.explanation}</Text>
                <OtherEvent slug={p.slug} w={w} />
              </Stack>
            ))}
            <Textarea
              label={t("agenda.warnings.reason")}
              description={t("agenda.warnings.reasonHint")}
              autosize
              minRows={2}
              value={p.reason}
              onChange={(e) => p.onReason(e.currentTarget.value)}
              error={p.reasonError}
              required
            />
          </Stack>
        </Alert>
      ) : null}
      {warnings.duplicates.length ? (
        <Alert
          color="indigo"
          variant="light"
          classNames={{ title: classes.alertTitle }}
          title={t("agenda.warnings.duplicateTitle")}
        >
          <Stack gap="md">
            {warnings.duplicates.map((w) => {
              const distinct = p.notDuplicateOf.includes(w.other.eventId);
              return (
                <Stack key={`d-${w.other.eventId}`} gap={4}>
                  <Text size="sm">{w.explanation}</Text>
                  <OtherEvent slug={p.slug} w={w} />
                  {distinct ? (
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t("agenda.warnings.markedDistinct")}
                      </Text>
                      <Button size="xs" variant="subtle" onClick={() => p.onToggleDistinct(w.other.eventId)}>
                        {t("agenda.warnings.undoDistinct")}
                      </Button>
                    </Group>
                  ) : (
                    <Group gap="xs">
                      {p.onLink ? (
                        <Button
                          size="xs"
                          onClick={() => p.onLink?.(w.other.eventId)}
                          loading={p.linking === w.other.eventId}
                          aria-label={t("agenda.warnings.linkLabel", { title: w.other.title })}
                        >
                          {t("agenda.warnings.link")}
                        </Button>
                      ) : null}
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => p.onToggleDistinct(w.other.eventId)}
                        aria-label={t("agenda.warnings.distinctLabel", { title: w.other.title })}
                      >
                        {t("agenda.warnings.distinct")}
                      </Button>
                    </Group>
                  )}
                </Stack>
              );
            })}
            {p.duplicatesError ? (
              <Text size="sm" c="red.9" fw={600} role="alert">
                {p.duplicatesError}
              </Text>
            ) : null}
            {p.linkError ? (
              <Text size="sm" c="red.9" role="alert">
                {t("agenda.warnings.linkFailed")}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
});
