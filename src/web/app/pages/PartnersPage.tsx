import { Anchor, Button, List, Modal, SimpleGrid, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { OrganizationDto } from "../../../shared/contracts/directory.ts";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { useOrganizations } from "../../features/directory/api/organizations.ts";
import { usePeople } from "../../features/directory/api/people.ts";
import { OrganizationCard } from "../../features/directory/components/OrganizationCard.tsx";
import { OrganizationForm } from "../../features/directory/components/OrganizationForm.tsx";

function Interlocutors({ slug, organization }: { slug: string; organization: OrganizationDto }) {
  const { t } = useTranslation();
  const people = usePeople(slug, { organizationId: organization.id, pageSize: 50 });
  if (people.isPending) return null;
  const items = people.data?.items ?? [];
  return (
    <div>
      <Text fw={600} size="sm">
        {t("partners.interlocutors")}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{t("partners.noInterlocutor")}</Text>
      ) : (
        <List size="sm">
          {items.map((p) => {
            const role = p.roles.find((r) => r.organizationId === organization.id && !r.until);
            return (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/c/${slug}/personnes/${p.id}`} size="sm">
                  {p.firstName} {p.lastName}
                </Anchor>
                {role ? ` — ${role.title ?? t(`roles.person.${role.role}`)}` : ""}
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}

export default function PartnersPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const consortium = useConsortium(slug);
  const partners = useOrganizations(slug, "partner");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<OrganizationDto | null>(null);
  const canAdd = Boolean(consortium.data?.abilities.createOrganization);
  const addButton = canAdd ? <Button onClick={() => setAdding(true)}>{t("organization.add.partner")}</Button> : undefined;
  return (
    <PageLayout
      title={t("partners.title")}
      subtitle={<Text>{t("partners.intro")}</Text>}
      actions={partners.data?.length ? addButton : undefined}
    >
      {partners.isPending ? (
        <Loading />
      ) : partners.isError ? (
        <ErrorAlert error={partners.error} />
      ) : partners.data.length === 0 ? (
        <EmptyState message={t("partners.empty")} action={addButton} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {partners.data.map((o) => (
            <OrganizationCard key={o.id} organization={o} showMembership={false} headingOrder={2} onEdit={() => setEditing(o)}>
              <Interlocutors slug={slug} organization={o} />
            </OrganizationCard>
          ))}
        </SimpleGrid>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t("organization.addTitle.partner")} size="lg">
        {adding ? <OrganizationForm slug={slug} kind="partner" onDone={() => setAdding(false)} /> : null}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t("organization.editTitle")} size="lg">
        {editing ? <OrganizationForm slug={slug} kind="partner" organization={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </PageLayout>
  );
}
