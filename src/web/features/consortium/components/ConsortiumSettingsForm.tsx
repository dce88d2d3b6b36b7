import { NativeSelect, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConsortiumDto, UpdateConsortiumInput } from "../../../../shared/contracts/consortium.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { SavedNotice } from "../../../components/ui/SavedNotice.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { useOrganizations } from "../../directory/api/organizations.ts";
import { useUpdateConsortium } from "../api/consortium.ts";
import { ConsortiumFields } from "./ConsortiumFields.tsx";

export function ConsortiumSettingsForm({ consortium }: { consortium: ConsortiumDto }) {
  const { t } = useTranslation();
  const update = useUpdateConsortium(consortium.slug);
  const organizations = useOrganizations(consortium.slug);
  const [saved, setSaved] = useState(false);
  const form = useFormState({
    name: consortium.name,
    territory: consortium.territory,
    scale: consortium.scale as string,
    description: consortium.description ?? "",
    carrierModel: consortium.carrierModel as string,
    carrierOrganizationId: consortium.carrier?.id ?? "",
  });
  const v = form.values;
  const candidates = (organizations.data ?? [])
    .filter((o) => (v.carrierModel === "member-lead" ? o.kind === "member" && o.isCurrentMember : o.kind !== "partner"))
    .map((o) => ({ value: o.id, label: o.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const { carrierOrganizationId, ...rest } = v;
    const data = form.check(UpdateConsortiumInput, carrierOrganizationId ? v : rest);
    if (!data) return;
    update.mutate(data, { onSuccess: () => setSaved(true), onError: (e) => form.handleError(e) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("settings.general")}>
      <Stack gap="md">
        <ConsortiumFields values={v} onChange={form.set} errors={form.errors} />
        <NativeSelect
          label={t("consortium.fields.carrierOrganization")}
          data={[{ value: "", label: t("settings.chooseCarrier") }, ...candidates]}
          value={v.carrierOrganizationId}
          onChange={(e) => form.set("carrierOrganizationId", e.currentTarget.value)}
          error={form.errors.carrierOrganizationId}
        />
        <SavedNotice shown={saved} />
        <FormActions error={form.formError} pending={update.isPending} submitLabel={t("common.save")} />
      </Stack>
    </form>
  );
}
