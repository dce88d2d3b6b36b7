import { Button, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BODY_KINDS, type BodyDto, type BodyKind, UpdateBodyInput } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useUpdateBody } from "../api/bodies.ts";
import { useColleges } from "../api/colleges.ts";
import { QuorumFieldset, type QuorumValues, quorumInputOf, quorumValuesOf } from "./QuorumFieldset.tsx";

const SHOWN = ["name", "kind", "description", "collegeId", "proxyLimit", "quorum.firstCall", "quorum.secondCall", "quorum.basis"];

/**
 * Changes a body's name, kind, purpose, college, proxy limit and quorum, starting from what it has today. Mounted only
 * while open, so that each opening starts again from the body as the server last answered it.
 */
export function EditBodyDialog({
  slug,
  body,
  onClose,
  onDone,
}: {
  slug: string;
  body: BodyDto;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    name: body.name,
    kind: body.kind,
    description: body.description ?? "",
    collegeId: body.collegeId ?? "",
    proxyLimit: body.proxyLimit as number | string,
  });
  const [quorum, setQuorum] = useState<QuorumValues>(quorumValuesOf(body.quorum));
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useUpdateBody(slug, body.id);
  const colleges = useColleges(slug);
  const served = update.error instanceof ApiError ? update.error.fields : {};
  const fieldError = (key: string) => errors[key] || served[key] || undefined;
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  };
  const setQuorumField = (key: keyof QuorumValues, value: string) => {
    setQuorum((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [`quorum.${key}`]: "" }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      name: values.name,
      kind: values.kind,
      description: values.description,
      // Only a college body votes in a college: another kind leaves it.
      collegeId: values.kind === "college" ? values.collegeId || null : null,
      // An emptied number field is a mistake to point at, not a silent 0.
      proxyLimit: values.proxyLimit === "" ? undefined : Number(values.proxyLimit),
      // Sent only when changed: an untouched weighted quorum must not block a rename once the statute changed.
      quorum:
        JSON.stringify(quorumInputOf(quorum)) === JSON.stringify(quorumInputOf(quorumValuesOf(body.quorum)))
          ? undefined
          : quorumInputOf(quorum),
    };
    if (input.proxyLimit === undefined) return setErrors({ proxyLimit: t("governance.bodyForm.proxyLimitMissing") });
    const checked = validate(UpdateBodyInput, input);
    if (!checked.ok) return setErrors(checked.fields);
    update.mutate(input, {
      onSuccess: () => {
        onDone();
        onClose();
      },
    });
  }

  const unknownField = Object.keys(served).some((k) => !SHOWN.includes(k));
  const alert = update.error && (Object.keys(served).length === 0 || unknownField) ? update.error : null;
  return (
    <ToolModal opened onClose={onClose} title={t("governance.bodyForm.editTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("governance.bodyForm.name")}
            required
            data-autofocus
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={fieldError("name")}
          />
          <NativeSelect
            label={t("governance.bodyForm.kind")}
            value={values.kind}
            onChange={(e) => set("kind", e.currentTarget.value as BodyKind)}
            data={BODY_KINDS.map((k) => ({ value: k, label: t(`governance.kinds.${k}`) }))}
            error={fieldError("kind")}
          />
          {values.kind === "college" ? (
            <NativeSelect
              label={t("governance.bodyForm.college")}
              description={t("governance.bodyForm.collegeHint")}
              value={values.collegeId}
              onChange={(e) => set("collegeId", e.currentTarget.value)}
              data={[{ value: "", label: "—" }, ...(colleges.data?.colleges ?? []).map((c) => ({ value: c.id, label: c.name }))]}
              error={fieldError("collegeId")}
            />
          ) : null}
          <Textarea
            label={t("governance.bodyForm.description")}
            autosize
            minRows={2}
            maxRows={8}
            value={values.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={fieldError("description")}
          />
          <NumberInput
            label={t("governance.bodyForm.proxyLimit")}
            description={t("governance.bodyForm.proxyLimitHint")}
            min={0}
            max={10}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={values.proxyLimit}
            onChange={(v) => set("proxyLimit", v)}
            error={fieldError("proxyLimit")}
          />
          <QuorumFieldset
            values={quorum}
            onChange={setQuorumField}
            error={fieldError}
            weightedAvailable={(colleges.data?.weighting ?? "none") !== "none"}
          />
          <ErrorAlert error={alert} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}
