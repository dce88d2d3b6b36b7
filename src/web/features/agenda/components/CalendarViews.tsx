// The calendar views are our own accessible components on plain tables and lists, not a calendar widget (ADR 0016).
import { Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addDays, groupByDay, monthGrid, parisDayOf, startOfWeek, todayInParis, viewRange } from "../lib/calendar.ts";
import { longDay, monthTitle, shortDay, weekdayNames } from "../lib/format.ts";
import classes from "./AgendaViews.module.css";
import { OccurrenceItem, occurrenceKey, type ShownOccurrence } from "./OccurrenceItem.tsx";

/** What every view receives: the items of its window and how to colour, link and open them. */
export interface ViewProps {
  date: string;
  items: ShownOccurrence[];
  colorOf: (placeId: string | null) => number | null;
  /** Link of an occurrence (signed-in calendar); without it, occurrences are buttons calling onOpen. */
  hrefOf?: (o: ShownOccurrence) => string;
  /** The links of hrefOf leave the app and open a new tab (embedded agenda). */
  external?: boolean;
  onOpen?: (o: ShownOccurrence) => void;
  /** Link to another day of the calendar (opens the day view); absent on the public agenda. */
  dayHref?: (day: string) => string;
  /** The sentence shown when the window holds nothing. */
  emptyMessage: string;
  /** The month's name is already shown above the table (it stays for screen readers and print). */
  hideCaption?: boolean;
}

const MONTH_CELL_LIMIT = 4;

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function Item({
  o,
  props,
  compact,
  detailed,
  day,
}: {
  o: ShownOccurrence;
  props: ViewProps;
  compact?: boolean;
  detailed?: boolean;
  day?: string;
}) {
  // On the later days of a multi-day event, the start time would mislead.
  const continues = day !== undefined && parisDayOf(o.startsAt) !== day;
  return (
    <OccurrenceItem
      o={o}
      colorIndex={props.colorOf(o.placeId)}
      href={props.hrefOf?.(o)}
      external={props.external}
      onOpen={props.onOpen ? () => props.onOpen?.(o) : undefined}
      compact={compact}
      detailed={detailed}
      showTime={!continues}
    />
  );
}

/** The month as a table: one row per week, Monday first, each day listing its occurrences in time order. */
export function MonthView(props: ViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const weeks = monthGrid(props.date);
  const { from, to } = viewRange("month", props.date);
  const byDay = groupByDay(props.items, from, to);
  const month = props.date.slice(0, 7);
  const today = todayInParis();
  const longNames = weekdayNames(lang, "long");
  const shortNames = weekdayNames(lang, "short");
  const inMonth = props.items.some((o) => {
    const d = parisDayOf(o.startsAt);
    return d.slice(0, 7) === month || parisDayOf(o.endsAt).slice(0, 7) === month;
  });
  return (
    <Stack gap="xs">
      {!inMonth ? (
        <Text role="status" c="gray.8" className="no-print">
          {props.emptyMessage}
        </Text>
      ) : null}
      <table className={classes.monthTable}>
        <caption className={props.hideCaption ? classes.captionHidden : undefined}>{monthTitle(props.date, lang)}</caption>
        <thead>
          <tr>
            {longNames.map((name, i) => (
              <th key={name} scope="col">
                <abbr title={name} className={classes.weekdayShort}>
                  {shortNames[i]}
                </abbr>
                <span className={classes.weekdayLong}>{name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const list = byDay.get(day) ?? [];
                const outside = day.slice(0, 7) !== month;
                const cellClass = [outside ? classes.outside : "", day === today ? classes.today : ""].join(" ");
                const hidden = list.length > MONTH_CELL_LIMIT ? list.length - (MONTH_CELL_LIMIT - 1) : 0;
                const dayLabel = longDay(day, lang);
                return (
                  <td key={day} className={cellClass}>
                    <div className={classes.dayHead}>
                      {props.dayHref ? (
                        <Link
                          to={props.dayHref(day)}
                          className={classes.dayNumber}
                          aria-label={t("agenda.views.openDay", { day: dayLabel })}
                          aria-current={day === today ? "date" : undefined}
                        >
                          {Number(day.slice(8))}
                        </Link>
                      ) : (
                        <span className={classes.dayNumber} aria-current={day === today ? "date" : undefined}>
                          {Number(day.slice(8))}
                        </span>
                      )}
                    </div>
                    {list.length ? (
                      <ul className={classes.items} aria-label={dayLabel}>
                        {list.map((o, i) => (
                          <li
                            key={occurrenceKey(o)}
                            className={hidden && i >= MONTH_CELL_LIMIT - 1 ? classes.overflow : undefined}
                          >
                            <Item o={o} props={props} compact day={day} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {hidden ? (
                      props.dayHref ? (
                        <Link to={props.dayHref(day)} className={classes.more}>
                          {t("agenda.views.more", { count: hidden })}
                          <VisuallyHidden component="span"> — {dayLabel}</VisuallyHidden>
                        </Link>
                      ) : (
                        <span className={classes.more}>{t("agenda.views.more", { count: hidden })}</span>
                      )
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}

/** Seven day columns, each a section with its heading and its occurrences in time order. */
export function WeekView(props: ViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const first = startOfWeek(props.date);
  const days = Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const byDay = groupByDay(props.items, days[0], days[6]);
  const today = todayInParis();
  const empty = days.every((d) => !byDay.get(d)?.length);
  return (
    <Stack gap="xs">
      {empty ? (
        <Text role="status" c="gray.8">
          {props.emptyMessage}
        </Text>
      ) : null}
      <div className={classes.week}>
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const headingId = `week-day-${day}`;
          return (
            <section
              key={day}
              aria-labelledby={headingId}
              className={`${classes.weekDay} ${day === today ? classes.weekDayToday : ""}`}
            >
              <h3 id={headingId} className={classes.weekDayHeading}>
                {props.dayHref ? (
                  <Link to={props.dayHref(day)} title={longDay(day, lang)}>
                    {shortDay(day, lang)}
                  </Link>
                ) : (
                  shortDay(day, lang)
                )}
                {day === today ? <VisuallyHidden component="span"> ({t("agenda.toolbar.today")})</VisuallyHidden> : null}
              </h3>
              {list.length ? (
                <ul className={classes.items}>
                  {list.map((o) => (
                    <li key={occurrenceKey(o)}>
                      <Item o={o} props={props} day={day} />
                    </li>
                  ))}
                </ul>
              ) : (
                <span className={classes.noEvent}>{t("agenda.views.nothing")}</span>
              )}
            </section>
          );
        })}
      </div>
    </Stack>
  );
}

/** One day, grouped by place (then partner venues and online), each group in time order. */
export function DayView(props: ViewProps & { placeNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const byDay = groupByDay(props.items, props.date, props.date);
  const list = byDay.get(props.date) ?? [];
  if (!list.length) {
    return (
      <Text role="status" c="gray.8">
        {props.emptyMessage}
      </Text>
    );
  }
  const groups = new Map<string, { label: string; colorKey: string | null; items: ShownOccurrence[] }>();
  for (const o of list) {
    const key = o.placeId ?? `venue:${o.venue}`;
    const label = o.placeId
      ? (props.placeNames.get(o.placeId) ?? o.venueLabel ?? t("agenda.venue.place"))
      : t(`agenda.dayGroups.${o.venue}`);
    const group = groups.get(key) ?? { label, colorKey: o.placeId, items: [] };
    group.items.push(o);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (!!a.colorKey !== !!b.colorKey) return a.colorKey ? -1 : 1;
    return a.label.localeCompare(b.label, i18n.language);
  });
  return (
    <Stack gap="lg">
      {ordered.map((group) => (
        <section key={group.label} aria-label={group.label}>
          <Title order={3} size="h5" mb={6}>
            {group.label}
          </Title>
          <ul className={classes.items}>
            {group.items.map((o) => (
              <li key={occurrenceKey(o)}>
                <Item o={o} props={props} day={props.date} detailed />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}

/** The month as a list of days, for reading and for screen readers. */
export function ListView(props: ViewProps & { from?: string; to?: string }) {
  const { i18n } = useTranslation();
  const range = viewRange("list", props.date);
  const from = props.from ?? range.from;
  const to = props.to ?? range.to;
  const byDay = groupByDay(props.items, from, to);
  const days = [...byDay.keys()].sort();
  if (!days.length) {
    return (
      <Text role="status" c="gray.8">
        {props.emptyMessage}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {days.map((day) => (
        <section key={day} aria-labelledby={`list-day-${day}`}>
          <Title order={3} size="h5" id={`list-day-${day}`} mb={6}>
            {props.dayHref ? (
              <Link to={props.dayHref(day)} className={classes.dayLink}>
                {capitalized(longDay(day, i18n.language))}
              </Link>
            ) : (
              capitalized(longDay(day, i18n.language))
            )}
          </Title>
          <ul className={classes.items}>
            {byDay.get(day)?.map((o) => (
              <li key={occurrenceKey(o)}>
                <Item o={o} props={props} day={day} detailed />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}
