import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NO_PLACE_COLOR, placeColor } from "../lib/palette.ts";
import classes from "./AgendaViews.module.css";

/** The colour of each place, written out; events elsewhere (partner venue, online) are grey. */
export function PlaceLegend({
  places,
  withOther,
}: {
  places: { id: string; name: string; color: number }[];
  withOther?: boolean;
}) {
  const { t } = useTranslation();
  if (!places.length && !withOther) return null;
  return (
    <div>
      <Text size="sm" fw={600} id="agenda-legend" mb={4}>
        {t("agenda.legend.title")}
      </Text>
      <ul className={classes.legend} aria-labelledby="agenda-legend">
        {places.map((p) => {
          const c = placeColor(p.color);
          return (
            <li key={p.id}>
              <span className={classes.swatch} style={{ background: c.background, borderColor: c.edge }} aria-hidden="true" />
              {p.name}
            </li>
          );
        })}
        {withOther ? (
          <li>
            <span
              className={classes.swatch}
              style={{ background: NO_PLACE_COLOR.background, borderColor: NO_PLACE_COLOR.edge }}
              aria-hidden="true"
            />
            {t("agenda.legend.other")}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
