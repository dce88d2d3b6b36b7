import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CreatePlaceInput, type PlaceDto, UpdatePlaceInput } from "../../../../shared/contracts/directory.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { useConfig } from "../../auth/api/session.ts";
import { type GeocodeResult, useGeocode } from "../api/places.ts";
import { AccessibilityCheckboxes } from "./AccessibilityCheckboxes.tsx";
import { LazyPlacesMap } from "./LazyPlacesMap.tsx";
import { OpeningHoursEditor, type Slot } from "./OpeningHoursEditor.tsx";

export interface PlaceFormValues extends Record<string, unknown> {
  organizationId: string;
  name: string;
  description: string;
  street: string;
  postalCode: string;
  city: string;
  latitude: number | string;
  longitude: number | string;
  activities: string[];
  accessibility: string[];
  openingHours: Slot[];
}

export function placeFormValues(place?: PlaceDto, organizationId = ""): PlaceFormValues {
  return {
    organizationId: place?.organizationId ?? organizationId,
    name: place?.name ?? "",
    description: place?.description ?? "",
    street: place?.street ?? "",
    postalCode: place?.postalCode ?? "",
    city: place?.city ?? "",
    latitude: place?.latitude ?? "",
    longitude: place?.longitude ?? "",
    activities: place?.activities ?? [],
    accessibility: place?.accessibility ?? [],
    openingHours: place?.openingHours.map((s) => ({ ...s })) ?? [],
  };
}

const toNumber = (v: number | string): number | null => {
  if (v === "" || v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(String(v).replace(",", "."));
  return Number.isFinite(n) ? n : Number.NaN;
};

interface Props {
  mode: "create" | "edit";
  initial: PlaceFormValues;
  organizations?: { value: string; label: string }[];
  submitLabel: string;
  pending: boolean;
  onSubmit: (payload: unknown, handleError: (e: unknown) => void) => void;
  onCancel?: () => void;
}

export function PlaceForm({ mode, initial, organizations, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const config = useConfig();
  const geocode = useGeocode();
  const [results, setResults] = useState<GeocodeResult[] | null>(null);
  const form = useFormState<PlaceFormValues>(initial);
  const v = form.values;
  const lat = toNumber(v.latitude);
  const lon = toNumber(v.longitude);
  const picked =
    lat != null && lon != null && Number.isFinite(lat) && Number.isFinite(lon) ? { latitude: lat, longitude: lon } : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { organizationId, ...rest } = v;
    const base = { ...rest, latitude: toNumber(v.latitude), longitude: toNumber(v.longitude) };
    const data =
      mode === "create" ? form.check(CreatePlaceInput, { ...base, organizationId }) : form.check(UpdatePlaceInput, base);
    if (!data) return;
    onSubmit(data, (e) => form.handleError(e));
  }

  function searchAddress() {
    const q = [v.street, v.postalCode, v.city].filter(Boolean).join(" ").trim();
    if (q.length < 3) {
      form.setErrors({ street: t("places.geocode.tooShort") });
      return;
    }
    geocode.mutate(q, { onSuccess: (r) => setResults(r) });
  }

  function applyResult(r: GeocodeResult) {
    form.setValues((values) => ({
      ...values,
      latitude: r.latitude,
      longitude: r.longitude,
      street: r.street ?? values.street,
      postalCode: r.postalCode ?? values.postalCode,
      city: r.city ?? values.city,
    }));
    setResults(null);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        {mode === "create" && organizations ? (
          <NativeSelect
            label={t("places.fields.organization")}
            required
            data={[{ value: "", label: t("places.fields.chooseOrganization") }, ...organizations]}
            value={v.organizationId}
            onChange={(e) => form.set("organizationId", e.currentTarget.value)}
            error={form.errors.organizationId}
          />
        ) : null}
        <TextInput
          label={t("places.fields.name")}
          required
          value={v.name}
          onChange={(e) => form.set("name", e.currentTarget.value)}
          error={form.errors.name}
        />
        <Textarea
          label={t("places.fields.description")}
          autosize
          minRows={2}
          value={v.description}
          onChange={(e) => form.set("description", e.currentTarget.value)}
          error={form.errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("places.fields.street")}
            value={v.street}
            onChange={(e) => form.set("street", e.currentTarget.value)}
            error={form.errors.street}
          />
          <TextInput
            label={t("places.fields.postalCode")}
            inputMode="numeric"
            value={v.postalCode}
            onChange={(e) => form.set("postalCode", e.currentTarget.value)}
            error={form.errors.postalCode}
          />
          <TextInput
            label={t("places.fields.city")}
            value={v.city}
            onChange={(e) => form.set("city", e.currentTarget.value)}
            error={form.errors.city}
          />
        </SimpleGrid>
        {config.data?.geocoder ? (
          <Stack gap="xs">
            <Group>
              <Button variant="default" onClick={searchAddress} loading={geocode.isPending}>
                {t("places.geocode.button")}
              </Button>
            </Group>
            <ErrorAlert error={geocode.error} />
            {results ? (
              results.length === 0 ? (
                <Alert variant="outline" color="gray.8">
                  {t("places.geocode.none")}
                </Alert>
              ) : (
                <Paper withBorder p="sm">
                  <Stack gap="xs">
                    <Text fw={600}>{t("places.geocode.results")}</Text>
                    {results.map((r) => (
                      <Group key={`${r.latitude},${r.longitude},${r.label}`} justify="space-between" wrap="nowrap">
                        <Text size="sm">{r.label}</Text>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => applyResult(r)}
                          aria-label={t("places.geocode.useLabel", { label: r.label })}
                        >
                          {t("places.geocode.use")}
                        </Button>
                      </Group>
                    ))}
                  </Stack>
                </Paper>
              )
            ) : null}
          </Stack>
        ) : null}
        <Stack gap="xs">
          <Text fw={600}>{t("places.fields.location")}</Text>
          <Text size="sm">{t("places.fields.locationHint")}</Text>
          {config.isPending ? null : (
            <LazyPlacesMap
              points={[]}
              tileUrl={config.data?.mapTileUrl ?? null}
              label={t("map.pickLabel")}
              height={300}
              picked={picked}
              onPick={(latitude, longitude) => form.setValues((values) => ({ ...values, latitude, longitude }))}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t("places.fields.latitude")}
              decimalScale={6}
              min={-90}
              max={90}
              value={v.latitude}
              onChange={(value) => form.set("latitude", value)}
              error={form.errors.latitude}
            />
            <NumberInput
              label={t("places.fields.longitude")}
              decimalScale={6}
              min={-180}
              max={180}
              value={v.longitude}
              onChange={(value) => form.set("longitude", value)}
              error={form.errors.longitude}
            />
            <Group align="flex-end">
              <Button
                variant="default"
                disabled={v.latitude === "" && v.longitude === ""}
                onClick={() => form.setValues((values) => ({ ...values, latitude: "", longitude: "" }))}
              >
                {t("places.fields.clearLocation")}
              </Button>
            </Group>
          </SimpleGrid>
        </Stack>
        <TagsInput
          label={t("places.fields.activities")}
          description={t("common.tagsHint")}
          value={v.activities}
          onChange={(value) => form.set("activities", value)}
          error={form.errors.activities}
          clearable
        />
        <AccessibilityCheckboxes
          label={t("places.fields.accessibility")}
          value={v.accessibility}
          onChange={(value) => form.set("accessibility", value)}
          error={form.errors.accessibility}
        />
        <OpeningHoursEditor value={v.openingHours} onChange={(slots) => form.set("openingHours", slots)} errors={form.errors} />
        <FormActions error={form.formError} pending={pending} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
