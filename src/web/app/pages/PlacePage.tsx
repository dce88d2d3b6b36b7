import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { PlaceDto } from "../../../shared/contracts/directory.ts";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog.tsx";
import { DetailActions } from "../../components/ui/DetailActions.tsx";
import { EditPanel, useEditPanel } from "../../components/ui/EditPanel.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { SavedNotice } from "../../components/ui/SavedNotice.tsx";
import { useConfig } from "../../features/auth/api/session.ts";
import { useDeletePlace, usePlace, useUpdatePlace } from "../../features/directory/api/places.ts";
import { LazyPlacesMap } from "../../features/directory/components/LazyPlacesMap.tsx";
import { PlaceForm, placeFormValues } from "../../features/directory/components/PlaceForm.tsx";
import { SpacesSection } from "../../features/directory/components/SpacesSection.tsx";
import { WEEKDAYS } from "../../lib/labels.ts";

function PlaceDetails({ place }: { place: PlaceDto }) {
  const { t } = useTranslation();
  const config = useConfig();
  const address = [place.street, [place.postalCode, place.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="md">
        {place.description ? <Text>{place.description}</Text> : null}
        <div>
          <Text fw={600}>{t("places.fields.address")}</Text>
          <Text>{address || t("places.noAddress")}</Text>
        </div>
        <div>
          <Text fw={600}>{t("places.fields.activities")}</Text>
          {place.activities.length ? (
            <Group gap={6} mt={4}>
              {place.activities.map((a) => (
                <Badge key={a} color="indigo" variant="filled">
                  {a}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text>{t("common.notProvided")}</Text>
          )}
        </div>
        <div>
          <Text fw={600}>{t("places.fields.accessibility")}</Text>
          <Text>
            {place.accessibility.length
              ? place.accessibility.map((a) => t(`accessibility.${a}`)).join(", ")
              : t("common.notProvided")}
          </Text>
        </div>
        <Table aria-label={t("places.fields.openingHours")} withTableBorder verticalSpacing={4}>
          <caption style={{ textAlign: "left", fontWeight: 600, paddingBottom: 4 }}>{t("places.fields.openingHours")}</caption>
          <Table.Tbody>
            {WEEKDAYS.map((day) => {
              const slots = place.openingHours.filter((s) => s.day === day);
              return (
                <Table.Tr key={day}>
                  <Table.Th scope="row">{t(`weekdays.${day}`)}</Table.Th>
                  <Table.Td>
                    {slots.length ? slots.map((s) => `${s.opens} – ${s.closes}`).join(", ") : t("places.hours.closed")}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      <div>
        {place.latitude != null && place.longitude != null && !config.isPending ? (
          <LazyPlacesMap
            points={[{ id: place.id, name: place.name, latitude: place.latitude, longitude: place.longitude }]}
            tileUrl={config.data?.mapTileUrl ?? null}
            label={t("map.placeLabel", { name: place.name })}
            height={300}
          />
        ) : (
          <Text>{t("places.notOnMapLong")}</Text>
        )}
      </div>
    </SimpleGrid>
  );
}

export default function PlacePage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const place = usePlace(slug, id);
  const update = useUpdatePlace(slug, id);
  const remove = useDeletePlace(slug);
  const edit = useEditPanel();
  const [confirming, setConfirming] = useState(false);

  if (place.isPending) return <Loading />;
  if (place.isError) {
    return (
      <PageLayout title={t("places.notFound")}>
        <ErrorAlert error={place.error} />
        <Anchor component={Link} to={`/c/${slug}/lieux`}>
          {t("places.back")}
        </Anchor>
      </PageLayout>
    );
  }
  const p = place.data;
  return (
    <PageLayout
      title={p.name}
      subtitle={<Text>{t("places.heldBy", { name: p.organizationName })}</Text>}
      before={
        <Anchor component={Link} to={`/c/${slug}/lieux`} size="sm">
          ← {t("places.back")}
        </Anchor>
      }
      actions={
        <DetailActions
          abilities={p.abilities}
          editing={edit.editing}
          editLabel={t("places.edit")}
          deleteLabel={t("places.delete")}
          onEdit={edit.open}
          onDelete={() => setConfirming(true)}
        />
      }
    >
      <SavedNotice shown={edit.saved} />
      {edit.editing ? (
        <EditPanel title={t("places.editTitle")}>
          <PlaceForm
            mode="edit"
            initial={placeFormValues(p)}
            submitLabel={t("common.save")}
            pending={update.isPending}
            onCancel={() => edit.close()}
            onSubmit={(payload, onError) => update.mutate(payload, { onSuccess: () => edit.close(true), onError })}
          />
        </EditPanel>
      ) : (
        <PlaceDetails place={p} />
      )}
      <SpacesSection slug={slug} place={p} />
      <ConfirmDialog
        opened={confirming}
        title={t("places.deleteTitle")}
        message={t("places.deleteConfirm", { name: p.name })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(p.id, { onSuccess: () => navigate(`/c/${slug}/lieux`, { replace: true }) })}
      />
    </PageLayout>
  );
}
