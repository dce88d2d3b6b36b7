import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrganizationDto, PersonDto, PlaceDto } from "../../../../shared/contracts/directory.ts";
import { LIMITS } from "../../../../shared/limits.ts";
import type { FieldErrors } from "../../../lib/forms.ts";
import { todayInParis } from "../../agenda/lib/calendar.ts";
import { emptyHost, emptyWish, type HostValues, type Weighting, type WishKind, type WishValues } from "../lib/form.ts";
import { turnDay } from "../lib/format.ts";

interface Props {
  value: HostValues[];
  onChange: (hosts: HostValues[]) => void;
  organizations: OrganizationDto[];
  places: PlaceDto[];
  people: PersonDto[];
  /** The days the rotation meets, for the wishes. */
  days: string[];
  weighting: Weighting;
  errors: FieldErrors;
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The organisations a person works for today, as the directory lists their roles. */
function currentOrganizations(person: PersonDto, today: string) {
  return person.roles.filter((r) => r.since <= today && (r.until === null || r.until > today));
}

/** The dates a host asks for, or would rather avoid: kept as far as fairness allows. */
function WishesEditor({
  hostIndex,
  value,
  onChange,
  days,
  errors,
}: {
  hostIndex: number;
  value: WishValues[];
  onChange: (wishes: WishValues[]) => void;
  days: string[];
  errors: FieldErrors;
}) {
  const { t, i18n } = useTranslation();
  const update = (index: number, patch: Partial<WishValues>) =>
    onChange(value.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  const chosen = new Set(value.map((w) => w.date));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t("rotations.form.wishes")}
      </Text>
      <Text size="xs" c="gray.7" mt={-4}>
        {t("rotations.form.wishesHint")}
      </Text>
      {value.map((wish, index) => {
        const legend = t("rotations.form.wishLegend", { n: index + 1 });
        const prefix = `hosts.${hostIndex}.wishes.${index}`;
        // A saved wish for a day the pattern no longer gives stays visible, so that it can be changed.
        const options = wish.date && !days.includes(wish.date) ? [wish.date, ...days] : days;
        return (
          <Group key={wish.key} role="group" aria-label={legend} align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("rotations.form.wishDate")}
              required
              value={wish.date}
              onChange={(e) => update(index, { date: e.currentTarget.value })}
              data={[
                { value: "", label: days.length ? t("rotations.form.chooseWishDate") : t("rotations.form.noDays") },
                ...options.map((d) => ({
                  value: d,
                  label: turnDay(d, i18n.language),
                  disabled: chosen.has(d) && d !== wish.date,
                })),
              ]}
              error={errors[`${prefix}.date`] ?? errors[prefix]}
              miw={240}
            />
            <NativeSelect
              label={t("rotations.form.wishKind")}
              value={wish.kind}
              onChange={(e) => update(index, { kind: e.currentTarget.value as WishKind })}
              data={[
                { value: "prefers", label: t("rotations.form.prefers") },
                { value: "avoids", label: t("rotations.form.avoids") },
              ]}
              error={errors[`${prefix}.kind`]}
              miw={200}
            />
            <Button variant="default" size="xs" mb={4} onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t("rotations.form.removeWish")}
              <VisuallyHidden> {legend}</VisuallyHidden>
            </Button>
          </Group>
        );
      })}
      {errors[`hosts.${hostIndex}.wishes`] ? (
        <Text size="sm" c="red.8">
          {errors[`hosts.${hostIndex}.wishes`]}
        </Text>
      ) : null}
      <Group>
        <Button variant="subtle" size="xs" onClick={() => onChange([...value, emptyWish()])}>
          {t("rotations.form.addWish")}
          <VisuallyHidden> {t("rotations.form.hostLegend", { n: hostIndex + 1 })}</VisuallyHidden>
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The hosts that take turns: one row per host, a member organisation's place or a person hosting at a place for
 * an organisation, with the room if it wants, its weight, its past turns and its wishes. Errors are keyed
 * "hosts.<index>.<field>", as the contract names them.
 */
export function HostsEditor({ value, onChange, organizations, places, people, days, weighting, errors }: Props) {
  const { t, i18n } = useTranslation();
  const today = todayInParis();
  const update = (index: number, patch: Partial<HostValues>) =>
    onChange(value.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));

  // Members that have a place can host; a saved host stays listed even if it left since.
  const hostable = organizations.filter(
    (o) => (o.kind === "member" && places.some((p) => p.organizationId === o.id)) || value.some((h) => h.organizationId === o.id),
  );
  const hostableIds = new Set(hostable.map((o) => o.id));
  // An organisation hosts once as a place; a person once: each can still host beside the other.
  const takenPlaces = new Set(value.filter((h) => h.kind === "place").map((h) => h.organizationId));
  const takenPeople = new Set(value.filter((h) => h.kind === "person").map((h) => h.personId));
  const sortedPeople = [...people].sort(
    (a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"),
  );

  /** The organisation's place, at once when it has a single one. */
  const placeOf = (organizationId: string) => {
    const own = places.filter((p) => p.organizationId === organizationId);
    return own.length === 1 ? own[0].id : "";
  };

  function chooseOrganization(index: number, organizationId: string) {
    update(index, { organizationId, placeId: placeOf(organizationId), spaceId: "" });
  }

  /** A person hosts by default for the organisation they work for, at its place. */
  function choosePerson(index: number, personId: string) {
    const person = people.find((p) => p.id === personId);
    const organizationId =
      (person && currentOrganizations(person, today).find((r) => hostableIds.has(r.organizationId))?.organizationId) ??
      value[index].organizationId;
    update(index, { personId, organizationId, placeId: placeOf(organizationId), spaceId: "" });
  }

  function chooseKind(index: number, kind: HostValues["kind"]) {
    update(index, { kind, personId: "" });
  }

  return (
    <Stack gap="sm">
      {value.map((host, index) => {
        const own = places.filter((p) => p.organizationId === host.organizationId);
        const place = places.find((p) => p.id === host.placeId);
        const legend = t("rotations.form.hostLegend", { n: index + 1 });
        const rowError = errors[`hosts.${index}`];
        const isPerson = host.kind === "person";
        const personOptions = sortedPeople.map((p) => {
          const where = currentOrganizations(p, today)
            .map((r) => r.organizationName)
            .join(", ");
          return {
            value: p.id,
            label: where ? `${fullName(p)} — ${where}` : fullName(p),
            disabled: takenPeople.has(p.id) && p.id !== host.personId,
          };
        });
        if (host.personId && !people.some((p) => p.id === host.personId))
          personOptions.unshift({ value: host.personId, label: host.personName ?? host.personId, disabled: false });
        return (
          <Fieldset key={host.key} legend={legend} variant="filled" p="sm">
            <Stack gap="xs">
              <Radio.Group
                label={t("rotations.form.hostKind")}
                value={host.kind}
                onChange={(kind) => chooseKind(index, kind as HostValues["kind"])}
              >
                <Group gap="lg" mt={4}>
                  <Radio value="place" label={t("rotations.form.kindPlace")} />
                  <Radio value="person" label={t("rotations.form.kindPerson")} />
                </Group>
              </Radio.Group>
              {isPerson ? (
                <NativeSelect
                  label={t("rotations.form.person")}
                  description={t("rotations.form.personHint")}
                  required
                  value={host.personId}
                  onChange={(e) => choosePerson(index, e.currentTarget.value)}
                  data={[{ value: "", label: t("rotations.form.choosePerson") }, ...personOptions]}
                  error={errors[`hosts.${index}.personId`]}
                />
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NativeSelect
                  label={isPerson ? t("rotations.form.organizationForPerson") : t("rotations.form.organization")}
                  required
                  value={host.organizationId}
                  onChange={(e) => chooseOrganization(index, e.currentTarget.value)}
                  data={[
                    { value: "", label: t("rotations.form.chooseOrganization") },
                    ...hostable.map((o) => ({
                      value: o.id,
                      label: o.name,
                      disabled: !isPerson && takenPlaces.has(o.id) && o.id !== host.organizationId,
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
              <WishesEditor
                hostIndex={index}
                value={host.wishes}
                onChange={(wishes) => update(index, { wishes })}
                days={days}
                errors={errors}
              />
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
