import { Button, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useMergeDuplicate, useReview } from "../api/agenda-tools.ts";
import { formatInstantRange } from "../lib/dates.ts";
import type { HealthItem } from "./HealthItemCard.tsx";
import { ConfirmToolDialog, ToolModal } from "./ToolDialog.tsx";

/**
 * "Link as co-organised": one event is kept, the other's organisers join it and the other is deleted.
 * People choose which one stays, since the two may carry different descriptions.
 */
export function MergeDialog({
  slug,
  item,
  onClose,
  onDone,
}: {
  slug: string;
  item: HealthItem | null;
  onClose: () => void;
  onDone: (item: HealthItem) => void;
}) {
  const { t } = useTranslation();
  const merge = useMergeDuplicate(slug);
  const [keep, setKeep] = useState<"a" | "b">("a");
  useEffect(() => {
    if (item) setKeep("a");
  }, [item]);
  const kept = item ? item[keep] : null;
  const removed = item ? item[keep === "a" ? "b" : "a"] : null;
  const close = () => {
    merge.reset();
    onClose();
  };
  return (
    <ConfirmToolDialog
      opened={item !== null}
      title={t("agendaTools.health.mergeTitle")}
      message={
        kept && removed
          ? t("agendaTools.health.mergeConfirm", {
              kept: kept.title,
              removed: removed.title,
              organizers: removed.organizerNames.join(", ") || t("agendaTools.health.noOrganizer"),
            })
          : ""
      }
      confirmLabel={t("agendaTools.health.merge")}
      loading={merge.isPending}
      error={merge.error}
      onClose={close}
      onConfirm={() => {
        if (!item || !kept || !removed) return;
        merge.mutate(
          { keepId: kept.eventId, duplicateId: removed.eventId },
          {
            onSuccess: () => {
              merge.reset();
              onDone(item);
            },
          },
        );
      }}
    >
      {item ? (
        <Radio.Group label={t("agendaTools.health.keepLabel")} value={keep} onChange={(v) => setKeep(v === "b" ? "b" : "a")}>
          <Stack gap="xs" mt="xs">
            {(["a", "b"] as const).map((side) => (
              <Radio
                key={side}
                value={side}
                label={`${item[side].title} — ${formatInstantRange(item[side].startsAt, item[side].endsAt)}`}
                description={item[side].organizerNames.join(", ") || undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
    </ConfirmToolDialog>
  );
}

/** "Accept this overlap": the clash stays, and the reason is kept with the pair of events. */
export function AcceptClashDialog({
  slug,
  item,
  onClose,
  onDone,
}: {
  slug: string;
  item: HealthItem | null;
  onClose: () => void;
  onDone: (item: HealthItem) => void;
}) {
  const { t } = useTranslation();
  const review = useReview(slug);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (item) {
      setReason("");
      setError(undefined);
    }
  }, [item]);
  const close = () => {
    review.reset();
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!item) return;
    if (reason.trim() === "") {
      setError(t("agendaTools.health.reasonRequired"));
      return;
    }
    review.mutate(
      { kind: "audience", eventIds: [item.a.eventId, item.b.eventId], verdict: "accepted", reason: reason.trim() },
      {
        onSuccess: () => {
          review.reset();
          onDone(item);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.fields.reason) setError(e.fields.reason);
        },
      },
    );
  }
  const fieldError = error;
  return (
    <ToolModal opened={item !== null} onClose={close} title={t("agendaTools.health.acceptTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{item ? t("agendaTools.health.acceptText", { a: item.a.title, b: item.b.title }) : ""}</Text>
          <Textarea
            label={t("agendaTools.health.reason")}
            description={t("agendaTools.health.reasonHint")}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(undefined);
            }}
            error={fieldError}
          />
          {fieldError ? null : <ErrorAlert error={review.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={review.isPending}>
              {t("agendaTools.health.accept")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}
