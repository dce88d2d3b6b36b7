import { Anchor, Badge, Container, Grid, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { PublicHeader } from "../../../components/ui/PublicHeader.tsx";
import { useConfig } from "../../../features/auth/api/session.ts";
import { usePublicResidency } from "../../../features/residencies/api/residencies.ts";
import { LazyRouteMap } from "../../../features/residencies/components/LazyRouteMap.tsx";
import { STATUS_COLOR } from "../../../features/residencies/components/StayTimeline.tsx";
import { focusStay, routeStops, stayRangeTitle } from "../../../features/residencies/lib/format.ts";
import { ApiError } from "../../../lib/api-client.ts";

/**
 * The route of a public residency, for everyone, signed in or not: its stops in order with their days and
 * what happens there, and the map. Wider than the sign-in pages' layout, with the same light header.
 */
export default function PublicResidencyPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const residency = usePublicResidency(slug, id);
  const config = useConfig();
  const lang = i18n.language;
  const notFound = residency.error instanceof ApiError && [404, 422].includes(residency.error.status);
  const r = residency.data;
  const stops = r ? routeStops(r.stays, lang) : [];

  return (
    <>
      <PublicHeader />
      <Container component="main" id="main" tabIndex={-1} size="lg" py="lg">
        {residency.isPending ? (
          <Loading />
        ) : notFound ? (
          <PageLayout title={t("residencies.public.notFound")}>
            <Text>{t("residencies.public.notFoundText")}</Text>
          </PageLayout>
        ) : !r ? (
          <PageLayout title={t("residencies.public.titleShort")}>
            <ErrorAlert error={residency.error} />
          </PageLayout>
        ) : (
          <PageLayout
            title={r.name}
            subtitle={
              <Stack gap={6}>
                <Text fw={600} fz="lg" c="indigo.9">
                  {[r.artist, r.discipline].filter(Boolean).join(" · ")}
                </Text>
                {r.span ? (
                  <Text c="gray.8">
                    {stayRangeTitle(r.span.from, r.span.to, lang)} · {t("residencies.public.steps", { count: r.stays.length })}
                  </Text>
                ) : null}
                {r.description ? (
                  <Text maw={760} c="gray.9">
                    {r.description}
                  </Text>
                ) : null}
              </Stack>
            }
          >
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Stack gap="md" component="section" aria-labelledby="public-route">
                  <Title order={2} size="h3" id="public-route">
                    {t("residencies.public.route")}
                  </Title>
                  {r.stays.length === 0 ? (
                    <Text c="gray.7">{t("residencies.public.noStay")}</Text>
                  ) : (
                    <Timeline
                      bulletSize={30}
                      lineWidth={2}
                      color="indigo"
                      active={r.stays.findLastIndex((s) => s.status !== "upcoming")}
                    >
                      {r.stays.map((s, i) => (
                        <Timeline.Item
                          key={s.id}
                          bullet={
                            <ThemeIcon size={30} radius="xl" color={STATUS_COLOR[s.status]} aria-hidden>
                              <Text size="sm" fw={700} c="white">
                                {i + 1}
                              </Text>
                            </ThemeIcon>
                          }
                        >
                          <Paper
                            withBorder
                            p="md"
                            radius="md"
                            component="article"
                            id={`stay-${s.id}`}
                            tabIndex={-1}
                            aria-labelledby={`public-stay-${s.id}`}
                          >
                            <Stack gap={6}>
                              <Group justify="space-between" align="flex-start" gap="xs">
                                <Title order={3} size="h4" id={`public-stay-${s.id}`}>
                                  {t("residencies.public.stepTitle", { n: i + 1, place: s.placeName })}
                                </Title>
                                {s.status === "current" ? (
                                  <Badge color="teal.9" radius="sm">
                                    {t("residencies.public.now")}
                                  </Badge>
                                ) : null}
                              </Group>
                              <Text fw={600} c="indigo.9">
                                {stayRangeTitle(s.from, s.to, lang)}
                              </Text>
                              <Text size="sm" c="gray.8">
                                {[s.hostName !== s.placeName ? s.hostName : null, s.city].filter(Boolean).join(" · ")}
                              </Text>
                              {s.summary ? <Text size="sm">{s.summary}</Text> : null}
                            </Stack>
                          </Paper>
                        </Timeline.Item>
                      ))}
                    </Timeline>
                  )}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Stack gap="md" component="section" aria-labelledby="public-map" style={{ position: "sticky", top: 16 }}>
                  <Title order={2} size="h3" id="public-map">
                    {t("residencies.public.map")}
                  </Title>
                  {stops.length && !config.isPending ? (
                    <LazyRouteMap
                      stops={stops}
                      tileUrl={config.data?.mapTileUrl ?? null}
                      label={t("residencies.detail.mapLabel", { name: r.name })}
                      height={420}
                      onSelect={focusStay}
                    />
                  ) : (
                    <Text size="sm" c="gray.7">
                      {t("residencies.public.noMap")}
                    </Text>
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
            <Text size="sm" c="gray.8">
              {t("residencies.public.by", { name: r.consortium.name })}{" "}
              <Anchor component={Link} to={`/agenda/${r.consortium.slug}`} underline="always">
                {t("residencies.public.agenda")}
              </Anchor>
            </Text>
          </PageLayout>
        )}
      </Container>
    </>
  );
}
