import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { AccountsSection } from "../../features/consortium/components/AccountsSection.tsx";
import { ActivityJournal } from "../../features/consortium/components/ActivityJournal.tsx";
import { ConsortiumSettingsForm } from "../../features/consortium/components/ConsortiumSettingsForm.tsx";
import { InvitationsSection } from "../../features/consortium/components/InvitationsSection.tsx";

export default function SettingsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const consortium = useConsortium(slug);
  if (consortium.isPending) return <Loading />;
  if (consortium.isError) {
    return (
      <PageLayout title={t("settings.title")}>
        <ErrorAlert error={consortium.error} />
      </PageLayout>
    );
  }
  const a = consortium.data.abilities;
  const nothing = !a.update && !a.manageAccounts && !a.invite && !a.readActivity;
  return (
    <PageLayout title={t("settings.title")}>
      {nothing ? <ErrorAlert error={null} /> : null}
      {nothing ? (
        <Paper p="md" withBorder>
          {t("settings.forbidden")}
        </Paper>
      ) : null}
      <Stack gap="xl">
        {a.update ? (
          <section aria-labelledby="settings-general">
            <Title order={2} size="h3" id="settings-general" mb="sm">
              {t("settings.general")}
            </Title>
            <Paper withBorder p="lg">
              <ConsortiumSettingsForm key={consortium.data.id} consortium={consortium.data} />
            </Paper>
          </section>
        ) : null}
        {a.manageAccounts ? (
          <section aria-labelledby="settings-accounts">
            <Title order={2} size="h3" id="settings-accounts" mb="sm">
              {t("settings.accounts.title")}
            </Title>
            <AccountsSection slug={slug} />
          </section>
        ) : null}
        {a.invite ? (
          <section aria-labelledby="settings-invitations">
            <Title order={2} size="h3" id="settings-invitations" mb="sm">
              {t("settings.invite.sectionTitle")}
            </Title>
            <InvitationsSection slug={slug} />
          </section>
        ) : null}
        {a.readActivity ? (
          <section aria-labelledby="settings-activity">
            <Title order={2} size="h3" id="settings-activity" mb="sm">
              {t("settings.activity.title")}
            </Title>
            <ActivityJournal slug={slug} />
          </section>
        ) : null}
      </Stack>
    </PageLayout>
  );
}
