import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert.tsx";

interface FormActionsProps {
  /** The form-level error, shown above the buttons. */
  error: unknown;
  /** While the request runs, the submit button spins and cannot be pressed again. */
  pending: boolean;
  submitLabel: string;
  /** Shows a « Cancel » button before the submit one. */
  onCancel?: () => void;
}

/** The foot of a form: its error, then the cancel and submit buttons on the right. */
export function FormActions({ error, pending, submitLabel, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        {onCancel ? (
          <Button variant="default" onClick={() => onCancel()}>
            {t("common.cancel")}
          </Button>
        ) : null}
        <Button type="submit" loading={pending} disabled={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
