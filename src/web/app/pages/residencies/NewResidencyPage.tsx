import { Anchor, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useCreateResidency, useResidencies } from "../../../features/residencies/api/residencies.ts";
import { newResidencyValues, ResidencyForm } from "../../../features/residencies/components/ResidencyForm.tsx";

/** A new residency; once saved, its page asks for its first stay. */
export default function NewResidencyPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const list = useResidencies(slug);
  const create = useCreateResidency(slug);
  const back = `/c/${slug}/residences`;

  return (
    <PageLayout
      title={t("residencies.newTitle")}
      subtitle={<Text c="gray.7">{t("residencies.newSubtitle")}</Text>}
      before={
        <Anchor component={Link} to={back} size="sm">
          ← {t("residencies.backToList")}
        </Anchor>
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : !list.data.abilities.create ? (
        <EmptyState message={t("residencies.cannotCreate")} />
      ) : (
        <Paper withBorder p="lg">
          <ResidencyForm
            initial={newResidencyValues()}
            submitLabel={t("residencies.form.create")}
            pending={create.isPending}
            onCancel={() => navigate(back)}
            onSubmit={(payload, onError) =>
              create.mutate(payload, {
                onSuccess: (residency) => navigate(`${back}/${residency.id}?cree=1`),
                onError,
              })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
