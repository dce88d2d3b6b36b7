import { Group, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BalanceDto } from "../../../../shared/contracts/agenda.ts";
import type { BalanceDimension } from "../api/agenda-tools.ts";
import { formatShortDay } from "../lib/dates.ts";
import classes from "./BalanceHeatmap.module.css";

export type BalanceLevel = BalanceDto["rows"][number]["levels"][number];
export const LEVELS: readonly BalanceLevel[] = ["empty", "low", "normal", "high", "overloaded"];

/** "23" over "nov.": narrow columns, so that three months fit on a laptop screen. */
function WeekLabel({ monday }: { monday: string }) {
  const [day, ...month] = formatShortDay(monday).split(" ");
  return (
    <>
      <span className={classes.weekDay}>{day}</span> <span className={classes.weekMonth}>{month.join(" ")}</span>
    </>
  );
}

/** What marks a level besides its colour. */
function LevelMark({ level }: { level: BalanceLevel }) {
  if (level !== "overloaded") return null;
  return <span aria-hidden="true">▲</span>;
}

// The calendar's filter words in its address (features/agenda/lib/url-state.ts).
const FILTER_PARAM: Record<BalanceDimension, string> = { place: "lieu", audience: "public", theme: "theme" };

/** The calendar's week view for one row of the table: the place, or the audience or theme as a filter. */
export function weekHref(slug: string, dimension: BalanceDimension, key: string, monday: string): string {
  const params = new URLSearchParams({ vue: "semaine", date: monday });
  params.set(FILTER_PARAM[dimension], key);
  return `/c/${slug}/agenda?${params.toString()}`;
}

interface BalanceHeatmapProps {
  slug: string;
  balance: BalanceDto;
  caption: string;
}

/** Weeks × places (or audiences, themes) as a real table: headers for both axes, the count written in every cell. */
export function BalanceHeatmap({ slug, balance, caption }: BalanceHeatmapProps) {
  const { t } = useTranslation();
  const weekLabel = (monday: string) => t("agendaTools.balance.weekOf", { day: formatShortDay(monday) });
  return (
    // The table scrolls sideways on a phone; every cell is a link, so the keyboard scrolls it too.
    <div className={classes.scroller}>
      <table className={classes.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`agendaTools.balance.rowHeader.${balance.dimension}`)}</th>
            {balance.weeks.map((week) => (
              <th key={week} scope="col" title={weekLabel(week)}>
                <VisuallyHidden>{t("agendaTools.balance.weekPrefix")} </VisuallyHidden>
                <WeekLabel monday={week} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {balance.rows.map((row) => {
            // The server names audiences in French; the interface may speak English.
            const label =
              balance.dimension === "audience" ? t(`agendaTools.audiences.${row.key}`, { defaultValue: row.label }) : row.label;
            return (
              <tr key={row.key}>
                <th scope="row" title={label}>
                  {label}
                </th>
                {balance.weeks.map((week, i) => {
                  const count = row.counts[i] ?? 0;
                  const level = row.levels[i] ?? "empty";
                  const levelText = t(`agendaTools.balance.levels.${level}`);
                  return (
                    <td key={week} className={`${classes.cell} ${classes[level]}`}>
                      <Link
                        to={weekHref(slug, balance.dimension, row.key, week)}
                        title={t("agendaTools.balance.cellTitle", {
                          row: label,
                          week: weekLabel(week),
                          count,
                          level: levelText,
                        })}
                      >
                        <LevelMark level={level} />
                        <span>{count}</span>
                        <VisuallyHidden>{t("agendaTools.balance.cellLevel", { count, level: levelText })}</VisuallyHidden>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("agendaTools.balance.total")}</th>
            {balance.weeks.map((week, i) => (
              <td key={week} className={classes.total}>
                {balance.totals[i] ?? 0}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What each colour means, with the threshold the server used. */
export function BalanceLegend({ overloadedAbove }: { overloadedAbove: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("agendaTools.balance.legendTitle")}
      </Title>
      <Text size="sm" c="gray.7">
        {t("agendaTools.balance.legendIntro")}
      </Text>
      <Group gap="lg" wrap="wrap" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {LEVELS.map((level) => (
          <Group key={level} gap={6} component="li" wrap="nowrap">
            <span className={`${classes.swatch} ${classes[level]}`} aria-hidden="true">
              <LevelMark level={level} />
            </span>
            <Text size="sm">
              <strong>{t(`agendaTools.balance.levels.${level}`)}</strong>
              {" — "}
              {t(`agendaTools.balance.legend.${level}`, { count: overloadedAbove })}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
