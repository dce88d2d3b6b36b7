import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../lib/forms.ts";
import { emptyUnavailability, type UnavailabilityValues } from "../lib/form.ts";

interface Props {
  value: UnavailabilityValues[];
  onChange: (rows: UnavailabilityValues[]) => void;
  /** The hosts chosen above, by hostKey (a person's id, else the organisation's). */
  hosts: Array<{ key: string; organizationId: string; personId: string; name: string }>;
  errors: FieldErrors;
}

/** Periods when a host cannot take a turn (« fermeture estivale »), both days included. */
export function UnavailableEditor({ value, onChange, hosts, errors }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<UnavailabilityValues>) =>
    onChange(value.map((u, i) => (i === index ? { ...u, ...patch } : u)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));

  return (
    <Stack gap="sm">
      {value.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("rotations.form.noUnavailable")}
        </Text>
      ) : null}
      {value.map((row, index) => {
        const legend = t("rotations.form.unavailableLegend", { n: index + 1 });
        return (
          <Fieldset key={row.key} legend={legend} variant="filled" p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
              <NativeSelect
                label={t("rotations.form.unavailableHost")}
                required
                value={row.personId || row.organizationId}
                onChange={(e) => {
                  const host = hosts.find((h) => h.key === e.currentTarget.value);
                  update(index, { organizationId: host?.organizationId ?? "", personId: host?.personId ?? "" });
                }}
                data={[
                  { value: "", label: t("rotations.form.chooseHost") },
                  ...hosts.map((h) => ({ value: h.key, label: h.name })),
                ]}
                error={errors[`unavailable.${index}.organizationId`]}
              />
              <TextInput
                type="date"
                label={t("rotations.form.unavailableFrom")}
                required
                value={row.from}
                onChange={(e) => {
                  const from = e.currentTarget.value;
                  update(index, { from, to: row.to && row.to >= from ? row.to : from });
                }}
                error={errors[`unavailable.${index}.from`]}
              />
              <TextInput
                type="date"
                label={t("rotations.form.unavailableTo")}
                required
                min={row.from || undefined}
                value={row.to}
                onChange={(e) => update(index, { to: e.currentTarget.value })}
                error={errors[`unavailable.${index}.to`] ?? errors[`unavailable.${index}`]}
              />
              <TextInput
                label={t("rotations.form.unavailableLabel")}
                placeholder={t("rotations.form.unavailableLabelExample")}
                required
                value={row.label}
                onChange={(e) => update(index, { label: e.currentTarget.value })}
                error={errors[`unavailable.${index}.label`]}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button variant="default" size="xs" onClick={() => remove(index)}>
                {t("rotations.form.removeUnavailable")}
                <VisuallyHidden> {legend}</VisuallyHidden>
              </Button>
            </Group>
          </Fieldset>
        );
      })}
      {errors.unavailable ? (
        <Text size="sm" c="red.8" role="alert">
          {errors.unavailable}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            onChange([
              ...value,
              hosts.length === 1 ? emptyUnavailability(hosts[0].organizationId, hosts[0].personId) : emptyUnavailability(),
            ])
          }
        >
          {t("rotations.form.addUnavailable")}
        </Button>
      </Group>
    </Stack>
  );
}
