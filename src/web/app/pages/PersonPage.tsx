import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog.tsx";
import { DetailActions } from "../../components/ui/DetailActions.tsx";
import { EditPanel, useEditPanel } from "../../components/ui/EditPanel.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { SavedNotice } from "../../components/ui/SavedNotice.tsx";
import { useOrganizations } from "../../features/directory/api/organizations.ts";
import { useDeletePerson, useEndPersonRole, usePerson } from "../../features/directory/api/people.ts";
import { PersonContact } from "../../features/directory/components/PersonContact.tsx";
import { AddRoleForm, EditPersonForm } from "../../features/directory/components/PersonForms.tsx";
import { formatDay } from "../../lib/format.ts";

export default function PersonPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const person = usePerson(slug, id);
  const organizations = useOrganizations(slug);
  const remove = useDeletePerson(slug);
  const endRole = useEndPersonRole(slug, id);
  const edit = useEditPanel();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [addingRole, setAddingRole] = useState(false);
  const [ending, setEnding] = useState<{ id: string; label: string } | null>(null);

  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <PageLayout title={t("people.notFound")}>
        <ErrorAlert error={person.error} />
        <Anchor component={Link} to={`/c/${slug}/personnes`}>
          {t("people.back")}
        </Anchor>
      </PageLayout>
    );
  }
  const p = person.data;
  const fullName = `${p.firstName} ${p.lastName}`;
  const orgOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <PageLayout
      title={fullName}
      before={
        <Anchor component={Link} to={`/c/${slug}/personnes`} size="sm">
          ← {t("people.back")}
        </Anchor>
      }
      actions={
        <DetailActions
          abilities={p.abilities}
          editing={edit.editing}
          editLabel={t("people.edit")}
          deleteLabel={t("people.delete")}
          onEdit={edit.open}
          onDelete={() => setConfirmDelete(true)}
        />
      }
    >
      <SavedNotice shown={edit.saved} />
      {edit.editing ? (
        <EditPanel title={t("people.editTitle")}>
          <EditPersonForm slug={slug} person={p} onDone={edit.close} />
        </EditPanel>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="md">
            <div>
              <Text fw={600}>{t("people.columns.contact")}</Text>
              <PersonContact person={p} />
            </div>
            <div>
              <Text fw={600}>{t("people.fields.bio")}</Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{p.bio || t("common.notProvided")}</Text>
            </div>
            <div>
              <Text fw={600}>{t("people.fields.contactVisibility")}</Text>
              <Text>{t(`visibility.${p.contactVisibility}`)}</Text>
            </div>
          </Stack>
          <Stack gap="md">
            <div>
              <Text fw={600}>{t("people.fields.skills")}</Text>
              {p.skills.length ? (
                <Group gap={6} mt={4}>
                  {p.skills.map((s) => (
                    <Badge key={s} color="indigo">
                      {s}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text>{t("common.notProvided")}</Text>
              )}
            </div>
            <div>
              <Text fw={600}>{t("people.fields.offers")}</Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{p.offers || t("common.notProvided")}</Text>
            </div>
            <div>
              <Text fw={600}>{t("people.fields.needs")}</Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{p.needs || t("common.notProvided")}</Text>
            </div>
          </Stack>
        </SimpleGrid>
      )}
      <section aria-labelledby="roles-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="roles-title">
            {t("people.roles.title")}
          </Title>
          {p.abilities.manageRoles ? <Button onClick={() => setAddingRole(true)}>{t("people.roles.add")}</Button> : null}
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder verticalSpacing="sm">
            <Table.Caption>{t("people.roles.caption", { name: fullName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("people.fields.organization")}</Table.Th>
                <Table.Th scope="col">{t("people.fields.role")}</Table.Th>
                <Table.Th scope="col">{t("people.roles.period")}</Table.Th>
                {p.abilities.manageRoles ? <Table.Th scope="col">{t("common.actions")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.roles.map((r) => {
                const label = `${t(`roles.person.${r.role}`)} · ${r.organizationName}`;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.organizationName}</Table.Td>
                    <Table.Td>
                      {t(`roles.person.${r.role}`)}
                      {r.title ? ` — ${r.title}` : ""}
                    </Table.Td>
                    <Table.Td>
                      {r.until
                        ? t("common.period", { from: formatDay(r.since), to: formatDay(r.until) })
                        : t("common.since", { date: formatDay(r.since) })}
                    </Table.Td>
                    {p.abilities.manageRoles ? (
                      <Table.Td>
                        {r.until ? null : (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEnding({ id: r.id, label })}
                            aria-label={t("people.roles.endNamed", { label })}
                          >
                            {t("people.roles.end")}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <Modal opened={addingRole} onClose={() => setAddingRole(false)} title={t("people.roles.addTitle")} size="lg">
        {addingRole ? (
          <AddRoleForm slug={slug} personId={p.id} organizations={orgOptions} onDone={() => setAddingRole(false)} />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={ending !== null}
        title={t("people.roles.endTitle")}
        message={t("people.roles.endConfirm", { label: ending?.label ?? "" })}
        confirmLabel={t("people.roles.end")}
        loading={endRole.isPending}
        error={endRole.error}
        onClose={() => {
          setEnding(null);
          endRole.reset();
        }}
        onConfirm={() => ending && endRole.mutate(ending.id, { onSuccess: () => setEnding(null) })}
      />
      <ConfirmDialog
        opened={confirmDelete}
        title={t("people.deleteTitle")}
        message={t("people.deleteConfirm", { name: fullName })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate(p.id, { onSuccess: () => navigate(`/c/${slug}/personnes`, { replace: true }) })}
      />
    </PageLayout>
  );
}
