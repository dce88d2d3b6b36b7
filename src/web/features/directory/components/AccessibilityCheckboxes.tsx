import { Checkbox, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ACCESSIBILITY_VALUES, options } from "../../../lib/labels.ts";

/** The accessibility features, as a group of checkboxes: used for places and for their spaces. */
export function AccessibilityCheckboxes({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
        {options(t, "accessibility", ACCESSIBILITY_VALUES).map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
