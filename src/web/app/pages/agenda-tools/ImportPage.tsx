import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { AgendaTabs } from "../../../features/agenda/components/AgendaTabs.tsx";
import { ImportWizard } from "../../../features/agenda-tools/components/ImportWizard.tsx";
import { SubscriptionsList } from "../../../features/agenda-tools/components/SubscriptionsList.tsx";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";

export default function ImportPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const organizations = useOrganizations(slug);
  const places = usePlaces(slug);
  // One imports for an organisation one speaks for: the same rule as publishing (coordinators: any; referents: theirs).
  const organizers = (organizations.data ?? [])
    .filter((o) => o.abilities.update)
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));

  return (
    <PageLayout
      title={t("agendaTools.import.title")}
      subtitle={<Text c="gray.7">{t("agendaTools.import.subtitle")}</Text>}
      before={<AgendaTabs slug={slug} />}
    >
      {organizations.isPending || places.isPending ? (
        <Loading />
      ) : organizations.isError || places.isError ? (
        <ErrorAlert error={organizations.error ?? places.error} />
      ) : organizers.length === 0 ? (
        <EmptyState message={t("agendaTools.import.notAllowed")} />
      ) : (
        <ImportWizard slug={slug} organizers={organizers} places={places.data} />
      )}
      {/* Subscription addresses may carry private tokens: only those who may import see them. */}
      {organizers.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="subscriptions">
          <Title order={2} size="h3" id="subscriptions">
            {t("agendaTools.subscriptions.title")}
          </Title>
          <Text c="gray.7" size="sm">
            {t("agendaTools.subscriptions.intro")}
          </Text>
          <SubscriptionsList slug={slug} />
        </Stack>
      ) : null}
    </PageLayout>
  );
}
