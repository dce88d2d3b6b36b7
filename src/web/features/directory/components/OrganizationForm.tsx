import { NativeSelect, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  CreateOrganizationInput,
  type OrganizationDto,
  UpdateOrganizationInput,
} from "../../../../shared/contracts/directory.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { today } from "../../../lib/format.ts";
import { useFormState } from "../../../lib/forms.ts";
import { options, PARTNER_TYPE_VALUES } from "../../../lib/labels.ts";
import { useCreateOrganization, useUpdateOrganization } from "../api/organizations.ts";
import { OrganizationFieldsInputs, organizationFieldsFrom } from "./OrganizationFieldsInputs.tsx";

interface Props {
  slug: string;
  kind: "member" | "partner" | "carrier";
  organization?: OrganizationDto;
  onDone: () => void;
}

/** Creates a member or a partner, or edits any organisation. */
export function OrganizationForm({ slug, kind, organization, onDone }: Props) {
  const { t } = useTranslation();
  const create = useCreateOrganization(slug);
  const update = useUpdateOrganization(slug);
  const pending = create.isPending || update.isPending;
  const form = useFormState({
    fields: organizationFieldsFrom(organization ?? {}),
    partnerType: (organization?.partnerType ?? (kind === "partner" ? "commune" : "")) as string,
    joinedOn: today(),
  });
  const v = form.values;

  function submit(event: FormEvent) {
    event.preventDefault();
    const handlers = { onSuccess: onDone, onError: (e: unknown) => form.handleError(e) };
    if (organization) {
      const input = { ...v.fields, ...(kind === "partner" ? { partnerType: v.partnerType || null } : {}) };
      const data = form.check(UpdateOrganizationInput, input);
      if (data) update.mutate({ id: organization.id, input: data }, handlers);
      return;
    }
    const input = {
      kind,
      ...v.fields,
      ...(kind === "partner" ? { partnerType: v.partnerType || null } : {}),
      ...(kind === "member" && v.joinedOn ? { joinedOn: v.joinedOn } : {}),
    };
    const data = form.check(CreateOrganizationInput, input);
    if (data) create.mutate(data, handlers);
  }

  // Organisation field errors come back as "name", "siret"…: show them on the inputs.
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={organization ? t("organization.editTitle") : t(`organization.addTitle.${kind}`)}
    >
      <Stack gap="sm">
        <OrganizationFieldsInputs values={v.fields} onChange={(fields) => form.set("fields", fields)} errors={form.errors} />
        {kind === "partner" ? (
          <NativeSelect
            label={t("organization.fields.partnerType")}
            data={options(t, "partnerTypes", PARTNER_TYPE_VALUES)}
            value={v.partnerType}
            onChange={(e) => form.set("partnerType", e.currentTarget.value)}
            error={form.errors.partnerType}
          />
        ) : null}
        {kind === "member" && !organization ? (
          <TextInput
            type="date"
            label={t("organization.fields.joinedOn")}
            value={v.joinedOn}
            onChange={(e) => form.set("joinedOn", e.currentTarget.value)}
            error={form.errors.joinedOn}
          />
        ) : null}
        <FormActions
          error={form.formError}
          pending={pending}
          submitLabel={organization ? t("common.save") : t(`organization.add.${kind}`)}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
