import { Anchor, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { todayInParis } from "../../../features/agenda/lib/calendar.ts";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";
import { useAllPeople, useCreateRotation, useRotations } from "../../../features/rotations/api/rotations.ts";
import { RotationForm } from "../../../features/rotations/components/RotationForm.tsx";
import { newRotationValues } from "../../../features/rotations/lib/form.ts";

/** A new rotation; once saved, its page offers to generate the schedule. */
export default function NewRotationPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const list = useRotations(slug);
  const places = usePlaces(slug);
  const organizations = useOrganizations(slug);
  const people = useAllPeople(slug);
  const create = useCreateRotation(slug);
  const back = `/c/${slug}/rotations`;

  const pending = list.isPending || places.isPending || organizations.isPending || people.isPending;
  const error = list.error ?? places.error ?? organizations.error ?? people.error;

  return (
    <PageLayout
      title={t("rotations.newTitle")}
      subtitle={<Text c="gray.7">{t("rotations.newSubtitle")}</Text>}
      before={
        <Anchor component={Link} to={back} size="sm">
          ← {t("rotations.backToList")}
        </Anchor>
      }
    >
      {pending ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !list.data?.abilities.create ? (
        <EmptyState message={t("rotations.cannotCreate")} />
      ) : (
        <Paper withBorder p="lg">
          <RotationForm
            initial={newRotationValues(todayInParis())}
            organizations={organizations.data ?? []}
            places={places.data ?? []}
            people={people.data ?? []}
            submitLabel={t("rotations.form.create")}
            pending={create.isPending}
            onCancel={() => navigate(back)}
            onSubmit={({ payload, onError }) =>
              create.mutate(payload, {
                onSuccess: (rotation) => navigate(`/c/${slug}/rotations/${rotation.id}?cree=1`),
                onError,
              })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
