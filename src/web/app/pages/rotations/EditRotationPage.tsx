import { Anchor, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";
import { useAllPeople, useRotation, useUpdateRotation } from "../../../features/rotations/api/rotations.ts";
import { RotationForm } from "../../../features/rotations/components/RotationForm.tsx";
import { rotationFormValues } from "../../../features/rotations/lib/form.ts";

/** The rotation's settings; the schedule already generated keeps its hosts until it is generated again. */
export default function EditRotationPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const rotation = useRotation(slug, id);
  const places = usePlaces(slug);
  const organizations = useOrganizations(slug);
  const people = useAllPeople(slug);
  const update = useUpdateRotation(slug, id);
  const back = `/c/${slug}/rotations/${id}`;

  const pending = rotation.isPending || places.isPending || organizations.isPending || people.isPending;
  const error = rotation.error ?? places.error ?? organizations.error ?? people.error;

  return (
    <PageLayout
      title={rotation.data ? t("rotations.editTitle", { name: rotation.data.name }) : t("rotations.editTitleShort")}
      subtitle={rotation.data?.turns.length ? <Text c="gray.7">{t("rotations.editSubtitle")}</Text> : undefined}
      before={
        <Anchor component={Link} to={back} size="sm">
          ← {t("rotations.backToRotation")}
        </Anchor>
      }
    >
      {pending ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !rotation.data?.abilities.update ? (
        <EmptyState message={t("rotations.cannotEdit")} />
      ) : (
        <Paper withBorder p="lg">
          <RotationForm
            initial={rotationFormValues(rotation.data)}
            organizations={organizations.data ?? []}
            places={places.data ?? []}
            people={people.data ?? []}
            submitLabel={t("common.save")}
            pending={update.isPending}
            onCancel={() => navigate(back)}
            onSubmit={({ payload, onError }) =>
              update.mutate(payload, { onSuccess: () => navigate(`${back}?enregistre=1`), onError })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
