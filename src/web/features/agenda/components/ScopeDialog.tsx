import { Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import type { EditScope } from "../api/agenda.ts";

interface Props {
  opened: boolean;
  title: string;
  message?: string;
  /** The date of the occurrence the user opened, in words; without it only "the whole series" is possible. */
  occurrenceLabel: string | null;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  error?: unknown;
  onConfirm: (scope: EditScope) => void;
  onClose: () => void;
}

/** "This event / this and the following / the whole series": asked before editing or deleting a series. */
export function ScopeDialog({
  opened,
  title,
  message,
  occurrenceLabel,
  confirmLabel,
  danger,
  loading,
  error,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<EditScope>(occurrenceLabel ? "one" : "all");
  useEffect(() => {
    if (opened) setScope(occurrenceLabel ? "one" : "all");
  }, [opened, occurrenceLabel]);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {message ? <Text>{message}</Text> : null}
        <Radio.Group label={t("agenda.scope.label")} value={scope} onChange={(v) => setScope(v as EditScope)}>
          <Stack gap="xs" mt={6}>
            <Radio
              value="one"
              disabled={!occurrenceLabel}
              label={t("agenda.scope.one")}
              description={occurrenceLabel ? t("agenda.scope.oneHint", { date: occurrenceLabel }) : undefined}
            />
            <Radio
              value="following"
              disabled={!occurrenceLabel}
              label={t("agenda.scope.following")}
              description={occurrenceLabel ? t("agenda.scope.followingHint", { date: occurrenceLabel }) : undefined}
            />
            <Radio value="all" label={t("agenda.scope.all")} description={t("agenda.scope.allHint")} />
          </Stack>
        </Radio.Group>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color={danger ? "red" : undefined} onClick={() => onConfirm(scope)} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
