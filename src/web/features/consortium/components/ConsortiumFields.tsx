import { NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../lib/forms.ts";
import { options, SCALE_VALUES } from "../../../lib/labels.ts";

export interface ConsortiumFieldValues {
  name: string;
  territory: string;
  scale: string;
  description: string;
  carrierModel: string;
}

interface Props {
  values: ConsortiumFieldValues;
  onChange: (key: keyof ConsortiumFieldValues, value: string) => void;
  errors: FieldErrors;
  /**
   * The address input, on creation only. It goes under the name, and territory and scale then share a line;
   * without it, name and territory share the first line.
   */
  slugInput?: ReactNode;
}

/** Name, territory, scale, description and carrier model: the fields shared by the create and settings forms. */
export function ConsortiumFields({ values, onChange, errors, slugInput }: Props) {
  const { t } = useTranslation();
  const field = (key: keyof ConsortiumFieldValues) => ({
    label: t(`consortium.fields.${key}`),
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => onChange(key, e.currentTarget.value),
    error: errors[key],
  });
  const name = <TextInput required {...field("name")} />;
  const territory = <TextInput required {...field("territory")} />;
  const scale = <NativeSelect data={options(t, "scales", SCALE_VALUES)} {...field("scale")} />;
  return (
    <>
      {slugInput ? (
        <>
          {name}
          {slugInput}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {territory}
            {scale}
          </SimpleGrid>
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {name}
            {territory}
          </SimpleGrid>
          {scale}
        </>
      )}
      <Textarea autosize minRows={3} {...field("description")} />
      <Radio.Group
        label={t("consortium.fields.carrierModel")}
        value={values.carrierModel}
        onChange={(value) => onChange("carrierModel", value)}
        error={errors.carrierModel}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="member-lead" label={t("carrierModels.member-lead")} />
          <Radio value="external-carrier" label={t("carrierModels.external-carrier")} />
        </Stack>
      </Radio.Group>
    </>
  );
}
