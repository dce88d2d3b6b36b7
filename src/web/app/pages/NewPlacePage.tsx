import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useOrganizations } from "../../features/directory/api/organizations.ts";
import { useCreatePlace } from "../../features/directory/api/places.ts";
import { PlaceForm, placeFormValues } from "../../features/directory/components/PlaceForm.tsx";

export default function NewPlacePage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const organizations = useOrganizations(slug);
  const create = useCreatePlace(slug);
  const choices = (organizations.data ?? []).filter((o) => o.abilities.addPlace).map((o) => ({ value: o.id, label: o.name }));
  return (
    <PageLayout title={t("places.newTitle")}>
      {organizations.isPending ? (
        <Loading />
      ) : organizations.isError ? (
        <ErrorAlert error={organizations.error} />
      ) : choices.length === 0 ? (
        <EmptyState message={t("places.noOrganization")} />
      ) : (
        <Paper withBorder p="lg">
          <PlaceForm
            mode="create"
            initial={placeFormValues(undefined, choices.length === 1 ? choices[0].value : "")}
            organizations={choices}
            submitLabel={t("places.create")}
            pending={create.isPending}
            onSubmit={(payload, onError) =>
              create.mutate(payload, { onSuccess: (place) => navigate(`/c/${slug}/lieux/${place.id}`), onError })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
