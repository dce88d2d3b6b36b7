import { VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OccurrenceDto } from "../../../../shared/contracts/agenda.ts";
import { listOf, timeRange } from "../lib/format.ts";
import { placeColor } from "../lib/palette.ts";
import classes from "./AgendaViews.module.css";

/** What every view needs of an occurrence; the public agenda has no visibility. */
export type ShownOccurrence = Omit<OccurrenceDto, "visibility"> & { visibility?: OccurrenceDto["visibility"] };

/** Where one occurrence opens: its event, and for a series the occurrence itself. */
export function occurrenceHref(slug: string, o: { eventId: string; occurrence: string; recurring: boolean }): string {
  const base = `/c/${slug}/agenda/evenements/${o.eventId}`;
  return o.recurring ? `${base}?occurrence=${encodeURIComponent(o.occurrence)}` : base;
}

export function occurrenceKey(o: { eventId: string; occurrence: string }): string {
  return `${o.eventId}|${o.occurrence}`;
}

/** The status marks written out: colour and strike-through are never the only sign. */
export function OccurrenceMarks({ o }: { o: ShownOccurrence }) {
  const { t } = useTranslation();
  return (
    <>
      {o.status === "cancelled" ? (
        <span className={`${classes.mark} ${classes.markCancelled}`}>{t("agenda.status.cancelled")}</span>
      ) : null}
      {o.status === "tentative" ? (
        <span className={`${classes.mark} ${classes.markTentative}`}>{t("agenda.status.tentative")}</span>
      ) : null}
      {o.visibility === "draft" ? (
        <span className={`${classes.mark} ${classes.markDraft}`}>{t("agenda.visibility.draft")}</span>
      ) : null}
    </>
  );
}

interface Props {
  o: ShownOccurrence;
  colorIndex: number | null;
  /** Link target; without it (public agenda) the item is a button calling onOpen. */
  href?: string;
  /** The link leaves the app (embedded agenda): a plain link opening a new tab. */
  external?: boolean;
  onOpen?: () => void;
  /** Short form for month cells: time and title on one line. */
  compact?: boolean;
  /** Long form for the day and list views: organisers and audiences too. */
  detailed?: boolean;
  /** Hide the time (all-day row of a week, or a multi-day event on its later days). */
  showTime?: boolean;
}

/**
 * One occurrence in a view: a link (or a button) with its place colour on the left edge, the place name
 * written out, and its status marks. Cancelled occurrences are struck through and say so.
 */
export function OccurrenceItem({ o, colorIndex, href, external, onOpen, compact, detailed, showTime = true }: Props) {
  const { t, i18n } = useTranslation();
  const color = placeColor(colorIndex);
  const time = showTime ? timeRange(o, i18n.language) : null;
  const style = { background: color.background, borderInlineStartColor: color.edge };
  const classNames = [
    classes.occurrence,
    compact ? classes.compact : "",
    o.status === "cancelled" ? classes.cancelled : "",
    o.status === "tentative" ? classes.tentative : "",
    o.visibility === "draft" ? classes.draft : "",
  ]
    .filter(Boolean)
    .join(" ");
  const body = (
    <>
      <span className={classes.line}>
        {time ? <span className={classes.time}>{compact ? time.split(" – ")[0] : time}</span> : null}
        {!time && o.allDay && !compact ? <span className={classes.time}>{t("agenda.form.allDay")}</span> : null}
        <span className={classes.title}>{o.title}</span>
      </span>
      {o.venueLabel ? <span className={classes.place}>{o.venueLabel}</span> : null}
      {detailed && o.organizers.length ? (
        <span className={classes.place}>
          {t("agenda.by", {
            names: listOf(
              o.organizers.map((g) => g.name),
              i18n.language,
            ),
          })}
          {o.audiences.length ? ` · ${o.audiences.map((a) => t(`agenda.audiences.${a}`)).join(", ")}` : ""}
        </span>
      ) : null}
      <OccurrenceMarks o={o} />
    </>
  );
  if (href && external) {
    return (
      <a href={href} target="_blank" rel="noopener" className={classNames} style={style}>
        {body}
        <VisuallyHidden component="span"> ({t("agenda.warnings.newTab")})</VisuallyHidden>
      </a>
    );
  }
  if (href) {
    return (
      <Link to={href} className={classNames} style={style}>
        {body}
      </Link>
    );
  }
  return (
    <button type="button" className={classNames} style={style} onClick={onOpen}>
      {body}
    </button>
  );
}
