import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { usePlaces } from "../../features/directory/api/places.ts";
import { PlacesMapWithList } from "../../features/directory/components/PlacesMapWithList.tsx";

export default function PlacesPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const consortium = useConsortium(slug);
  const places = usePlaces(slug);
  const canCreate = Boolean(consortium.data?.abilities.createPlace);
  const addButton = canCreate ? (
    <Button component={Link} to={`/c/${slug}/lieux/nouveau`}>
      {t("places.add")}
    </Button>
  ) : undefined;
  return (
    <PageLayout title={t("places.title")} actions={places.data?.length ? addButton : undefined}>
      {places.isPending ? (
        <Loading />
      ) : places.isError ? (
        <ErrorAlert error={places.error} />
      ) : places.data.length === 0 ? (
        <EmptyState message={t("places.empty")} action={addButton} />
      ) : (
        <PlacesMapWithList slug={slug} places={places.data} />
      )}
    </PageLayout>
  );
}
