import { Button, Group, Modal, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountDto, ConsortiumRole } from "../../../../shared/contracts/consortium.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { CONSORTIUM_ROLE_VALUES, options } from "../../../lib/labels.ts";
import { useOrganizations } from "../../directory/api/organizations.ts";
import { useAccounts, useRemoveAccount, useUpdateAccount } from "../api/consortium.ts";

/** Organisations a role may be attached to: referents manage a member or the carrier, partners belong to a partner. */
export function useRoleOrganizations(slug: string, role: string) {
  const organizations = useOrganizations(slug);
  const list = organizations.data ?? [];
  if (role === "referent") return list.filter((o) => o.kind !== "partner").map((o) => ({ value: o.id, label: o.name }));
  if (role === "partner") return list.filter((o) => o.kind === "partner").map((o) => ({ value: o.id, label: o.name }));
  return [];
}

function EditAccountForm({ slug, account, onDone }: { slug: string; account: AccountDto; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAccount(slug);
  const [role, setRole] = useState<string>(account.role);
  const [organizationId, setOrganizationId] = useState(account.organizationId ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const orgs = useRoleOrganizations(slug, role);
  const needsOrg = role === "referent" || role === "partner";
  function submit(event: FormEvent) {
    event.preventDefault();
    if (needsOrg && !organizationId) {
      setErrors({ organizationId: t("settings.invite.organizationRequired") });
      return;
    }
    update.mutate(
      { userId: account.userId, role: role as ConsortiumRole, organizationId: needsOrg ? organizationId : null },
      { onSuccess: onDone, onError: (e) => setErrors((e as { fields?: Record<string, string> }).fields ?? {}) },
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <NativeSelect
          label={t("settings.fields.role")}
          data={options(t, "roles.consortium", CONSORTIUM_ROLE_VALUES)}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={errors.role}
        />
        {needsOrg ? (
          <NativeSelect
            label={t("settings.fields.organization")}
            required
            data={[{ value: "", label: t("people.fields.chooseOrganization") }, ...orgs]}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.currentTarget.value)}
            error={errors.organizationId}
          />
        ) : null}
        <ErrorAlert error={Object.keys(errors).length ? null : update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AccountsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const accounts = useAccounts(slug);
  const remove = useRemoveAccount(slug);
  const [editing, setEditing] = useState<AccountDto | null>(null);
  const [removing, setRemoving] = useState<AccountDto | null>(null);
  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <ErrorAlert error={accounts.error} />;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder verticalSpacing="sm">
          <Table.Caption>{t("settings.accounts.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("settings.accounts.name")}</Table.Th>
              <Table.Th scope="col">{t("settings.accounts.email")}</Table.Th>
              <Table.Th scope="col">{t("settings.fields.role")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.map((a) => (
              <Table.Tr key={a.userId}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.email}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t(`roles.consortium.${a.role}`)}
                    {a.organizationName ? ` · ${a.organizationName}` : ""}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {a.abilities.update ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(a)}
                        aria-label={t("settings.accounts.changeRoleNamed", { name: a.name })}
                      >
                        {t("settings.accounts.changeRole")}
                      </Button>
                    ) : null}
                    {a.abilities.remove ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRemoving(a)}
                        aria-label={t("settings.accounts.removeNamed", { name: a.name })}
                      >
                        {t("settings.accounts.remove")}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("settings.accounts.changeRoleTitle", { name: editing?.name ?? "" })}
      >
        {editing ? <EditAccountForm slug={slug} account={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t("settings.accounts.removeTitle")}
        message={t("settings.accounts.removeConfirm", { name: removing?.name ?? "" })}
        confirmLabel={t("settings.accounts.remove")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}
      />
    </>
  );
}
