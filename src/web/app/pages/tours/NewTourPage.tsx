import { Anchor, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { CreateTourInput } from "../../../../shared/contracts/tours.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { useCreateTour, useTours } from "../../../features/tours/api/tours.ts";
import { TourForm } from "../../../features/tours/components/TourForm.tsx";
import { ApiError } from "../../../lib/api-client.ts";

/** A new tour; its page then lets the organiser compose the day. */
export default function NewTourPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const list = useTours(slug);
  const organizations = useOrganizations(slug, "member");
  const create = useCreateTour(slug);
  const back = `/c/${slug}/tournees`;
  const pending = list.isPending || organizations.isPending;
  const error = list.error ?? organizations.error;
  const candidates = list.data?.candidates ?? [];

  return (
    <PageLayout
      title={t("tours.newTitle")}
      subtitle={<Text c="gray.7">{t("tours.newSubtitle")}</Text>}
      before={
        <Anchor component={Link} to={back} size="sm">
          ← {t("tours.backToList")}
        </Anchor>
      }
    >
      {pending ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !list.data?.abilities.create ? (
        <EmptyState message={t("tours.cannotCreate")} />
      ) : (
        <Paper withBorder p="lg">
          <TourForm
            mode="create"
            initial={{
              name: "",
              description: "",
              capacity: 30,
              signupOpen: true,
              visibility: "draft",
              chosenBy: candidates.length ? "rotation" : "coordination",
              rotationTurnId: "",
              organizerId: "",
              date: "",
            }}
            candidates={candidates}
            organizations={organizations.data ?? []}
            pending={create.isPending}
            error={create.error instanceof ApiError && Object.keys(create.error.fields).length ? null : create.error}
            serverFields={create.error instanceof ApiError ? create.error.fields : {}}
            submitLabel={t("tours.form.create")}
            onCancel={() => navigate(back)}
            onSubmit={(input) =>
              create.mutate(input as CreateTourInput, { onSuccess: (tour) => navigate(`/c/${slug}/tournees/${tour.id}`) })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
