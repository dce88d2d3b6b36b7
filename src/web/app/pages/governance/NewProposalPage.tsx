import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { useCreateProposal, useProposals } from "../../../features/proposals/api/proposals.ts";
import { ProposalForm } from "../../../features/proposals/components/ProposalForm.tsx";

/** A new proposal, saved as a draft; its page then offers to open it. */
export default function NewProposalPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const list = useProposals(slug);
  const create = useCreateProposal(slug);
  const back = `/c/${slug}/gouvernance/propositions`;
  return (
    <PageLayout
      title={t("proposals.form.title")}
      subtitle={<Text c="gray.7">{t("proposals.form.subtitle")}</Text>}
      before={<GovernanceTabs />}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <ProposalForm
          bodies={list.data.bodies}
          pending={create.isPending}
          onCancel={() => navigate(back)}
          onSubmit={async (input) => {
            const created = await create.mutateAsync(input);
            navigate(`${back}/${created.id}`);
          }}
        />
      )}
    </PageLayout>
  );
}
