import { SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../lib/forms.ts";

export interface OrganizationFieldValues {
  name: string;
  legalForm: string;
  siret: string;
  description: string;
  website: string;
  email: string;
  phone: string;
}

export const emptyOrganizationFields = (): OrganizationFieldValues => ({
  name: "",
  legalForm: "",
  siret: "",
  description: "",
  website: "",
  email: "",
  phone: "",
});

export function organizationFieldsFrom(
  o: Partial<Record<keyof OrganizationFieldValues, string | null>>,
): OrganizationFieldValues {
  return {
    name: o.name ?? "",
    legalForm: o.legalForm ?? "",
    siret: o.siret ?? "",
    description: o.description ?? "",
    website: o.website ?? "",
    email: o.email ?? "",
    phone: o.phone ?? "",
  };
}

interface Props {
  values: OrganizationFieldValues;
  onChange: (values: OrganizationFieldValues) => void;
  errors: FieldErrors;
  /** Prefix of the error keys, such as "carrier." */
  prefix?: string;
  /** Only name, legal form and SIRET. */
  compact?: boolean;
  nameLabel?: string;
}

export function OrganizationFieldsInputs({ values, onChange, errors, prefix = "", compact, nameLabel }: Props) {
  const { t } = useTranslation();
  const field = (key: keyof OrganizationFieldValues) => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...values, [key]: e.currentTarget.value }),
    error: errors[`${prefix}${key}`],
  });
  return (
    <Stack gap="sm">
      <TextInput label={nameLabel ?? t("organization.fields.name")} required {...field("name")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("organization.fields.legalForm")} {...field("legalForm")} />
        <TextInput label={t("organization.fields.siret")} inputMode="numeric" {...field("siret")} />
      </SimpleGrid>
      {compact ? null : (
        <>
          <Textarea label={t("organization.fields.description")} autosize minRows={2} {...field("description")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t("organization.fields.website")} type="url" placeholder="https://" {...field("website")} />
            <TextInput label={t("organization.fields.email")} type="email" {...field("email")} />
            <TextInput label={t("organization.fields.phone")} type="tel" {...field("phone")} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
