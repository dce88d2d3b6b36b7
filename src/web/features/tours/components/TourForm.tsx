import { Checkbox, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationDto } from "../../../../shared/contracts/directory.ts";
import { CreateTourInput, type TourListDto, UpdateTourInput } from "../../../../shared/contracts/tours.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { type Visibility, VisibilityChoice } from "../../agenda/components/VisibilityChoice.tsx";
import { dayTitle } from "../lib/route.ts";

export interface TourFormValues {
  name: string;
  description: string;
  capacity: number | string;
  signupOpen: boolean;
  visibility: Visibility;
  /** Creation only: who organises, and how it was chosen. */
  chosenBy: "rotation" | "coordination";
  rotationTurnId: string;
  organizerId: string;
  date: string;
}

interface Props {
  mode: "create" | "edit";
  initial: TourFormValues;
  candidates: TourListDto["candidates"];
  organizations: OrganizationDto[];
  pending: boolean;
  error: unknown;
  serverFields: FieldErrors;
  submitLabel: string;
  onSubmit: (input: CreateTourInput | UpdateTourInput) => void;
  onCancel: () => void;
}

/** The tour's identity: who organises (a rotation's turn, or the coordination's choice), seats and visibility. */
export function TourForm({
  mode,
  initial,
  candidates,
  organizations,
  pending,
  error,
  serverFields,
  submitLabel,
  onSubmit,
  onCancel,
}: Props) {
  const { t, i18n } = useTranslation();
  const [v, setV] = useState<TourFormValues>(initial);
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...serverFields, ...local };
  const set = <K extends keyof TourFormValues>(k: K, value: TourFormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const members = organizations.filter((o) => o.kind === "member");

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      name: v.name,
      description: v.description,
      capacity: typeof v.capacity === "number" ? v.capacity : Number.NaN,
      signupOpen: v.signupOpen,
      visibility: v.visibility,
    };
    const input =
      mode === "edit"
        ? common
        : v.chosenBy === "rotation"
          ? { ...common, rotationTurnId: v.rotationTurnId || null, organizerId: null, date: null }
          : { ...common, rotationTurnId: null, organizerId: v.organizerId || null, date: v.date || null };
    const result = validate(mode === "edit" ? UpdateTourInput : CreateTourInput, input);
    if (!result.ok) {
      // Without a turn chosen, the contract names the organiser: point at the list the user sees.
      const fields = { ...result.fields };
      if (mode === "create" && v.chosenBy === "rotation" && fields.organizerId) {
        fields.rotationTurnId = t("tours.form.chooseTurnError");
        delete fields.organizerId;
        delete fields.date;
      }
      setLocal(fields);
      return;
    }
    setLocal({});
    onSubmit(input as CreateTourInput);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t("tours.form.name")}
          placeholder={t("tours.form.namePlaceholder")}
          required
          value={v.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label={t("tours.form.description")}
          description={t("tours.form.descriptionHint")}
          autosize
          minRows={3}
          value={v.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
        />
        {mode === "create" ? (
          <Stack gap="sm">
            <Radio.Group
              label={t("tours.form.organizer")}
              value={v.chosenBy}
              onChange={(value) => set("chosenBy", value as TourFormValues["chosenBy"])}
            >
              <Stack gap={6} mt={6}>
                <Radio
                  value="rotation"
                  label={t("tours.form.byRotation")}
                  description={t("tours.form.byRotationHint")}
                  disabled={candidates.length === 0}
                />
                <Radio
                  value="coordination"
                  label={t("tours.form.byCoordination")}
                  description={t("tours.form.byCoordinationHint")}
                />
              </Stack>
            </Radio.Group>
            {v.chosenBy === "rotation" ? (
              <NativeSelect
                label={t("tours.form.turn")}
                required
                value={v.rotationTurnId}
                onChange={(e) => set("rotationTurnId", e.currentTarget.value)}
                data={[
                  { value: "", label: t("tours.form.chooseTurn") },
                  ...candidates.map((c) => ({
                    value: c.turnId,
                    label: `${dayTitle(c.date, i18n.language)} — ${c.organizerName} (${c.rotationName})`,
                  })),
                ]}
                error={errors.rotationTurnId}
              />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t("tours.form.organizerOrg")}
                  required
                  value={v.organizerId}
                  onChange={(e) => set("organizerId", e.currentTarget.value)}
                  data={[
                    { value: "", label: t("tours.form.chooseOrganizer") },
                    ...members.map((o) => ({ value: o.id, label: o.name })),
                  ]}
                  error={errors.organizerId}
                />
                <TextInput
                  type="date"
                  label={t("tours.form.date")}
                  required
                  value={v.date}
                  onChange={(e) => set("date", e.currentTarget.value)}
                  error={errors.date}
                />
              </SimpleGrid>
            )}
            {candidates.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t("tours.form.noCandidates")}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <NumberInput
          label={t("tours.form.capacity")}
          description={t("tours.form.capacityHint")}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          value={v.capacity}
          onChange={(value) => set("capacity", value)}
          error={errors.capacity}
          maw={260}
        />
        <Checkbox
          label={t("tours.form.signupOpen")}
          description={t("tours.form.signupOpenHint")}
          checked={v.signupOpen}
          onChange={(e) => set("signupOpen", e.currentTarget.checked)}
        />
        <VisibilityChoice
          label={t("tours.form.visibility")}
          value={v.visibility}
          onChange={(value) => set("visibility", value)}
          error={errors.visibility}
        />
        <FormActions error={error} pending={pending} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
