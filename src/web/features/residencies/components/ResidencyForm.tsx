import { Alert, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CreateResidencyInput, type ResidencyDto, type ResidencyFields } from "../../../../shared/contracts/residencies.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useFormState } from "../../../lib/forms.ts";
import { type Visibility, VisibilityChoice } from "../../agenda/components/VisibilityChoice.tsx";

export interface ResidencyFormValues extends Record<string, unknown> {
  name: string;
  artist: string;
  discipline: string;
  description: string;
  visibility: Visibility;
}

export const newResidencyValues = (): ResidencyFormValues => ({
  name: "",
  artist: "",
  discipline: "",
  description: "",
  // Prepared in private first: the stays' events stay out of the agenda of members until it is shown.
  visibility: "draft",
});

export const residencyFormValues = (r: ResidencyDto): ResidencyFormValues => ({
  name: r.name,
  artist: r.artist,
  discipline: r.discipline ?? "",
  description: r.description ?? "",
  visibility: r.visibility,
});

const SHOWN = ["name", "artist", "discipline", "description", "visibility"];

interface Props {
  initial: ResidencyFormValues;
  submitLabel: string;
  pending: boolean;
  onSubmit: (payload: ResidencyFields, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}

/** The residency itself, new or edited: who travels, what they do, and who may see it. */
export function ResidencyForm({ initial, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useFormState<ResidencyFormValues>(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const v = form.values;

  // Bumped with the errors: once they are on screen, the first invalid input takes the focus.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  function showServerError(error: unknown) {
    form.handleError(error, SHOWN);
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) setFocusRequest((n) => n + 1);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const payload: ResidencyFields = { ...v };
    if (!form.check(CreateResidencyInput, payload)) {
      setFocusRequest((n) => n + 1);
      return;
    }
    onSubmit(payload, showServerError);
  }

  const hasErrors = Object.values(form.errors).some(Boolean);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("residencies.form.name")}
            description={t("residencies.form.nameHint")}
            required
            value={v.name}
            onChange={(e) => form.set("name", e.currentTarget.value)}
            error={form.errors.name}
          />
          <TextInput
            label={t("residencies.form.artist")}
            description={t("residencies.form.artistHint")}
            required
            value={v.artist}
            onChange={(e) => form.set("artist", e.currentTarget.value)}
            error={form.errors.artist}
          />
        </SimpleGrid>
        <TextInput
          label={t("residencies.form.discipline")}
          description={t("residencies.form.disciplineHint")}
          value={v.discipline}
          onChange={(e) => form.set("discipline", e.currentTarget.value)}
          error={form.errors.discipline}
        />
        <Textarea
          label={t("residencies.form.description")}
          description={t("residencies.form.descriptionHint")}
          autosize
          minRows={3}
          value={v.description}
          onChange={(e) => form.set("description", e.currentTarget.value)}
          error={form.errors.description}
        />
        <VisibilityChoice
          label={t("residencies.form.visibility")}
          value={v.visibility}
          onChange={(value) => form.set("visibility", value)}
          error={form.errors.visibility}
        />
        <Text size="sm" c="gray.7" mt={-8}>
          {t("residencies.form.visibilityHint")}
        </Text>
        {hasErrors && !form.formError ? (
          <Alert color="red" variant="outline" role="alert">
            {t("residencies.form.fixErrors")}
          </Alert>
        ) : null}
        <FormActions error={form.formError} pending={pending} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
