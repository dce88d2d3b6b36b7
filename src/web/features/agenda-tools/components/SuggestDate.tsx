import {
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import { SuggestInput, type SuggestionDto } from "../../../../shared/contracts/agenda.ts";
import type { PlaceDto } from "../../../../shared/contracts/directory.ts";
import { EVENT_AUDIENCES } from "../../../../shared/vocabulary.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { today } from "../../../lib/format.ts";
import { fieldError, useFormState } from "../../../lib/forms.ts";
import { useSuggest } from "../api/agenda-tools.ts";
import { addDays, addMonths, formatInstantRange, isDay } from "../lib/dates.ts";

type Suggestion = z.infer<typeof SuggestionDto>;

interface SuggestValues extends Record<string, unknown> {
  audience: string;
  theme: string;
  placeId: string;
  spaceId: string;
  from: string;
  to: string;
  durationMinutes: number | string;
  startTimes: string;
}

const FIELDS = ["audience", "theme", "placeId", "spaceId", "from", "to", "durationMinutes", "startTimes"];

/** "09:30, 14h, 18:00" → ["09:30", "14:00", "18:00"]; anything unreadable is left for the contract to refuse. */
function parseTimes(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(\d{1,2})(?:[:h](\d{2})?)?$/i.exec(s);
      if (!m) return s;
      return `${m[1]?.padStart(2, "0")}:${m[2] ?? "00"}`;
    });
}

/** The new-event form, prefilled with the slot (wall-clock Paris times, as the API speaks them). */
function createHref(slug: string, s: Suggestion, input: z.output<typeof SuggestInput>): string {
  const params = new URLSearchParams({ debut: s.start, fin: s.end, lieu: input.placeId, public: input.audience });
  if (input.spaceId) params.set("espace", input.spaceId);
  if (input.theme) params.set("theme", input.theme);
  return `/c/${slug}/agenda/nouveau?${params.toString()}`;
}

/** Scores come as 0–1; shown as a percentage, which people read faster. */
function scorePercent(score: number): number {
  return Math.round(score <= 1 ? score * 100 : score);
}

function SuggestionCard({
  slug,
  suggestion,
  input,
}: {
  slug: string;
  suggestion: Suggestion;
  input: z.output<typeof SuggestInput>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={4} size="h5" id={titleId}>
            {formatInstantRange(suggestion.startsAt, suggestion.endsAt)}
          </Title>
          <Badge variant="light" color="teal" c="dark.7">
            {t("agendaTools.suggest.score", { percent: scorePercent(suggestion.score) })}
          </Badge>
        </Group>
        {suggestion.reasons.length ? (
          <List size="sm" spacing={2}>
            {suggestion.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        ) : null}
        <Group mt="auto">
          <Button component={Link} to={createHref(slug, suggestion, input)} size="sm">
            {t("agendaTools.suggest.create")}
            <VisuallyHidden> — {formatInstantRange(suggestion.startsAt, suggestion.endsAt)}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Suggest a date": given an audience, a place and a window, the server proposes the calmest slots. */
export function SuggestDate({ slug, places }: { slug: string; places: PlaceDto[] }) {
  const { t } = useTranslation();
  const suggest = useSuggest(slug);
  const start = today();
  const form = useFormState<SuggestValues>({
    audience: "",
    theme: "",
    placeId: places[0]?.id ?? "",
    spaceId: "",
    from: start,
    to: addMonths(start, 1),
    durationMinutes: 120,
    startTimes: "",
  });
  const [asked, setAsked] = useState<z.output<typeof SuggestInput> | null>(null);
  const { values, set, errors } = form;
  const place = places.find((p) => p.id === values.placeId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.audience) missing.audience = t("agendaTools.suggest.audienceRequired");
    if (!values.placeId) missing.placeId = t("agendaTools.suggest.placeRequired");
    if (values.from && values.to && values.to < values.from) missing.to = t("agendaTools.suggest.toBeforeFrom");
    // The server looks three months ahead at most (92 days).
    else if (isDay(values.from) && isDay(values.to) && values.to > addDays(values.from, 92)) {
      missing.to = t("agendaTools.suggest.tooLong");
    }
    if (Object.keys(missing).length) {
      form.setErrors(missing);
      return;
    }
    const times = parseTimes(values.startTimes);
    const input = form.check(SuggestInput, {
      audience: values.audience,
      theme: values.theme.trim() || undefined,
      placeId: values.placeId,
      spaceId: values.spaceId || null,
      from: values.from,
      to: values.to,
      durationMinutes: typeof values.durationMinutes === "number" ? values.durationMinutes : Number.NaN,
      startTimes: times.length ? times : undefined,
    });
    if (!input) return;
    suggest.mutate(input, {
      onSuccess: () => setAsked(input),
      onError: (e) => form.handleError(e, FIELDS),
    });
  }

  const timesError = Object.entries(errors).find(([k]) => k.startsWith("startTimes"))?.[1];
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-labelledby="suggest-title">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <NativeSelect
              label={t("agendaTools.suggest.audience")}
              required
              value={values.audience}
              onChange={(e) => set("audience", e.currentTarget.value)}
              data={[
                { value: "", label: t("agendaTools.suggest.choose") },
                ...EVENT_AUDIENCES.map((a) => ({ value: a, label: t(`agendaTools.audiences.${a}`) })),
              ]}
              error={fieldError(errors, "audience")}
            />
            <TextInput
              label={t("agendaTools.suggest.theme")}
              description={t("agendaTools.suggest.optional")}
              value={values.theme}
              onChange={(e) => set("theme", e.currentTarget.value)}
              error={fieldError(errors, "theme")}
            />
            <NativeSelect
              label={t("agendaTools.suggest.place")}
              required
              value={values.placeId}
              onChange={(e) => {
                set("placeId", e.currentTarget.value);
                set("spaceId", "");
              }}
              data={[
                { value: "", label: t("agendaTools.suggest.choose") },
                ...places.map((p) => ({ value: p.id, label: p.name })),
              ]}
              error={fieldError(errors, "placeId")}
            />
            <NativeSelect
              label={t("agendaTools.suggest.space")}
              description={t("agendaTools.suggest.optional")}
              value={values.spaceId}
              onChange={(e) => set("spaceId", e.currentTarget.value)}
              data={[
                { value: "", label: t("agendaTools.suggest.anySpace") },
                ...(place?.spaces ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
              disabled={!place || place.spaces.length === 0}
              error={fieldError(errors, "spaceId")}
            />
            <TextInput
              type="date"
              label={t("agendaTools.suggest.from")}
              required
              value={values.from}
              onChange={(e) => set("from", e.currentTarget.value)}
              error={fieldError(errors, "from")}
            />
            <TextInput
              type="date"
              label={t("agendaTools.suggest.to")}
              required
              value={values.to}
              onChange={(e) => set("to", e.currentTarget.value)}
              error={fieldError(errors, "to")}
            />
            <NumberInput
              label={t("agendaTools.suggest.duration")}
              required
              min={15}
              max={24 * 60}
              step={15}
              value={values.durationMinutes}
              onChange={(v) => set("durationMinutes", v)}
              error={fieldError(errors, "durationMinutes")}
            />
            <TextInput
              label={t("agendaTools.suggest.startTimes")}
              description={t("agendaTools.suggest.startTimesHint")}
              placeholder="10:00, 14:00, 18:30"
              value={values.startTimes}
              onChange={(e) => set("startTimes", e.currentTarget.value)}
              error={timesError}
            />
          </SimpleGrid>
          <FormActions error={form.formError} pending={suggest.isPending} submitLabel={t("agendaTools.suggest.submit")} />
        </Stack>
      </form>
      <div aria-live="polite">
        {asked && suggest.data ? (
          <section aria-labelledby="suggest-results">
            <Title order={3} size="h4" id="suggest-results" mb="sm">
              {t("agendaTools.suggest.resultsTitle", { count: suggest.data.suggestions.length })}
            </Title>
            {suggest.data.suggestions.length ? (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {suggest.data.suggestions.map((s) => (
                  <SuggestionCard key={s.startsAt} slug={slug} suggestion={s} input={asked} />
                ))}
              </SimpleGrid>
            ) : (
              <EmptyState message={t("agendaTools.suggest.none")} />
            )}
          </section>
        ) : null}
      </div>
      {suggest.isPending ? (
        <Text size="sm" c="gray.7" role="status">
          {t("agendaTools.suggest.searching")}
        </Text>
      ) : null}
    </Stack>
  );
}
