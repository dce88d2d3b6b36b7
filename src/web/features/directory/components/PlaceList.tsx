import { Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlaceDto } from "../../../../shared/contracts/directory.ts";

/** The text alternative to the map: every place with its address. */
export function PlaceList({ slug, places, label }: { slug: string; places: PlaceDto[]; label: string }) {
  const { t } = useTranslation();
  return (
    <List listStyleType="none" spacing="sm" aria-label={label}>
      {places.map((p) => (
        <List.Item key={p.id}>
          <Stack gap={2}>
            <Anchor component={Link} to={`/c/${slug}/lieux/${p.id}`} fw={600}>
              {p.name}
            </Anchor>
            <Text size="sm">
              {[p.street, [p.postalCode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || t("places.noAddress")}
            </Text>
            <Group gap={6}>
              <Text size="sm">{p.organizationName}</Text>
              {p.latitude == null ? (
                <Badge variant="outline" color="gray.8" size="sm">
                  {t("places.notOnMap")}
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
