import { Radio, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EVENT_VISIBILITIES } from "../../../../shared/vocabulary.ts";

export type Visibility = (typeof EVENT_VISIBILITIES)[number];

/** Public, consortium or draft, each explained: the event form and the rotation form ask it the same way. */
export function VisibilityChoice(props: {
  label: string;
  value: Visibility;
  onChange: (value: Visibility) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={props.label}
      value={props.value}
      onChange={(value) => props.onChange(value as Visibility)}
      error={props.error}
    >
      <Stack gap={6} mt={6}>
        {EVENT_VISIBILITIES.map((value) => (
          <Radio
            key={value}
            value={value}
            label={t(`agenda.visibility.${value}`)}
            description={t(`agenda.visibilityHint.${value}`)}
            disabled={props.disabled}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
