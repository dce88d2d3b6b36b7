import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";

/** A modal whose close button has a name (Mantine leaves it unnamed, which axe rightly refuses). */
export function ToolModal({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ "aria-label": t("common.close") }}>
      {children}
    </Modal>
  );
}

interface ConfirmProps {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
  /** Red for what cannot be undone. */
  danger?: boolean;
  children?: ReactNode;
}

/** Asks before an action, saying what will happen. */
export function ConfirmToolDialog({
  opened,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  loading,
  error,
  danger = true,
  children,
}: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <ToolModal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <Text>{message}</Text>
        {children}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color={danger ? "red" : undefined} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </ToolModal>
  );
}
