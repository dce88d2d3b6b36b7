import { Fieldset, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateConsortiumInput } from "../../../../shared/contracts/consortium.ts";
import { slugify } from "../../../../shared/lib/slug.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { useFormState } from "../../../lib/forms.ts";
import {
  emptyOrganizationFields,
  OrganizationFieldsInputs,
  type OrganizationFieldValues,
} from "../../directory/components/OrganizationFieldsInputs.tsx";
import { useCreateConsortium } from "../api/consortium.ts";
import { ConsortiumFields } from "./ConsortiumFields.tsx";

export function CreateConsortiumForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateConsortium();
  const [slugTouched, setSlugTouched] = useState(false);
  const form = useFormState({
    name: "",
    slug: "",
    territory: "",
    scale: "commune" as string,
    description: "",
    carrierModel: "member-lead" as string,
    carrier: emptyOrganizationFields() as OrganizationFieldValues,
  });
  const v = form.values;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const data = form.check(CreateConsortiumInput, v);
    if (!data) return;
    create.mutate(data, {
      onSuccess: (r) => navigate(`/c/${r.slug}`),
      onError: (e) => form.handleError(e),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("consortium.create.title")}>
      <Stack gap="md">
        <ConsortiumFields
          values={v}
          onChange={(key, value) => {
            form.set(key, value);
            if (key === "name" && !slugTouched) form.set("slug", slugify(value));
          }}
          errors={form.errors}
          slugInput={
            <TextInput
              label={t("consortium.fields.slug")}
              description={t("consortium.fields.slugHint", { slug: v.slug || "…" })}
              required
              value={v.slug}
              onChange={(e) => {
                setSlugTouched(true);
                form.set("slug", e.currentTarget.value);
              }}
              error={form.errors.slug}
            />
          }
        />
        <Fieldset
          legend={v.carrierModel === "member-lead" ? t("consortium.create.leadLegend") : t("consortium.create.carrierLegend")}
        >
          <OrganizationFieldsInputs
            values={v.carrier}
            onChange={(carrier) => form.set("carrier", carrier)}
            errors={form.errors}
            prefix="carrier."
            compact
            nameLabel={t("consortium.fields.carrierName")}
          />
        </Fieldset>
        <FormActions error={form.formError} pending={create.isPending} submitLabel={t("consortium.create.submit")} />
      </Stack>
    </form>
  );
}
