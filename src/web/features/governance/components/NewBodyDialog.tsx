import { Button, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BODY_KINDS, type BodyDto, BodyInput, type BodyKind } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useCreateBody } from "../api/bodies.ts";
import { useColleges } from "../api/colleges.ts";
import { QuorumFieldset, type QuorumValues, quorumInputOf, quorumValuesOf } from "./QuorumFieldset.tsx";

/** Creates a body: its name, kind, what it is for, how many proxies a present member may carry and its quorum. */
export function NewBodyDialog({
  slug,
  opened,
  onClose,
  onCreated,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (body: BodyDto) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ name: "", kind: "working_group" as BodyKind, description: "", proxyLimit: 1 });
  const [quorum, setQuorum] = useState<QuorumValues>(quorumValuesOf(null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateBody(slug);
  const colleges = useColleges(slug);
  const served = create.error instanceof ApiError ? create.error.fields : {};
  const setQuorumField = (key: keyof QuorumValues, value: string) => {
    setQuorum((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [`quorum.${key}`]: "" }));
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, quorum: quorumInputOf(quorum) };
    const checked = validate(BodyInput, input);
    if (!checked.ok) return setErrors(checked.fields);
    create.mutate(input, { onSuccess: onCreated });
  }
  const quorumError = (key: string) => errors[key] || served[key] || undefined;
  const shownError = ["name", "quorum.firstCall", "quorum.secondCall", "quorum.basis"].some((k) => served[k]);
  return (
    <ToolModal opened={opened} onClose={onClose} title={t("governance.bodyForm.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("governance.bodyForm.name")}
            required
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
            error={errors.name || served.name}
          />
          <NativeSelect
            label={t("governance.bodyForm.kind")}
            value={values.kind}
            onChange={(e) => setValues({ ...values, kind: e.currentTarget.value as BodyKind })}
            data={BODY_KINDS.map((k) => ({ value: k, label: t(`governance.kinds.${k}`) }))}
          />
          <Textarea
            label={t("governance.bodyForm.description")}
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
          />
          <NumberInput
            label={t("governance.bodyForm.proxyLimit")}
            description={t("governance.bodyForm.proxyLimitHint")}
            min={0}
            max={10}
            value={values.proxyLimit}
            onChange={(v) => setValues({ ...values, proxyLimit: typeof v === "number" ? v : 0 })}
            error={errors.proxyLimit || served.proxyLimit}
          />
          <QuorumFieldset
            values={quorum}
            onChange={setQuorumField}
            error={quorumError}
            weightedAvailable={(colleges.data?.weighting ?? "none") !== "none"}
          />
          <ErrorAlert error={create.error && !shownError ? create.error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("governance.bodyForm.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}
