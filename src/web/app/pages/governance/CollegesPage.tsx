import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useAssociates, useColleges, useShares } from "../../../features/governance/api/colleges.ts";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { SharesSection } from "../../../features/governance/components/SharesSection.tsx";
import { StatuteEditor } from "../../../features/governance/components/StatuteEditor.tsx";

/** The college statute and, next to it, each associate's share of the capital and of the votes. */
export default function CollegesPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const statute = useColleges(slug);
  const shares = useShares(slug);
  const associates = useAssociates(slug);
  return (
    <PageLayout
      before={<GovernanceTabs />}
      title={t("governance.colleges.title")}
      subtitle={<Text c="gray.7">{t("governance.colleges.subtitle")}</Text>}
    >
      {statute.isPending ? (
        <Loading />
      ) : statute.isError ? (
        <ErrorAlert error={statute.error} />
      ) : (
        <StatuteEditor slug={slug} statute={statute.data} />
      )}
      {shares.isPending ? (
        <Loading />
      ) : shares.isError ? (
        <ErrorAlert error={shares.error} />
      ) : (
        <SharesSection
          slug={slug}
          shares={shares.data}
          colleges={statute.data?.colleges ?? []}
          associates={associates.data?.items ?? []}
          canEdit={associates.data?.abilities.create === true}
        />
      )}
    </PageLayout>
  );
}
