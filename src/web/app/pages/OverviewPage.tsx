import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { usePlaces } from "../../features/directory/api/places.ts";
import { PlacesMapWithList } from "../../features/directory/components/PlacesMapWithList.tsx";

export default function OverviewPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const consortium = useConsortium(slug);
  const places = usePlaces(slug);

  if (consortium.isPending) return <Loading />;
  if (consortium.isError) {
    return (
      <PageLayout title={t("overview.errorTitle")}>
        <ErrorAlert error={consortium.error} />
      </PageLayout>
    );
  }
  const c = consortium.data;
  const counts = [
    { key: "members", value: c.counts.members, to: "membres" },
    { key: "places", value: c.counts.places, to: "lieux" },
    { key: "people", value: c.counts.people, to: "personnes" },
    { key: "partners", value: c.counts.partners, to: "partenaires" },
  ] as const;
  return (
    <PageLayout
      title={c.name}
      subtitle={
        <Group gap="xs">
          <Text>
            {c.territory} · {t(`scales.${c.scale}`)}
          </Text>
          {c.myRole ? <Badge color="indigo">{t(`roles.consortium.${c.myRole}`)}</Badge> : null}
        </Group>
      }
    >
      {c.description ? <Text maw={800}>{c.description}</Text> : null}
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>{t(`carrierLabels.${c.carrierModel}`)}</Text>
          <Text>{c.carrier ? [c.carrier.name, c.carrier.legalForm].filter(Boolean).join(" · ") : t("overview.noCarrier")}</Text>
        </Stack>
      </Paper>
      <section aria-labelledby="counts-title">
        <Title order={2} size="h3" id="counts-title" mb="sm">
          {t("overview.counts")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {counts.map((item) => (
            <Paper
              key={item.key}
              withBorder
              p="md"
              component={Link}
              to={`/c/${slug}/${item.to}`}
              style={{ textDecoration: "none", color: "inherit" }}
            >
              <Text fz={28} fw={700} lh={1.2}>
                {item.value}
              </Text>
              <Text>{t(`overview.count.${item.key}`, { count: item.value })}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="map-title">
        <Title order={2} size="h3" id="map-title" mb="sm">
          {t("overview.mapTitle")}
        </Title>
        {places.isPending ? (
          <Loading />
        ) : places.isError ? (
          <ErrorAlert error={places.error} />
        ) : places.data.length === 0 ? (
          <EmptyState
            message={t("places.empty")}
            action={
              c.abilities.createPlace ? (
                <Button component={Link} to={`/c/${slug}/lieux/nouveau`}>
                  {t("places.add")}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <PlacesMapWithList slug={slug} places={places.data} headingOrder={3} />
        )}
      </section>
    </PageLayout>
  );
}
