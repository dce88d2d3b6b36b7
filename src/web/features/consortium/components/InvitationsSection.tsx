import { Badge, Button, NativeSelect, Paper, SimpleGrid, Stack, Table, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type InvitationDto, InviteInput } from "../../../../shared/contracts/consortium.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useFormState } from "../../../lib/forms.ts";
import { CONSORTIUM_ROLE_VALUES, options } from "../../../lib/labels.ts";
import { useInvitations, useInvite, useRevokeInvitation } from "../api/consortium.ts";
import { useRoleOrganizations } from "./AccountsSection.tsx";

function InviteForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const invite = useInvite(slug);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormState({ email: "", role: "member", organizationId: "" });
  const v = form.values;
  const orgs = useRoleOrganizations(slug, v.role);
  const needsOrg = v.role === "referent" || v.role === "partner";

  function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    if (needsOrg && !v.organizationId) {
      form.setErrors({ organizationId: t("settings.invite.organizationRequired") });
      return;
    }
    const data = form.check(InviteInput, { email: v.email, role: v.role, organizationId: needsOrg ? v.organizationId : null });
    if (!data) return;
    invite.mutate(data, {
      onSuccess: () => {
        setSentTo(data.email);
        form.setValues({ email: "", role: v.role, organizationId: "" });
      },
      onError: (e) => form.handleError(e, ["email", "role", "organizationId"]),
    });
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("settings.invite.title")}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("settings.invite.title")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("settings.invite.email")}
              type="email"
              required
              value={v.email}
              onChange={(e) => form.set("email", e.currentTarget.value)}
              error={form.errors.email}
            />
            <NativeSelect
              label={t("settings.fields.role")}
              data={options(t, "roles.consortium", CONSORTIUM_ROLE_VALUES)}
              value={v.role}
              onChange={(e) => form.set("role", e.currentTarget.value)}
              error={form.errors.role}
            />
            {needsOrg ? (
              <NativeSelect
                label={t("settings.fields.organization")}
                required
                data={[{ value: "", label: t("people.fields.chooseOrganization") }, ...orgs]}
                value={v.organizationId}
                onChange={(e) => form.set("organizationId", e.currentTarget.value)}
                error={form.errors.organizationId}
              />
            ) : null}
          </SimpleGrid>
          {sentTo ? (
            <div role="status">
              <Badge color="indigo">{t("settings.invite.sent", { email: sentTo })}</Badge>
            </div>
          ) : null}
          <FormActions error={form.formError} pending={invite.isPending} submitLabel={t("settings.invite.submit")} />
        </Stack>
      </form>
    </Paper>
  );
}

export function InvitationsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const invitations = useInvitations(slug);
  const revoke = useRevokeInvitation(slug);
  const [revoking, setRevoking] = useState<InvitationDto | null>(null);
  return (
    <Stack gap="md">
      <InviteForm slug={slug} />
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <ErrorAlert error={invitations.error} />
      ) : invitations.data.length === 0 ? (
        <EmptyState message={t("settings.invite.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing="sm">
            <Table.Caption>{t("settings.invite.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("settings.invite.email")}</Table.Th>
                <Table.Th scope="col">{t("settings.fields.role")}</Table.Th>
                <Table.Th scope="col">{t("settings.invite.status")}</Table.Th>
                <Table.Th scope="col">{t("settings.invite.expires")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>
                    {t(`roles.consortium.${i.role}`)}
                    {i.organizationName ? ` · ${i.organizationName}` : ""}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={i.status === "pending" ? "indigo" : "gray.8"}>
                      {t(`settings.invite.statuses.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    {i.status === "pending" ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRevoking(i)}
                        aria-label={t("settings.invite.revokeNamed", { email: i.email })}
                      >
                        {t("settings.invite.revoke")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t("settings.invite.revokeTitle")}
        message={t("settings.invite.revokeConfirm", { email: revoking?.email ?? "" })}
        confirmLabel={t("settings.invite.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      />
    </Stack>
  );
}
