import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useSendReviewReminders } from "../api/decisions.ts";

/** Says how many reviews are due; the coordination may mail itself the reminder now instead of waiting for the job. */
export function ReviewsDueAlert({ slug, count, canSend }: { slug: string; count: number; canSend: boolean }) {
  const { t } = useTranslation();
  const send = useSendReviewReminders(slug);
  const result = send.data;
  return (
    <Alert color="indigo.9" variant="outline" title={t("decisions.due.title", { count })} role="region">
      <Stack gap="sm">
        <Text size="sm">{t("decisions.due.text", { count })}</Text>
        {canSend ? (
          <Group>
            <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
              {t("decisions.due.send")}
            </Button>
          </Group>
        ) : null}
        <div role="status">
          {result ? (
            <Text size="sm" fw={600}>
              {result.reminded > 0
                ? t("decisions.due.sent", { count: result.reminded, people: result.recipients })
                : result.alreadyReminded > 0
                  ? t("decisions.due.already")
                  : t("decisions.due.nothing")}
            </Text>
          ) : null}
        </div>
        <ErrorAlert error={send.error} />
      </Stack>
    </Alert>
  );
}
