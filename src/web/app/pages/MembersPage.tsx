import { Button, Modal, SimpleGrid, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { OrganizationDto } from "../../../shared/contracts/directory.ts";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog.tsx";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { useEndRepresentative, useOrganizations } from "../../features/directory/api/organizations.ts";
import { AddRepresentativeDialog, MembershipDateDialog } from "../../features/directory/components/MembershipDialogs.tsx";
import { OrganizationCard } from "../../features/directory/components/OrganizationCard.tsx";
import { OrganizationForm } from "../../features/directory/components/OrganizationForm.tsx";

export default function MembersPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const consortium = useConsortium(slug);
  const organizations = useOrganizations(slug);
  const endRep = useEndRepresentative(slug);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<OrganizationDto | null>(null);
  const [leaving, setLeaving] = useState<OrganizationDto | null>(null);
  const [joining, setJoining] = useState<OrganizationDto | null>(null);
  const [addingRep, setAddingRep] = useState<OrganizationDto | null>(null);
  const [endingRep, setEndingRep] = useState<{ org: OrganizationDto; id: string; name: string } | null>(null);

  const all = (organizations.data ?? []).filter((o) => o.kind !== "partner");
  // An external carrier (a SCIC) represents the members without being one: shown apart, not counted.
  const carriers = all.filter((o) => o.kind === "carrier");
  const current = all.filter((o) => o.isCurrentMember && o.kind === "member");
  const former = all.filter((o) => !o.isCurrentMember && o.kind === "member");
  const canAdd = Boolean(consortium.data?.abilities.createOrganization);
  const addButton = canAdd ? <Button onClick={() => setAdding(true)}>{t("organization.add.member")}</Button> : undefined;

  const card = (o: OrganizationDto) => (
    <OrganizationCard
      key={o.id}
      organization={o}
      onEdit={() => setEditing(o)}
      onLeave={() => setLeaving(o)}
      onJoin={() => setJoining(o)}
      onAddRepresentative={() => setAddingRep(o)}
      onEndRepresentative={(r) => setEndingRep({ org: o, id: r.id, name: r.personName })}
    />
  );

  return (
    <PageLayout title={t("members.title")} actions={all.length ? addButton : undefined}>
      {organizations.isPending ? (
        <Loading />
      ) : organizations.isError ? (
        <ErrorAlert error={organizations.error} />
      ) : all.length === 0 ? (
        <EmptyState message={t("members.empty")} action={addButton} />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="current-members">
            <Title order={2} size="h3" id="current-members" mb="sm">
              {t("members.currentTitle", { count: current.length })}
            </Title>
            {current.length ? (
              <SimpleGrid cols={{ base: 1, lg: 2 }}>{current.map(card)}</SimpleGrid>
            ) : (
              <EmptyState message={t("members.noCurrent")} action={addButton} />
            )}
          </section>
          {carriers.length ? (
            <section aria-labelledby="carrier-organizations">
              <Title order={2} size="h3" id="carrier-organizations" mb="sm">
                {t("members.carrierTitle")}
              </Title>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>{carriers.map(card)}</SimpleGrid>
            </section>
          ) : null}
          {former.length ? (
            <section aria-labelledby="former-members">
              <Title order={2} size="h3" id="former-members" mb="sm">
                {t("members.formerTitle", { count: former.length })}
              </Title>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>{former.map(card)}</SimpleGrid>
            </section>
          ) : null}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t("organization.addTitle.member")} size="lg">
        {adding ? <OrganizationForm slug={slug} kind="member" onDone={() => setAdding(false)} /> : null}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t("organization.editTitle")} size="lg">
        {editing ? (
          <OrganizationForm slug={slug} kind={editing.kind} organization={editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
      <MembershipDateDialog slug={slug} organization={leaving} mode="leave" onClose={() => setLeaving(null)} />
      <MembershipDateDialog slug={slug} organization={joining} mode="join" onClose={() => setJoining(null)} />
      <AddRepresentativeDialog slug={slug} organization={addingRep} onClose={() => setAddingRep(null)} />
      <ConfirmDialog
        opened={endingRep !== null}
        title={t("members.representatives.endTitle")}
        message={t("members.representatives.endConfirm", { name: endingRep?.name ?? "", org: endingRep?.org.name ?? "" })}
        confirmLabel={t("members.representatives.end")}
        loading={endRep.isPending}
        error={endRep.error}
        onClose={() => {
          setEndingRep(null);
          endRep.reset();
        }}
        onConfirm={() =>
          endingRep &&
          endRep.mutate({ id: endingRep.org.id, representativeId: endingRep.id }, { onSuccess: () => setEndingRep(null) })
        }
      />
    </PageLayout>
  );
}
