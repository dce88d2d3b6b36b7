import { Grid, Paper, ScrollArea, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { PlaceDto } from "../../../../shared/contracts/directory.ts";
import { useConfig } from "../../auth/api/session.ts";
import { LazyPlacesMap } from "./LazyPlacesMap.tsx";
import { PlaceList } from "./PlaceList.tsx";

export function PlacesMapWithList({
  slug,
  places,
  headingOrder = 2,
}: {
  slug: string;
  places: PlaceDto[];
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const config = useConfig();
  const navigate = useNavigate();
  const points = places
    .filter((p) => p.latitude != null && p.longitude != null)
    .map((p) => ({ id: p.id, name: p.name, latitude: p.latitude as number, longitude: p.longitude as number }));
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        {config.isPending ? null : (
          <LazyPlacesMap
            points={points}
            tileUrl={config.data?.mapTileUrl ?? null}
            label={t("map.placesLabel")}
            onSelect={(id) => navigate(`/c/${slug}/lieux/${id}`)}
          />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md">
          <Title order={headingOrder} size="h4" mb="sm">
            {t("places.listTitle")}
          </Title>
          <ScrollArea.Autosize mah={300} type="auto">
            <PlaceList slug={slug} places={places} label={t("places.listTitle")} />
          </ScrollArea.Autosize>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
