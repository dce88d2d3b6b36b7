import { Button, Group, SegmentedControl, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { startOfWeek, stepDay, todayInParis, type ViewKind, viewRange } from "../lib/calendar.ts";
import { dayRange, longDay, monthTitle } from "../lib/format.ts";

/** The title of the period a view shows: "Mars 2027", "du 8 au 14 mars 2027", "mardi 9 mars 2027". */
export function periodTitle(view: ViewKind, date: string, lang: string): string {
  if (view === "week") {
    const { from, to } = viewRange("week", startOfWeek(date));
    return dayRange(from, to, lang);
  }
  if (view === "day") {
    const s = longDay(date, lang);
    return s[0].toLocaleUpperCase() + s.slice(1);
  }
  return monthTitle(date, lang);
}

interface Props {
  view: ViewKind;
  date: string;
  views?: readonly ViewKind[];
  onChange: (patch: { view?: ViewKind; date?: string }) => void;
  /** Extra buttons on the right (print, new event). */
  actions?: ReactNode;
  /** Heading level of the period title. */
  headingOrder?: 2 | 3;
}

/** View switch, previous / today / next and the period shown, as a heading that screen readers announce. */
export function CalendarToolbar({
  view,
  date,
  views = ["month", "week", "day", "list"],
  onChange,
  actions,
  headingOrder = 2,
}: Props) {
  const { t, i18n } = useTranslation();
  const unit = view === "list" ? "month" : view;
  return (
    <Group justify="space-between" align="center" gap="sm" className="no-print">
      <Group gap="xs" wrap="wrap">
        <Button.Group>
          <Button
            variant="default"
            onClick={() => onChange({ date: stepDay(view, date, -1) })}
            aria-label={t(`agenda.toolbar.previous.${unit}`)}
            title={t(`agenda.toolbar.previous.${unit}`)}
          >
            <span aria-hidden="true">‹</span>
          </Button>
          <Button variant="default" onClick={() => onChange({ date: todayInParis() })}>
            {t("agenda.toolbar.today")}
          </Button>
          <Button
            variant="default"
            onClick={() => onChange({ date: stepDay(view, date, 1) })}
            aria-label={t(`agenda.toolbar.next.${unit}`)}
            title={t(`agenda.toolbar.next.${unit}`)}
          >
            <span aria-hidden="true">›</span>
          </Button>
        </Button.Group>
        <Title order={headingOrder} size="h3" aria-live="polite" style={{ minWidth: "10ch" }}>
          {periodTitle(view, date, i18n.language)}
        </Title>
      </Group>
      <Group gap="xs" wrap="wrap">
        {views.length > 1 ? (
          <SegmentedControl
            aria-label={t("agenda.views.label")}
            value={view}
            onChange={(v) => onChange({ view: v as ViewKind })}
            data={views.map((v) => ({ value: v, label: t(`agenda.views.${v}`) }))}
          />
        ) : null}
        {actions}
      </Group>
    </Group>
  );
}
