import { Button, Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateConsortiumInput } from "../../../../shared/contracts/consortium.ts";
import { slugify } from "../../../../shared/lib/slug.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { options, SCALE_VALUES } from "../../../lib/labels.ts";
import {
  emptyOrganizationFields,
  OrganizationFieldsInputs,
  type OrganizationFieldValues,
} from "../../directory/components/OrganizationFieldsInputs.tsx";
import { useCreateConsortium } from "../api/consortium.ts";

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
        <TextInput
          label={t("consortium.fields.name")}
          required
          value={v.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            form.set("name", name);
            if (!slugTouched) form.set("slug", slugify(name));
          }}
          error={form.errors.name}
        />
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("consortium.fields.territory")}
            required
            value={v.territory}
            onChange={(e) => form.set("territory", e.currentTarget.value)}
            error={form.errors.territory}
          />
          <NativeSelect
            label={t("consortium.fields.scale")}
            data={options(t, "scales", SCALE_VALUES)}
            value={v.scale}
            onChange={(e) => form.set("scale", e.currentTarget.value)}
            error={form.errors.scale}
          />
        </SimpleGrid>
        <Textarea
          label={t("consortium.fields.description")}
          autosize
          minRows={3}
          value={v.description}
          onChange={(e) => form.set("description", e.currentTarget.value)}
          error={form.errors.description}
        />
        <Radio.Group
          label={t("consortium.fields.carrierModel")}
          value={v.carrierModel}
          onChange={(value) => form.set("carrierModel", value)}
          error={form.errors.carrierModel}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="member-lead" label={t("carrierModels.member-lead")} />
            <Radio value="external-carrier" label={t("carrierModels.external-carrier")} />
          </Stack>
        </Radio.Group>
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
        <ErrorAlert error={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t("consortium.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
