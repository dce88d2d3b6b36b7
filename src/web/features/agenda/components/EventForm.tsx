import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  type AgendaWarnings,
  CheckEventInput,
  CreateEventInput,
  type EventDto,
  UpdateEventInput,
} from "../../../../shared/contracts/agenda.ts";
import type { OrganizationDto, PlaceDto } from "../../../../shared/contracts/directory.ts";
import {
  ACCESSIBILITY_FEATURES,
  EVENT_AUDIENCES,
  EVENT_STATUSES,
  type EVENT_VISIBILITIES,
} from "../../../../shared/vocabulary.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useFormState } from "../../../lib/forms.ts";
import { AccessibilityCheckboxes } from "../../directory/components/AccessibilityCheckboxes.tsx";
import { AgendaConflict, checkEvent, type EditScope, useCoOrganize } from "../api/agenda.ts";
import { addDays, addLocalMinutes, isDay, localMinutesBetween, splitLocal } from "../lib/calendar.ts";
import {
  NO_RECURRENCE,
  RecurrenceEditor,
  type RecurrenceValues,
  recurrencePayload,
  recurrenceValues,
} from "./RecurrenceEditor.tsx";
import { VisibilityChoice } from "./VisibilityChoice.tsx";
import { NO_WARNINGS, WarningsPanel } from "./WarningsPanel.tsx";

type Venue = "place" | "partner" | "online";
type Visibility = (typeof EVENT_VISIBILITIES)[number];
type Status = (typeof EVENT_STATUSES)[number];
type Audience = (typeof EVENT_AUDIENCES)[number];
type Accessibility = (typeof ACCESSIBILITY_FEATURES)[number];

export interface EventFormValues extends Record<string, unknown> {
  title: string;
  description: string;
  venue: Venue;
  placeId: string;
  spaceId: string;
  partnerId: string;
  venueName: string;
  onlineUrl: string;
  organizerIds: string[];
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  audiences: Audience[];
  themes: string[];
  price: string;
  accessibility: Accessibility[];
  capacity: number | string;
  visibility: Visibility;
  status: Status;
  recurrence: RecurrenceValues;
}

export interface EventPrefill {
  date?: string;
  start?: string;
  end?: string;
  placeId?: string;
  spaceId?: string;
  audience?: string;
  theme?: string;
  organizerId?: string;
}

/** A new event: the suggested date and place if any, 18:00–20:00, visible to the consortium, confirmed. */
export function newEventValues(prefill: EventPrefill, today: string): EventFormValues {
  const start = prefill.start && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(prefill.start) ? splitLocal(prefill.start) : null;
  const end = prefill.end && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(prefill.end) ? splitLocal(prefill.end) : null;
  const day = start?.date ?? (isDay(prefill.date) ? prefill.date : today);
  return {
    title: "",
    description: "",
    venue: "place",
    placeId: prefill.placeId ?? "",
    spaceId: prefill.spaceId ?? "",
    partnerId: "",
    venueName: "",
    onlineUrl: "",
    organizerIds: prefill.organizerId ? [prefill.organizerId] : [],
    allDay: false,
    startDate: day,
    startTime: start?.time ?? "18:00",
    endDate: end?.date ?? day,
    endTime: end?.time ?? "20:00",
    audiences:
      prefill.audience && (EVENT_AUDIENCES as readonly string[]).includes(prefill.audience) ? [prefill.audience as Audience] : [],
    themes: prefill.theme ? [prefill.theme] : [],
    price: "",
    accessibility: [],
    capacity: "",
    visibility: "consortium",
    status: "confirmed",
    recurrence: NO_RECURRENCE,
  };
}

/** An existing event in the form; for one date of a series, that date's times, title and status. */
export function eventFormValues(
  e: EventDto,
  occurrence?: { start: string; end: string; title: string; status: Status } | null,
): EventFormValues {
  const start = splitLocal(occurrence?.start ?? e.start);
  const end = splitLocal(occurrence?.end ?? e.end);
  return {
    title: occurrence?.title ?? e.title,
    description: e.description ?? "",
    venue: e.venue,
    placeId: e.placeId ?? "",
    spaceId: e.spaceId ?? "",
    partnerId: e.partnerId ?? "",
    venueName: e.venueName ?? "",
    onlineUrl: e.onlineUrl ?? "",
    organizerIds: e.organizers.map((o) => o.id),
    allDay: e.allDay,
    startDate: start.date,
    startTime: start.time || "18:00",
    endDate: end.date,
    endTime: end.time || "20:00",
    audiences: e.audiences,
    themes: e.themes,
    price: e.price ?? "",
    accessibility: e.accessibility.filter((a): a is Accessibility => (ACCESSIBILITY_FEATURES as readonly string[]).includes(a)),
    capacity: e.capacity ?? "",
    visibility: e.visibility,
    status: occurrence?.status ?? e.status,
    recurrence: recurrenceValues(e.recurrence, e.rrule),
  };
}

const toNumberOrNull = (v: number | string) => (v === "" || v === null || v === undefined ? null : Number(v));

function startLocalOf(v: EventFormValues) {
  return v.allDay ? v.startDate : `${v.startDate}T${v.startTime}`;
}

/** The form's values in the contract's shape (wall-clock times in Paris). */
export function eventPayload(v: EventFormValues) {
  return {
    title: v.title,
    description: v.description,
    venue: v.venue,
    placeId: v.venue === "place" ? v.placeId || null : null,
    spaceId: v.venue === "place" ? v.spaceId || null : null,
    partnerId: v.venue === "partner" ? v.partnerId || null : null,
    venueName: v.venue === "partner" ? v.venueName : "",
    onlineUrl: v.venue === "online" ? v.onlineUrl : "",
    organizerIds: v.organizerIds,
    allDay: v.allDay,
    start: startLocalOf(v),
    end: v.allDay ? v.endDate : `${v.endDate}T${v.endTime}`,
    audiences: v.audiences,
    themes: v.themes,
    price: v.price,
    accessibility: v.accessibility,
    capacity: toNumberOrNull(v.capacity),
    visibility: v.visibility,
    status: v.status,
    recurrence: recurrencePayload(v.recurrence, v.startDate),
  };
}

// Contract paths shown next to an input; anything else goes to the alert above the buttons.
const KNOWN_FIELDS = [
  "title",
  "description",
  "venue",
  "placeId",
  "spaceId",
  "partnerId",
  "venueName",
  "onlineUrl",
  "organizerIds",
  "start",
  "end",
  "audiences",
  "themes",
  "price",
  "accessibility",
  "capacity",
  "visibility",
  "status",
  "recurrence",
  "recurrence.frequency",
  "recurrence.interval",
  "recurrence.weekdays",
  "recurrence.until",
  "recurrence.count",
  "acknowledge.clashReason",
];

export interface EventSubmit {
  payload: ReturnType<typeof eventPayload> & { acknowledge: { clashReason: string | null; notDuplicateOf: string[] } };
  /** Shows the server's answer: 422 fields on the inputs, 409 warnings next to the button. */
  onError: (error: unknown) => void;
}

interface Props {
  slug: string;
  initial: EventFormValues;
  places: PlaceDto[];
  organizations: OrganizationDto[];
  submitLabel: string;
  pending: boolean;
  onSubmit: (submit: EventSubmit) => void;
  onCancel?: () => void;
  /** Editing: the event, and which dates the change applies to. */
  edit?: { eventId: string; scope: EditScope; occurrence?: string };
}

/** The event form, new and edit, with the save checks run while it is filled. */
export function EventForm({ slug, initial, places, organizations, submitLabel, pending, onSubmit, onCancel, edit }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormState<EventFormValues>(initial);
  const v = form.values;
  const oneDate = edit?.scope === "one";
  const warningsRef = useRef<HTMLDivElement>(null);

  const [warnings, setWarnings] = useState<AgendaWarnings>(NO_WARNINGS);
  const [checking, setChecking] = useState(false);
  const [checkedClean, setCheckedClean] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [reason, setReason] = useState("");
  const [notDuplicateOf, setNotDuplicateOf] = useState<string[]>([]);
  const [duplicatesError, setDuplicatesError] = useState<string | undefined>();
  const coOrganize = useCoOrganize(slug);
  const [linking, setLinking] = useState<string | null>(null);

  const place = places.find((p) => p.id === v.placeId);
  const partners = organizations.filter((o) => o.kind === "partner");
  const organizerData = useMemo(() => {
    const group = (kind: string, label: string) => ({
      group: label,
      items: organizations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name })),
    });
    return [
      group("member", t("agenda.form.organizerGroups.member")),
      group("carrier", t("agenda.form.organizerGroups.carrier")),
      group("partner", t("agenda.form.organizerGroups.partner")),
    ].filter((g) => g.items.length > 0);
  }, [organizations, t]);

  // ---- the save checks, while the form is filled (debounced, once dates and venue are set)
  const payload = useMemo(() => eventPayload(v), [v]);
  const checkKey = JSON.stringify(payload);
  const editKey = JSON.stringify(edit ?? {});
  useEffect(() => {
    // The serialised draft is the dependency: the check runs again only when what it would send changes.
    const draftPayload = JSON.parse(checkKey) as ReturnType<typeof eventPayload>;
    const target = JSON.parse(editKey) as Props["edit"];
    const draft = { ...draftPayload, title: draftPayload.title.trim() || "—", ...target };
    const venueSet = draftPayload.venue === "place" ? !!draftPayload.placeId : true;
    const cancelled = draftPayload.status === "cancelled";
    if (!venueSet || cancelled || !CheckEventInput.safeParse(draft).success) {
      setChecking(false);
      setCheckedClean(false);
      if (cancelled) setWarnings(NO_WARNINGS);
      return;
    }
    const controller = new AbortController();
    const untitled = !draftPayload.title.trim();
    const timer = setTimeout(() => {
      setChecking(true);
      checkEvent(slug, draft as CheckEventInput, controller.signal)
        .then((w) => {
          // Without a title, duplicate detection has nothing to compare.
          setWarnings(untitled ? { ...w, duplicates: [] } : w);
          setCheckedClean(true);
          setCheckError(null);
        })
        .catch((error) => {
          if ((error as Error).name === "AbortError") return;
          // A 422 here means a field is not ready yet; the save will say which.
          setCheckError(error instanceof ApiError && error.status === 422 ? null : error);
          setCheckedClean(false);
        })
        .finally(() => {
          if (!controller.signal.aborted) setChecking(false);
        });
    }, 600);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [checkKey, editKey, slug]);

  // Duplicates the user dealt with stay dealt with; those no longer found are forgotten.
  useEffect(() => {
    setNotDuplicateOf((ids) => ids.filter((id) => warnings.duplicates.some((w) => w.other.eventId === id)));
  }, [warnings]);

  // ---- field helpers that keep the end after the start
  function setStartDate(date: string) {
    form.setValues((values) => {
      let endDate = values.endDate;
      if (isDay(date) && isDay(values.startDate) && isDay(values.endDate)) {
        const shift = localMinutesBetween(`${values.startDate}T00:00`, `${date}T00:00`) / 1440;
        endDate = addDays(values.endDate, shift);
      }
      return { ...values, startDate: date, endDate };
    });
    form.setErrors((e) => ({ ...e, start: "", end: "" }));
  }

  function setStartTime(time: string) {
    form.setValues((values) => {
      const oldStart = `${values.startDate}T${values.startTime}`;
      const oldEnd = `${values.endDate}T${values.endTime}`;
      if (!/^\d{2}:\d{2}$/.test(time) || !/^\d{2}:\d{2}$/.test(values.startTime) || !/^\d{2}:\d{2}$/.test(values.endTime)) {
        return { ...values, startTime: time };
      }
      const duration = localMinutesBetween(oldStart, oldEnd);
      if (!Number.isFinite(duration) || duration <= 0) return { ...values, startTime: time };
      const end = splitLocal(addLocalMinutes(`${values.startDate}T${time}`, duration));
      return { ...values, startTime: time, endDate: end.date, endTime: end.time };
    });
    form.setErrors((e) => ({ ...e, start: "", end: "" }));
  }

  function toggleDistinct(id: string) {
    setDuplicatesError(undefined);
    setNotDuplicateOf((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  function link(otherId: string) {
    const organizationId = v.organizerIds[0];
    if (!organizationId) return;
    setLinking(otherId);
    coOrganize.mutate(
      { eventId: otherId, organizationId },
      {
        onSuccess: () => navigate(`/c/${slug}/agenda/evenements/${otherId}?lie=1`),
        onSettled: () => setLinking(null),
      },
    );
  }

  function showServerError(error: unknown) {
    if (error instanceof AgendaConflict) {
      setWarnings(error.warnings);
      setCheckedClean(true);
      form.setFormError(null);
      requestAnimationFrame(() => warningsRef.current?.focus());
      return;
    }
    form.handleError(error, KNOWN_FIELDS);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const schema = edit ? UpdateEventInput : CreateEventInput;
    const data = form.check(schema, payload);
    if (!data) return;
    let blocked = false;
    if (warnings.audience.length && !reason.trim()) {
      form.setErrors((e) => ({ ...e, "acknowledge.clashReason": t("agenda.warnings.reasonRequired") }));
      blocked = true;
    }
    const pendingDuplicates = warnings.duplicates.filter((w) => !notDuplicateOf.includes(w.other.eventId));
    if (pendingDuplicates.length) {
      setDuplicatesError(t("agenda.warnings.duplicatesPending"));
      blocked = true;
    }
    if (blocked) {
      warningsRef.current?.focus();
      return;
    }
    onSubmit({
      payload: { ...payload, acknowledge: { clashReason: reason.trim() || null, notDuplicateOf } },
      onError: showServerError,
    });
  }

  const spaceTaken = warnings.space.length > 0;
  const label = warnings.audience.length && !spaceTaken ? t("agenda.warnings.saveAnyway") : submitLabel;
  const fieldsDisabled = oneDate;

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        {oneDate ? (
          <Alert color="indigo" variant="light">
            {t("agenda.form.oneDateHint")}
          </Alert>
        ) : null}
        <Stack gap="md">
          <TextInput
            label={t("agenda.form.title")}
            required
            value={v.title}
            onChange={(e) => form.set("title", e.currentTarget.value)}
            error={form.errors.title}
          />
          <Textarea
            label={t("agenda.form.description")}
            autosize
            minRows={3}
            value={v.description}
            onChange={(e) => form.set("description", e.currentTarget.value)}
            error={form.errors.description}
          />
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("agenda.form.whenTitle")}
          </Title>
          <Checkbox
            label={t("agenda.form.allDay")}
            checked={v.allDay}
            disabled={fieldsDisabled}
            onChange={(e) => form.set("allDay", e.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <TextInput
              type="date"
              label={v.allDay ? t("agenda.form.firstDay") : t("agenda.form.startDate")}
              required
              value={v.startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              error={form.errors.start}
            />
            {!v.allDay ? (
              <TextInput
                type="time"
                label={t("agenda.form.startTime")}
                required
                value={v.startTime}
                onChange={(e) => setStartTime(e.currentTarget.value)}
              />
            ) : null}
            <TextInput
              type="date"
              label={v.allDay ? t("agenda.form.lastDay") : t("agenda.form.endDate")}
              required
              min={v.startDate || undefined}
              value={v.endDate}
              onChange={(e) => form.set("endDate", e.currentTarget.value)}
              error={form.errors.end}
            />
            {!v.allDay ? (
              <TextInput
                type="time"
                label={t("agenda.form.endTime")}
                required
                value={v.endTime}
                onChange={(e) => form.set("endTime", e.currentTarget.value)}
              />
            ) : null}
          </SimpleGrid>
          {!oneDate ? (
            <RecurrenceEditor
              value={v.recurrence}
              onChange={(r) => {
                form.set("recurrence", r);
                form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("recurrence"))));
              }}
              startLocal={startLocalOf(v)}
              errors={form.errors}
            />
          ) : null}
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("agenda.form.whereTitle")}
          </Title>
          <Radio.Group
            label={t("agenda.form.venue")}
            value={v.venue}
            onChange={(value) => form.set("venue", value as Venue)}
            error={form.errors.venue}
          >
            <Group gap="lg" mt={6}>
              {(["place", "partner", "online"] as const).map((venue) => (
                <Radio key={venue} value={venue} label={t(`agenda.venue.${venue}`)} disabled={fieldsDisabled} />
              ))}
            </Group>
          </Radio.Group>
          {v.venue === "place" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("agenda.form.place")}
                required
                disabled={fieldsDisabled}
                value={v.placeId}
                onChange={(e) => {
                  form.set("placeId", e.currentTarget.value);
                  form.set("spaceId", "");
                }}
                data={[
                  { value: "", label: t("agenda.form.choosePlace") },
                  ...places.map((p) => ({ value: p.id, label: p.name })),
                ]}
                error={form.errors.placeId}
              />
              <NativeSelect
                label={t("agenda.form.space")}
                description={t("agenda.form.spaceHint")}
                disabled={!place || place.spaces.length === 0}
                value={v.spaceId}
                onChange={(e) => form.set("spaceId", e.currentTarget.value)}
                data={[
                  { value: "", label: t("agenda.form.noSpace") },
                  ...(place?.spaces ?? []).map((s) => ({
                    value: s.id,
                    label: s.capacity ? t("agenda.form.spaceWithCapacity", { name: s.name, capacity: s.capacity }) : s.name,
                  })),
                ]}
                error={form.errors.spaceId}
              />
            </SimpleGrid>
          ) : null}
          {v.venue === "partner" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("agenda.form.partner")}
                disabled={fieldsDisabled}
                value={v.partnerId}
                onChange={(e) => form.set("partnerId", e.currentTarget.value)}
                data={[
                  { value: "", label: t("agenda.form.choosePartner") },
                  ...partners.map((p) => ({ value: p.id, label: p.name })),
                ]}
                error={form.errors.partnerId}
              />
              <TextInput
                label={t("agenda.form.venueName")}
                description={t("agenda.form.venueNameHint")}
                disabled={fieldsDisabled}
                value={v.venueName}
                onChange={(e) => form.set("venueName", e.currentTarget.value)}
                error={form.errors.venueName}
              />
            </SimpleGrid>
          ) : null}
          {v.venue === "online" ? (
            <TextInput
              type="url"
              label={t("agenda.form.onlineUrl")}
              placeholder="https://"
              disabled={fieldsDisabled}
              value={v.onlineUrl}
              onChange={(e) => form.set("onlineUrl", e.currentTarget.value)}
              error={form.errors.onlineUrl}
            />
          ) : null}
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("agenda.form.whoTitle")}
          </Title>
          <MultiSelect
            label={t("agenda.form.organizers")}
            description={t("agenda.form.organizersHint")}
            required
            withAsterisk={false}
            searchable
            disabled={fieldsDisabled}
            data={organizerData}
            value={v.organizerIds}
            onChange={(ids) => form.set("organizerIds", ids)}
            error={form.errors.organizerIds}
            nothingFoundMessage={t("agenda.form.noOrganization")}
          />
          <Checkbox.Group
            label={t("agenda.form.audiences")}
            value={v.audiences}
            onChange={(value) => form.set("audiences", value as Audience[])}
            error={form.errors.audiences}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt={6} spacing="xs">
              {EVENT_AUDIENCES.map((a) => (
                <Checkbox key={a} value={a} label={t(`agenda.audiences.${a}`)} disabled={fieldsDisabled} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TagsInput
            label={t("agenda.form.themes")}
            description={t("common.tagsHint")}
            disabled={fieldsDisabled}
            value={v.themes}
            onChange={(value) => form.set("themes", value)}
            error={form.errors.themes}
            clearable
          />
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("agenda.form.practicalTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("agenda.form.price")}
              description={t("agenda.form.priceHint")}
              disabled={fieldsDisabled}
              value={v.price}
              onChange={(e) => form.set("price", e.currentTarget.value)}
              error={form.errors.price}
            />
            <NumberInput
              label={t("agenda.form.capacity")}
              description={t("agenda.form.capacityHint")}
              min={1}
              allowDecimal={false}
              disabled={fieldsDisabled}
              value={v.capacity}
              onChange={(value) => form.set("capacity", value)}
              error={form.errors.capacity}
            />
          </SimpleGrid>
          {fieldsDisabled ? null : (
            <AccessibilityCheckboxes
              label={t("agenda.form.accessibility")}
              value={v.accessibility}
              onChange={(value) => form.set("accessibility", value as Accessibility[])}
              error={form.errors.accessibility}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <VisibilityChoice
              label={t("agenda.form.visibility")}
              value={v.visibility}
              onChange={(value) => form.set("visibility", value)}
              error={form.errors.visibility}
              disabled={fieldsDisabled}
            />
            <Radio.Group
              label={t("agenda.form.status")}
              value={v.status}
              onChange={(value) => form.set("status", value as Status)}
              error={form.errors.status}
            >
              <Stack gap={6} mt={6}>
                {EVENT_STATUSES.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`agenda.status.${value}`)}
                    description={t(`agenda.statusHint.${value}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </SimpleGrid>
        </Stack>

        <WarningsPanel
          ref={warningsRef}
          slug={slug}
          warnings={warnings}
          checking={checking}
          checkedClean={checkedClean}
          checkError={checkError}
          reason={reason}
          onReason={(r) => {
            setReason(r);
            form.setErrors((e) => ({ ...e, "acknowledge.clashReason": "" }));
          }}
          reasonError={form.errors["acknowledge.clashReason"] || undefined}
          notDuplicateOf={notDuplicateOf}
          onToggleDistinct={toggleDistinct}
          duplicatesError={duplicatesError}
          onLink={v.organizerIds.length && !edit ? link : undefined}
          linking={linking}
          linkError={coOrganize.error}
        />
        <ErrorAlert error={form.formError} />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          ) : null}
          <Button type="submit" loading={pending} disabled={pending || spaceTaken}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
