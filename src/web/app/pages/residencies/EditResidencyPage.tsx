import { Anchor, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useResidency, useUpdateResidency } from "../../../features/residencies/api/residencies.ts";
import { ResidencyForm, residencyFormValues } from "../../../features/residencies/components/ResidencyForm.tsx";

/** The residency's own fields; its stays are changed on its page. */
export default function EditResidencyPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const residency = useResidency(slug, id);
  const update = useUpdateResidency(slug, id);
  const back = `/c/${slug}/residences/${id}`;

  return (
    <PageLayout
      title={residency.data ? t("residencies.editTitle", { name: residency.data.name }) : t("residencies.editTitleShort")}
      subtitle={residency.data?.stays.length ? <Text c="gray.7">{t("residencies.editSubtitle")}</Text> : undefined}
      before={
        <Anchor component={Link} to={back} size="sm">
          ← {t("residencies.backToResidency")}
        </Anchor>
      }
    >
      {residency.isPending ? (
        <Loading />
      ) : residency.isError ? (
        <ErrorAlert error={residency.error} />
      ) : !residency.data.abilities.update ? (
        <EmptyState message={t("residencies.cannotEdit")} />
      ) : (
        <Paper withBorder p="lg">
          <ResidencyForm
            initial={residencyFormValues(residency.data)}
            submitLabel={t("common.save")}
            pending={update.isPending}
            onCancel={() => navigate(back)}
            onSubmit={(payload, onError) =>
              update.mutate(payload, { onSuccess: () => navigate(`${back}?enregistre=1`), onError })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
