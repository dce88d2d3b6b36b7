import { Alert, Badge, Grid, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ItineraryInfeasibility } from "../../../../shared/rotations/itinerary.ts";
import { explainItinerary } from "../../../../shared/rotations/labels.ts";
import { useConfig } from "../../auth/api/session.ts";
import { clock, clockText, duration, type RouteDay, routePoints } from "../lib/route.ts";
import { LazyItineraryMap } from "./LazyItineraryMap.tsx";

/** The timed itinerary of one day, as a table and on the map. */
export function ItineraryView({ day, mapLabel }: { day: RouteDay; mapLabel: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const config = useConfig();
  const plan = day.plan;
  const byPlace = new Map(day.stops.map((s) => [s.placeId, s]));
  const endLabel = (day.end ?? day.start).label;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="sm">
          {plan === null ? (
            <Text c="gray.7">{t("tours.itinerary.noStops")}</Text>
          ) : plan.ok ? (
            <>
              <Group gap="xs">
                <Badge variant="outline" radius="sm" color={plan.method === "exact" ? "teal.9" : "gray.8"}>
                  {plan.method === "exact" ? t("tours.itinerary.exact") : t("tours.itinerary.heuristic")}
                </Badge>
                <Text size="sm" c="gray.7">
                  {t(plan.totalWait ? "tours.itinerary.totals" : "tours.itinerary.totalsNoWait", {
                    travel: duration(plan.totalTravel, lang),
                    visit: duration(plan.totalVisit, lang),
                    wait: duration(plan.totalWait, lang),
                    end: clock(plan.endMinutes, lang),
                  })}
                </Text>
              </Group>
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing="xs" captionSide="top">
                  <Table.Caption>{t("tours.itinerary.caption")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("tours.itinerary.time")}</Table.Th>
                      <Table.Th scope="col">{t("tours.itinerary.step")}</Table.Th>
                      <Table.Th scope="col">{t("tours.itinerary.travel")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Td>{clockText(day.startTime, lang)}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {t("tours.itinerary.departure", { place: day.start.label })}
                      </Table.Th>
                      <Table.Td />
                    </Table.Tr>
                    {plan.legs.map((leg, i) => {
                      const stop = byPlace.get(leg.id);
                      return (
                        <Table.Tr key={`${leg.kind}-${leg.id}`}>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            {leg.kind === "stop"
                              ? `${clock(leg.visitStart, lang)} – ${clock(leg.departure, lang)}`
                              : clock(leg.arrival, lang)}
                          </Table.Td>
                          <Table.Th scope="row" fw={500}>
                            {leg.kind === "stop" ? (
                              <Stack gap={0}>
                                <Text fw={600} size="sm">
                                  {i + 1}. {leg.label}
                                </Text>
                                <Text size="xs" c="gray.7">
                                  {stop ? `${stop.organizationName} · ` : ""}
                                  {t("tours.itinerary.visit", { minutes: stop?.visitMinutes ?? leg.departure - leg.visitStart })}
                                  {leg.wait > 0 ? ` · ${t("tours.itinerary.wait", { minutes: leg.wait })}` : ""}
                                </Text>
                              </Stack>
                            ) : (
                              t("tours.itinerary.arrival", { place: endLabel })
                            )}
                          </Table.Th>
                          <Table.Td>{t("tours.itinerary.minutes", { count: leg.travel })}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ) : (
            <Alert color="red.9" variant="outline" title={t("tours.itinerary.infeasibleTitle")}>
              <Stack gap="xs">
                <Text size="sm">{explainItinerary(plan.infeasible as unknown as ItineraryInfeasibility, lang)}</Text>
                <Text size="sm">{t("tours.itinerary.infeasibleHint")}</Text>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        {config.isPending ? null : (
          <LazyItineraryMap {...routePoints(day, lang)} tileUrl={config.data?.mapTileUrl ?? null} label={mapLabel} />
        )}
      </Grid.Col>
    </Grid>
  );
}
