import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlaceDto } from "../../../../shared/contracts/directory.ts";
import { TourDayInput } from "../../../../shared/contracts/tours.ts";
import { LIMITS } from "../../../../shared/limits.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import {
  type DayValues,
  dayInput,
  emptyStop,
  emptyWindow,
  openingWindows,
  type PointValues,
  type StopValues,
} from "../lib/day-form.ts";

interface Props {
  initial: DayValues;
  places: PlaceDto[];
  pending: boolean;
  error: unknown;
  serverFields: FieldErrors;
  submitLabel: string;
  onSubmit: (input: TourDayInput) => void;
  onCancel: () => void;
}

/** A place of the network, or any named point given by its coordinates (a station, a town hall). */
function PointFields({
  legend,
  value,
  onChange,
  places,
  errors,
  prefix,
}: {
  legend: string;
  value: PointValues;
  onChange: (p: PointValues) => void;
  places: PlaceDto[];
  errors: FieldErrors;
  prefix: string;
}) {
  const { t } = useTranslation();
  const mapped = places.filter((p) => p.latitude !== null && p.longitude !== null);
  return (
    <Fieldset legend={legend} variant="filled" p="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("tours.day.pointKind")}
          value={value.mode}
          onChange={(e) => onChange({ ...value, mode: e.currentTarget.value as PointValues["mode"] })}
          data={[
            { value: "place", label: t("tours.day.pointPlace") },
            { value: "other", label: t("tours.day.pointOther") },
          ]}
        />
        {value.mode === "place" ? (
          <NativeSelect
            label={t("tours.day.place")}
            required
            value={value.placeId}
            onChange={(e) => onChange({ ...value, placeId: e.currentTarget.value })}
            data={[{ value: "", label: t("tours.day.choosePlace") }, ...mapped.map((p) => ({ value: p.id, label: p.name }))]}
            error={errors[`${prefix}.placeId`]}
          />
        ) : (
          <TextInput
            label={t("tours.day.pointLabel")}
            placeholder={t("tours.day.pointLabelExample")}
            required
            value={value.label}
            onChange={(e) => onChange({ ...value, label: e.currentTarget.value })}
            error={errors[`${prefix}.label`]}
          />
        )}
      </SimpleGrid>
      {value.mode === "other" ? (
        <SimpleGrid cols={2} spacing="sm" mt="sm">
          <TextInput
            label={t("tours.day.latitude")}
            inputMode="decimal"
            required
            value={value.latitude}
            onChange={(e) => onChange({ ...value, latitude: e.currentTarget.value })}
            error={errors[`${prefix}.latitude`]}
          />
          <TextInput
            label={t("tours.day.longitude")}
            inputMode="decimal"
            required
            value={value.longitude}
            onChange={(e) => onChange({ ...value, longitude: e.currentTarget.value })}
            error={errors[`${prefix}.longitude`]}
          />
        </SimpleGrid>
      ) : null}
    </Fieldset>
  );
}

function StopFields({
  index,
  stop,
  onChange,
  onRemove,
  places,
  date,
  errors,
}: {
  index: number;
  stop: StopValues;
  onChange: (s: StopValues) => void;
  onRemove: () => void;
  places: PlaceDto[];
  date: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const place = places.find((p) => p.id === stop.placeId);
  const opening = openingWindows(place, date);
  const prefix = `stops.${index}`;
  const setWindow = (i: number, patch: Partial<StopValues["windows"][number]>) =>
    onChange({ ...stop, windows: stop.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <Fieldset legend={t("tours.day.stopLegend", { n: index + 1 })} variant="filled" p="sm">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t("tours.day.stopPlace")}
            required
            value={stop.placeId}
            onChange={(e) => onChange({ ...stop, placeId: e.currentTarget.value })}
            data={[
              { value: "", label: t("tours.day.choosePlace") },
              ...places.map((p) => ({
                value: p.id,
                // The organisation only when its name says something the place's does not.
                label: `${p.name}${p.organizationName && !p.name.includes(p.organizationName) ? ` — ${p.organizationName}` : ""}${p.latitude === null ? ` (${t("tours.day.notOnMap")})` : ""}`,
              })),
            ]}
            error={errors[`${prefix}.placeId`]}
          />
          <NumberInput
            label={t("tours.day.visitMinutes")}
            required
            min={5}
            max={720}
            step={5}
            value={stop.visitMinutes}
            onChange={(v) => onChange({ ...stop, visitMinutes: v })}
            error={errors[`${prefix}.visitMinutes`]}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t("tours.day.windows")}
          </Text>
          {stop.windows.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t("tours.day.noWindow")}
            </Text>
          ) : null}
          {stop.windows.map((w, i) => (
            <Group key={w.key} gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                type="time"
                label={t("tours.day.windowFrom", { n: i + 1 })}
                value={w.from}
                onChange={(e) => setWindow(i, { from: e.currentTarget.value })}
                error={errors[`${prefix}.windows.${i}.from`]}
              />
              <TextInput
                type="time"
                label={t("tours.day.windowTo", { n: i + 1 })}
                value={w.to}
                onChange={(e) => setWindow(i, { to: e.currentTarget.value })}
                error={errors[`${prefix}.windows.${i}.to`]}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => onChange({ ...stop, windows: stop.windows.filter((_, j) => j !== i) })}
                aria-label={t("tours.day.removeWindow", { n: i + 1, place: place?.name ?? index + 1 })}
              >
                {t("tours.day.remove")}
              </Button>
            </Group>
          ))}
          <Group gap="sm">
            {stop.windows.length < 4 ? (
              <Button variant="light" size="xs" onClick={() => onChange({ ...stop, windows: [...stop.windows, emptyWindow()] })}>
                {t("tours.day.addWindow")}
              </Button>
            ) : null}
            {opening.length > 0 ? (
              <Button variant="subtle" size="xs" onClick={() => onChange({ ...stop, windows: opening.slice(0, 4) })}>
                {t("tours.day.useOpening")}
              </Button>
            ) : null}
          </Group>
        </Stack>
        <TextInput
          label={t("tours.day.note")}
          value={stop.note}
          onChange={(e) => onChange({ ...stop, note: e.currentTarget.value })}
          error={errors[`${prefix}.note`]}
        />
        <Group justify="flex-end">
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t("tours.day.removeStop", { n: index + 1 })}
            title={t("tours.day.removeStop", { n: index + 1 })}
          >
            ✕
          </ActionIcon>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The organiser composes a day: where and when it starts and ends, and the places to visit in any order. */
export function DayEditor({ initial, places, pending, error, serverFields, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState<DayValues>(initial);
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...serverFields, ...local };
  const set = <K extends keyof DayValues>(k: K, value: DayValues[K]) => setV((old) => ({ ...old, [k]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = dayInput(v);
    const result = validate(TourDayInput, input);
    if (!result.ok) {
      setLocal(result.fields);
      return;
    }
    setLocal({});
    onSubmit(input);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t("tours.day.date")}
            required
            value={v.date}
            onChange={(e) => set("date", e.currentTarget.value)}
            error={errors.date}
          />
          <TextInput
            type="time"
            label={t("tours.day.startTime")}
            required
            value={v.startTime}
            onChange={(e) => set("startTime", e.currentTarget.value)}
            error={errors.startTime}
          />
          <TextInput
            type="time"
            label={t("tours.day.endBy")}
            description={t("tours.day.endByHint")}
            value={v.endBy}
            onChange={(e) => set("endBy", e.currentTarget.value)}
            error={errors.endBy}
          />
        </SimpleGrid>
        <PointFields
          legend={t("tours.day.start")}
          value={v.start}
          onChange={(p) => set("start", p)}
          places={places}
          errors={errors}
          prefix="start"
        />
        <Fieldset legend={t("tours.day.end")} variant="filled" p="sm">
          <Stack gap="sm">
            <NativeSelect
              label={t("tours.day.endKind")}
              value={v.endMode}
              onChange={(e) => set("endMode", e.currentTarget.value as DayValues["endMode"])}
              data={[
                { value: "same", label: t("tours.day.endSame") },
                { value: "place", label: t("tours.day.pointPlace") },
                { value: "other", label: t("tours.day.pointOther") },
              ]}
            />
            {v.endMode === "same" ? null : (
              <PointFields
                legend={t("tours.day.endPoint")}
                value={{ ...v.end, mode: v.endMode }}
                onChange={(p) => set("end", p)}
                places={places}
                errors={errors}
                prefix="end"
              />
            )}
          </Stack>
        </Fieldset>
        <Title order={3} size="h5">
          {t("tours.day.stops")}
        </Title>
        <Text size="sm" c="gray.7">
          {t("tours.day.stopsHint")}
        </Text>
        {v.stops.map((s, i) => (
          <StopFields
            key={s.key}
            index={i}
            stop={s}
            places={places}
            date={v.date}
            errors={errors}
            onChange={(next) =>
              set(
                "stops",
                v.stops.map((x, j) => (j === i ? next : x)),
              )
            }
            onRemove={() =>
              set(
                "stops",
                v.stops.filter((_, j) => j !== i),
              )
            }
          />
        ))}
        {errors.stops ? (
          <Text c="red.8" size="sm" role="alert">
            {errors.stops}
          </Text>
        ) : null}
        {v.stops.length < LIMITS.tourStops ? (
          <Group>
            <Button variant="light" onClick={() => set("stops", [...v.stops, emptyStop()])}>
              {t("tours.day.addStop")}
            </Button>
          </Group>
        ) : null}
        <FormActions error={error} pending={pending} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
