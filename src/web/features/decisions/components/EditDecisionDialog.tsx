import { Button, Group, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type DecisionDto, SETTABLE_DECISION_STATUSES, UpdateDecisionInput } from "../../../../shared/contracts/decisions.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { formatDay } from "../../../lib/format.ts";
import { fieldError, useFormState } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useDecisions, useUpdateDecision } from "../api/decisions.ts";

const STATES = [...SETTABLE_DECISION_STATUSES, "replaced"] as const;
type State = (typeof STATES)[number];
const FIELDS = ["reviewOn", "status", "replacedBy"];

/**
 * The coordination keeps a decision's review date and says whether it still applies: in force, to review,
 * repealed, or replaced by another decision of the register.
 */
export function EditDecisionDialog({
  slug,
  decision,
  opened,
  onClose,
}: {
  slug: string;
  decision: DecisionDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormState({
    reviewOn: decision.reviewOn ?? "",
    state: decision.status as State,
    replacedBy: decision.replacedBy?.id ?? "",
  });
  const update = useUpdateDecision(slug, decision.id);
  // The register is small: every other decision is a candidate to replace this one.
  const others = useDecisions(slug, { page: 1, pageSize: 100 }, opened && f.values.state === "replaced");
  const options = (others.data?.items ?? [])
    .filter((d) => d.id !== decision.id)
    .map((d) => ({ value: d.id, label: `${d.title} (${formatDay(d.decidedOn)})` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = f.values;
    const reviewOn = v.reviewOn || null;
    if (v.state === "replaced" && !v.replacedBy) {
      f.setErrors({ replacedBy: t("decisions.dialog.replacedByRequired") });
      return;
    }
    const input = v.state === "replaced" ? { reviewOn, replacedBy: v.replacedBy } : { reviewOn, status: v.state };
    const checked = f.check(UpdateDecisionInput, input);
    if (!checked) return;
    update.mutate(input, { onSuccess: onClose, onError: (error) => f.handleError(error, FIELDS) });
  }

  return (
    <ToolModal opened={opened} onClose={onClose} title={t("decisions.dialog.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={600}>{decision.title}</Text>
          <TextInput
            type="date"
            label={t("decisions.dialog.reviewOn")}
            description={t("decisions.dialog.reviewHelp")}
            value={f.values.reviewOn}
            onChange={(e) => f.set("reviewOn", e.currentTarget.value)}
            error={fieldError(f.errors, "reviewOn")}
            data-autofocus
          />
          <Radio.Group
            label={t("decisions.dialog.state")}
            value={f.values.state}
            onChange={(v) => f.set("state", v as State)}
            error={fieldError(f.errors, "status")}
          >
            <Stack gap={6} mt={6}>
              {STATES.map((s) => (
                <Radio key={s} value={s} label={t(`decisions.dialog.states.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {f.values.state === "replaced" ? (
            <Select
              label={t("decisions.dialog.replacedBy")}
              placeholder={t("decisions.dialog.replacedByPlaceholder")}
              nothingFoundMessage={t("decisions.dialog.noOther")}
              data={options}
              value={f.values.replacedBy || null}
              onChange={(id) => f.set("replacedBy", id ?? "")}
              error={fieldError(f.errors, "replacedBy")}
              searchable
              required
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          <ErrorAlert error={f.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("decisions.dialog.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}
