import { Checkbox, Group, NativeSelect, NumberInput, Paper, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { describeRecurrence } from "../../../../shared/agenda/recurrence.ts";
import type { Recurrence } from "../../../../shared/contracts/agenda.ts";
import { LIMITS } from "../../../../shared/limits.ts";
import { WEEKDAYS } from "../../../../shared/vocabulary.ts";
import type { FieldErrors } from "../../../lib/forms.ts";
import { isDay, isoWeekday } from "../lib/calendar.ts";
import { weekdayNames } from "../lib/format.ts";

export type Weekday = (typeof WEEKDAYS)[number];
export type RecurrenceKind = "none" | "imported" | Recurrence["frequency"];

/** The editor's state: the contract's pattern, plus "none" and "imported" (a rule the editor cannot show). */
export interface RecurrenceValues {
  kind: RecurrenceKind;
  interval: number | string;
  weekdays: Weekday[];
  end: "until" | "count";
  until: string;
  count: number | string;
  /** The stored rule of an imported series, shown as it is. */
  rrule?: string | null;
}

export const NO_RECURRENCE: RecurrenceValues = { kind: "none", interval: 1, weekdays: [], end: "count", until: "", count: 10 };

export function recurrenceValues(r: Recurrence | null, rrule: string | null): RecurrenceValues {
  if (!r) return rrule ? { ...NO_RECURRENCE, kind: "imported", rrule } : NO_RECURRENCE;
  return {
    kind: r.frequency,
    interval: r.interval ?? 1,
    weekdays: (r.weekdays ?? []) as Weekday[],
    end: r.count ? "count" : "until",
    until: r.until ?? "",
    count: r.count ?? 10,
  };
}

const toInt = (v: number | string): number => (typeof v === "number" ? v : Number.parseInt(v, 10));

/**
 * The pattern to send: undefined keeps an imported rule untouched, null means a single event. The weekdays
 * only go with a weekly series; the server refuses them otherwise.
 */
export function recurrencePayload(v: RecurrenceValues, startDate: string): Recurrence | null | undefined {
  if (v.kind === "imported") return undefined;
  if (v.kind === "none") return null;
  const weekdays = v.kind === "weekly" ? (v.weekdays.length ? v.weekdays : [WEEKDAYS[isoWeekday(startDate) - 1]]) : undefined;
  return {
    frequency: v.kind,
    interval: toInt(v.interval),
    ...(weekdays ? { weekdays } : {}),
    until: v.end === "until" ? v.until || null : null,
    count: v.end === "count" ? toInt(v.count) : null,
  };
}

/** The live sentence, or null while the pattern is incomplete. */
export function recurrenceSentence(v: RecurrenceValues, startLocal: string, lang: string): string | null {
  const startDate = startLocal.slice(0, 10);
  if (!isDay(startDate)) return null;
  const r = recurrencePayload(v, startDate);
  if (!r) return null;
  if (!Number.isInteger(r.interval) || r.interval < 1) return null;
  if (v.end === "count" && (!Number.isInteger(r.count) || (r.count ?? 0) < 2)) return null;
  if (v.end === "until" && !isDay(r.until ?? "")) return null;
  try {
    return describeRecurrence(r, startLocal, lang === "en" ? "en" : "fr");
  } catch {
    return null;
  }
}

interface Props {
  value: RecurrenceValues;
  onChange: (value: RecurrenceValues) => void;
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" of the first occurrence: the monthly and yearly patterns follow it. */
  startLocal: string;
  errors: FieldErrors;
}

/** Repeat none / weekly on chosen days / every n weeks / monthly by date or nth weekday / yearly, with an end. */
export function RecurrenceEditor({ value, onChange, startLocal, errors }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const startDate = startLocal.slice(0, 10);
  const validStart = isDay(startDate);
  const set = (patch: Partial<RecurrenceValues>) => onChange({ ...value, ...patch });
  const describeKind = (frequency: Recurrence["frequency"]) =>
    validStart ? describeRecurrence({ frequency, interval: 1 }, startLocal, lang) : t(`agenda.recurrence.kinds.${frequency}`);

  if (value.kind === "imported") {
    return (
      <Paper withBorder p="sm">
        <Text fw={600} size="sm">
          {t("agenda.recurrence.label")}
        </Text>
        <Text size="sm">{t("agenda.recurrence.imported")}</Text>
        {value.rrule ? (
          <Text size="sm" ff="monospace" style={{ overflowWrap: "anywhere" }}>
            {value.rrule}
          </Text>
        ) : null}
      </Paper>
    );
  }

  const names = weekdayNames(lang, "long");
  const shortNames = weekdayNames(lang, "short");
  const sentence = recurrenceSentence(value, startLocal, lang);
  const unit = value.kind === "weekly" ? "weeks" : value.kind === "yearly" ? "years" : "months";

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <NativeSelect
          label={t("agenda.recurrence.label")}
          value={value.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as RecurrenceKind;
            const weekdays =
              kind === "weekly" && value.weekdays.length === 0 && validStart
                ? [WEEKDAYS[isoWeekday(startDate) - 1]]
                : value.weekdays;
            set({ kind, weekdays });
          }}
          data={[
            { value: "none", label: t("agenda.recurrence.kinds.none") },
            { value: "weekly", label: t("agenda.recurrence.kinds.weekly") },
            { value: "monthly_date", label: describeKind("monthly_date") },
            { value: "monthly_weekday", label: describeKind("monthly_weekday") },
            { value: "yearly", label: describeKind("yearly") },
          ]}
          error={errors.recurrence ?? errors["recurrence.frequency"]}
        />
        {value.kind !== "none" ? (
          <>
            <NumberInput
              label={t(`agenda.recurrence.interval.${unit}`)}
              description={t(`agenda.recurrence.intervalHint.${unit}`)}
              min={1}
              max={52}
              allowDecimal={false}
              value={value.interval}
              onChange={(v) => set({ interval: v })}
              error={errors["recurrence.interval"]}
              w={{ base: "100%", xs: 260 }}
            />
            {value.kind === "weekly" ? (
              <Checkbox.Group
                label={t("agenda.recurrence.weekdays")}
                value={value.weekdays}
                onChange={(days) => set({ weekdays: WEEKDAYS.filter((d) => days.includes(d)) })}
                error={errors["recurrence.weekdays"]}
              >
                <Group gap="md" mt={6}>
                  {WEEKDAYS.map((d, i) => (
                    <Checkbox key={d} value={d} label={<abbr title={names[i]}>{shortNames[i]}</abbr>} aria-label={names[i]} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : null}
            <Radio.Group
              label={t("agenda.recurrence.end")}
              value={value.end}
              onChange={(end) => set({ end: end as RecurrenceValues["end"] })}
              error={errors["recurrence.count"] ?? errors["recurrence.until"]}
            >
              <Stack gap="xs" mt={6}>
                <Group gap="sm" align="center" wrap="wrap">
                  <Radio value="count" label={t("agenda.recurrence.after")} />
                  <NumberInput
                    aria-label={t("agenda.recurrence.count")}
                    min={2}
                    max={LIMITS.occurrences}
                    allowDecimal={false}
                    value={value.count}
                    onChange={(v) => set({ count: v, end: "count" })}
                    w={110}
                    hideControls
                  />
                  <Text size="sm">{t("agenda.recurrence.occurrences")}</Text>
                </Group>
                <Group gap="sm" align="center" wrap="wrap">
                  <Radio value="until" label={t("agenda.recurrence.until")} />
                  <TextInput
                    type="date"
                    aria-label={t("agenda.recurrence.untilDate")}
                    value={value.until}
                    min={validStart ? startDate : undefined}
                    onChange={(e) => set({ until: e.currentTarget.value, end: "until" })}
                    w={170}
                  />
                </Group>
              </Stack>
            </Radio.Group>
            <Text size="sm" role="status" aria-live="polite" fw={600} c="indigo.9">
              {sentence ?? t("agenda.recurrence.incomplete")}
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
