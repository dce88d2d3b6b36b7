import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrganizationDto, PlaceDto } from "../../../../shared/contracts/directory.ts";
import { LIMITS } from "../../../../shared/limits.ts";
import type { FieldErrors } from "../../../lib/forms.ts";
import { emptyHost, type HostValues, type Weighting } from "../lib/form.ts";

interface Props {
  value: HostValues[];
  onChange: (hosts: HostValues[]) => void;
  organizations: OrganizationDto[];
  places: PlaceDto[];
  weighting: Weighting;
  errors: FieldErrors;
}

/**
 * The places that take turns: one row per member organisation, with one of its places and, if it wants, the room.
 * Errors are keyed "hosts.<index>.<field>", as the contract names them.
 */
export function HostsEditor({ value, onChange, organizations, places, weighting, errors }: Props) {
  const { t, i18n } = useTranslation();
  const update = (index: number, patch: Partial<HostValues>) =>
    onChange(value.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));

  // Members that have a place can host; a saved host stays listed even if it left since.
  const hostable = organizations.filter(
    (o) => (o.kind === "member" && places.some((p) => p.organizationId === o.id)) || value.some((h) => h.organizationId === o.id),
  );
  const taken = new Set(value.map((h) => h.organizationId));

  function chooseOrganization(index: number, organizationId: string) {
    const own = places.filter((p) => p.organizationId === organizationId);
    // An organisation with a single place: that place, at once.
    update(index, { organizationId, placeId: own.length === 1 ? own[0].id : "", spaceId: "" });
  }

  return (
    <Stack gap="sm">
      {value.map((host, index) => {
        const own = places.filter((p) => p.organizationId === host.organizationId);
        const place = places.find((p) => p.id === host.placeId);
        const legend = t("rotations.form.hostLegend", { n: index + 1 });
        const rowError = errors[`hosts.${index}`];
        return (
          <Fieldset key={host.key} legend={legend} variant="filled" p="sm">
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NativeSelect
                  label={t("rotations.form.organization")}
                  required
                  value={host.organizationId}
                  onChange={(e) => chooseOrganization(index, e.currentTarget.value)}
                  data={[
                    { value: "", label: t("rotations.form.chooseOrganization") },
                    ...hostable.map((o) => ({
                      value: o.id,
                      label: o.name,
                      disabled: taken.has(o.id) && o.id !== host.organizationId,
                    })),
                  ]}
                  error={errors[`hosts.${index}.organizationId`]}
                />
                <NativeSelect
                  label={t("rotations.form.place")}
                  required
                  disabled={!host.organizationId || own.length === 0}
                  value={host.placeId}
                  onChange={(e) => update(index, { placeId: e.currentTarget.value, spaceId: "" })}
                  data={[
                    {
                      value: "",
                      label:
                        host.organizationId && own.length === 0 ? t("rotations.form.noPlace") : t("rotations.form.choosePlace"),
                    },
                    ...own.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  error={errors[`hosts.${index}.placeId`]}
                />
                <NativeSelect
                  label={t("rotations.form.space")}
                  disabled={!place || place.spaces.length === 0}
                  value={host.spaceId}
                  onChange={(e) => update(index, { spaceId: e.currentTarget.value })}
                  data={[
                    { value: "", label: t("rotations.form.anySpace") },
                    ...(place?.spaces ?? []).map((s) => ({
                      value: s.id,
                      label: s.capacity ? t("rotations.form.spaceWithCapacity", { name: s.name, capacity: s.capacity }) : s.name,
                    })),
                  ]}
                  error={errors[`hosts.${index}.spaceId`]}
                />
              </SimpleGrid>
              {/* Past turns count in the fairness whatever the weighting; the weight only when weighted. */}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {weighting === "weighted" ? (
                  <NumberInput
                    label={t("rotations.form.weight")}
                    description={t("rotations.form.weightHint")}
                    min={0}
                    max={1000}
                    decimalScale={2}
                    decimalSeparator={i18n.language === "en" ? "." : ","}
                    value={host.weight}
                    onChange={(v) => update(index, { weight: v })}
                    error={errors[`hosts.${index}.weight`]}
                  />
                ) : null}
                <NumberInput
                  label={t("rotations.form.pastTurns")}
                  description={t("rotations.form.pastTurnsHint")}
                  min={0}
                  max={1000}
                  allowDecimal={false}
                  value={host.pastTurns}
                  onChange={(v) => update(index, { pastTurns: v })}
                  error={errors[`hosts.${index}.pastTurns`]}
                />
              </SimpleGrid>
              {rowError ? (
                <Text size="sm" c="red.8">
                  {rowError}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" size="xs" onClick={() => remove(index)}>
                  {t("rotations.form.removeHost")}
                  <VisuallyHidden> {legend}</VisuallyHidden>
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {errors.hosts ? (
        <Text size="sm" c="red.8" role="alert">
          {errors.hosts}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          onClick={() => onChange([...value, emptyHost()])}
          disabled={value.length >= LIMITS.rotationHosts}
        >
          {t("rotations.form.addHost")}
        </Button>
      </Group>
    </Stack>
  );
}
