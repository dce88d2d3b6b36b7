import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationDto, PersonDto, PlaceDto } from "../../../../shared/contracts/directory.ts";
import { CreateRotationInput, type RotationFields } from "../../../../shared/contracts/rotations.ts";
import { EVENT_AUDIENCES } from "../../../../shared/vocabulary.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useFormState } from "../../../lib/forms.ts";
import { RecurrenceEditor } from "../../agenda/components/RecurrenceEditor.tsx";
import { VisibilityChoice } from "../../agenda/components/VisibilityChoice.tsx";
import {
  type Audience,
  hostValuesKey,
  isShownField,
  type RotationFormValues,
  rotationDays,
  rotationPayload,
  startLocalOf,
  type Weighting,
} from "../lib/form.ts";
import { HostsEditor } from "./HostsEditor.tsx";
import { UnavailableEditor } from "./UnavailableEditor.tsx";

export interface RotationSubmit {
  payload: RotationFields;
  /** Shows the server's answer: 422 fields on the inputs, anything else above the buttons. */
  onError: (error: unknown) => void;
}

interface Props {
  initial: RotationFormValues;
  organizations: OrganizationDto[];
  places: PlaceDto[];
  /** Who may host as a person. */
  people: PersonDto[];
  submitLabel: string;
  pending: boolean;
  onSubmit: (submit: RotationSubmit) => void;
  onCancel: () => void;
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <div>
        <Title order={2} size="h4">
          {title}
        </Title>
        {hint ? (
          <Text size="sm" c="gray.7">
            {hint}
          </Text>
        ) : null}
      </div>
      {children}
    </Stack>
  );
}

/** The rotation form, new and edit: the meeting, its dates, the hosts and the rules the schedule follows. */
export function RotationForm({ initial, organizations, places, people, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useFormState<RotationFormValues>(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const v = form.values;

  // The hosts chosen so far, named as the schedule names them: « Camille Martin (La Filature) » for a person.
  const hostNames = useMemo(() => {
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    return v.hosts
      .filter((h) => h.organizationId && hostValuesKey(h))
      .map((h) => {
        const org = names.get(h.organizationId) ?? h.organizationId;
        const person = h.kind === "person" ? people.find((p) => p.id === h.personId) : undefined;
        const personName = person ? `${person.firstName} ${person.lastName}` : h.personName;
        return {
          key: hostValuesKey(h),
          organizationId: h.organizationId,
          personId: h.kind === "person" ? h.personId : "",
          name: h.kind === "person" ? `${personName ?? h.personId} (${org})` : org,
        };
      });
  }, [organizations, people, v.hosts]);
  const days = useMemo(() => rotationDays(v), [v]);

  const clearErrors = (prefix: string) =>
    form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== prefix && !k.startsWith(`${prefix}.`))));

  // Bumped with the errors: once they are on screen, the first invalid input takes the focus.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const focusFirstError = () => setFocusRequest((n) => n + 1);

  function showServerError(error: unknown) {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      form.setErrors(error.fields);
      form.setFormError(Object.keys(error.fields).some((k) => !isShownField(k)) ? error : null);
      focusFirstError();
      return;
    }
    form.setFormError(error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const payload = rotationPayload(v);
    const checked = form.check(CreateRotationInput, payload);
    // "Does not repeat" makes no rotation; the contract would only say "object expected".
    if (v.recurrence.kind === "none") {
      form.setErrors((e) => ({ ...e, recurrence: t("rotations.form.recurrenceRequired") }));
      focusFirstError();
      return;
    }
    if (!checked) {
      focusFirstError();
      return;
    }
    onSubmit({ payload, onError: showServerError });
  }

  const hasErrors = Object.values(form.errors).some(Boolean);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="xl">
        <Section title={t("rotations.form.meetingTitle")}>
          <TextInput
            label={t("rotations.form.name")}
            description={t("rotations.form.nameHint")}
            required
            value={v.name}
            onChange={(e) => form.set("name", e.currentTarget.value)}
            error={form.errors.name}
          />
          <Textarea
            label={t("rotations.form.description")}
            autosize
            minRows={2}
            value={v.description}
            onChange={(e) => form.set("description", e.currentTarget.value)}
            error={form.errors.description}
          />
        </Section>

        <Section title={t("rotations.form.whenTitle")} hint={t("rotations.form.whenHint")}>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput
              type="date"
              label={t("rotations.form.firstDate")}
              required
              value={v.date}
              onChange={(e) => {
                form.set("date", e.currentTarget.value);
                clearErrors("start");
                clearErrors("end");
              }}
              error={form.errors.start}
            />
            <TextInput
              type="time"
              label={t("rotations.form.startTime")}
              required
              value={v.startTime}
              onChange={(e) => {
                form.set("startTime", e.currentTarget.value);
                clearErrors("start");
              }}
            />
            <TextInput
              type="time"
              label={t("rotations.form.endTime")}
              required
              value={v.endTime}
              onChange={(e) => {
                form.set("endTime", e.currentTarget.value);
                clearErrors("end");
              }}
              error={form.errors.end}
            />
          </SimpleGrid>
          <RecurrenceEditor
            value={v.recurrence}
            onChange={(r) => {
              form.set("recurrence", r);
              clearErrors("recurrence");
            }}
            startLocal={startLocalOf(v)}
            errors={form.errors}
          />
        </Section>

        <Section title={t("rotations.form.hostsTitle")} hint={t("rotations.form.hostsHint")}>
          <Radio.Group
            label={t("rotations.form.weighting")}
            value={v.weighting}
            onChange={(value) => form.set("weighting", value as Weighting)}
            error={form.errors.weighting}
          >
            <Stack gap={6} mt={6}>
              <Radio value="equal" label={t("rotations.weighting.equal")} description={t("rotations.weighting.equalHint")} />
              <Radio
                value="weighted"
                label={t("rotations.weighting.weighted")}
                description={t("rotations.weighting.weightedHint")}
              />
            </Stack>
          </Radio.Group>
          <HostsEditor
            value={v.hosts}
            onChange={(hosts) => {
              form.set("hosts", hosts);
              clearErrors("hosts");
            }}
            organizations={organizations}
            places={places}
            people={people}
            days={days}
            weighting={v.weighting}
            errors={form.errors}
          />
        </Section>

        <Section title={t("rotations.form.rulesTitle")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("rotations.form.minGapDays")}
              description={t("rotations.form.minGapDaysHint")}
              min={0}
              max={365}
              allowDecimal={false}
              value={v.minGapDays}
              onChange={(value) => form.set("minGapDays", value)}
              error={form.errors.minGapDays}
            />
            <NumberInput
              label={t("rotations.form.minCapacity")}
              description={t("rotations.form.minCapacityHint")}
              min={1}
              allowDecimal={false}
              value={v.minCapacity}
              onChange={(value) => form.set("minCapacity", value)}
              error={form.errors.minCapacity}
            />
          </SimpleGrid>
          <Checkbox
            label={t("rotations.form.stepFree")}
            description={t("rotations.form.stepFreeHint")}
            checked={v.stepFree}
            onChange={(e) => form.set("stepFree", e.currentTarget.checked)}
            error={form.errors.stepFree}
          />
        </Section>

        <Section title={t("rotations.form.unavailableTitle")} hint={t("rotations.form.unavailableHint")}>
          <UnavailableEditor
            value={v.unavailable}
            onChange={(rows) => {
              form.set("unavailable", rows);
              clearErrors("unavailable");
            }}
            hosts={hostNames}
            errors={form.errors}
          />
        </Section>

        <Section title={t("rotations.form.agendaTitle")} hint={t("rotations.form.agendaHint")}>
          <Checkbox.Group
            label={t("rotations.form.audiences")}
            value={v.audiences}
            onChange={(value) => form.set("audiences", value as Audience[])}
            error={form.errors.audiences ?? Object.entries(form.errors).find(([k]) => k.startsWith("audiences."))?.[1]}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt={6} spacing="xs">
              {EVENT_AUDIENCES.map((a) => (
                <Checkbox key={a} value={a} label={t(`agenda.audiences.${a}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <VisibilityChoice
            label={t("rotations.form.visibility")}
            value={v.visibility}
            onChange={(value) => form.set("visibility", value)}
            error={form.errors.visibility}
          />
        </Section>

        {hasErrors && !form.formError ? (
          <Alert color="red" variant="outline" role="alert">
            {t("rotations.form.fixErrors")}
          </Alert>
        ) : null}
        <ErrorAlert error={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending} disabled={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
