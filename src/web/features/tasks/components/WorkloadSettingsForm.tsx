import { Button, Group, NumberInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type WorkloadDto, WorkloadSettingsInput } from "../../../../shared/contracts/tasks.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { useUpdateWorkloadSettings } from "../api/tasks.ts";

/** The coordination's two settings: the share that makes an overload, the months that make a member idle. */
export function WorkloadSettingsForm({ slug, settings }: { slug: string; settings: WorkloadDto["settings"] }) {
  const { t } = useTranslation();
  const save = useUpdateWorkloadSettings(slug);
  const [percent, setPercent] = useState<number | string>(Math.round(settings.overloadShare * 100));
  const [months, setMonths] = useState<number | string>(settings.idleMonths);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setPercent(Math.round(settings.overloadShare * 100));
    setMonths(settings.idleMonths);
  }, [settings.overloadShare, settings.idleMonths]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { overloadShare: Number(percent) / 100, idleMonths: Number(months) };
    const checked = validate(WorkloadSettingsInput, body);
    if (!checked.ok) return setErrors(checked.fields);
    setErrors({});
    save.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (e) => {
        if (e instanceof ApiError) setErrors(e.fields);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={560}>
        <Group grow align="flex-start">
          <NumberInput
            label={t("tasks.workload.overloadShare")}
            description={t("tasks.workload.overloadShareHint")}
            min={10}
            max={90}
            value={percent}
            onChange={setPercent}
            error={errors.overloadShare || undefined}
          />
          <NumberInput
            label={t("tasks.workload.idleMonths")}
            description={t("tasks.workload.idleMonthsHint")}
            min={1}
            max={60}
            value={months}
            onChange={setMonths}
            error={errors.idleMonths || undefined}
          />
        </Group>
        <ErrorAlert
          error={save.error && !(save.error instanceof ApiError && Object.keys(save.error.fields).length) ? save.error : null}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <Text role="status" c="green.9" fw={600}>
            {saved ? t("tasks.workload.settingsSaved") : ""}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
