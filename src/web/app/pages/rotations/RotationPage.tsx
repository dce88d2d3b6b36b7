import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { describeRecurrence } from "../../../../shared/agenda/recurrence.ts";
import type { Recurrence } from "../../../../shared/contracts/agenda.ts";
import type { RotationDto, RotationTurnDto, SwapDto } from "../../../../shared/contracts/rotations.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { todayInParis } from "../../../features/agenda/lib/calendar.ts";
import { ToolModal } from "../../../features/agenda-tools/components/ToolDialog.tsx";
import {
  RotationInfeasible,
  useDeleteRotation,
  useGenerateRotation,
  useRotation,
} from "../../../features/rotations/api/rotations.ts";
import { FairnessSection } from "../../../features/rotations/components/FairnessSection.tsx";
import { ScheduleTable, type TurnAction } from "../../../features/rotations/components/ScheduleTable.tsx";
import { SwapsSection } from "../../../features/rotations/components/SwapsSection.tsx";
import {
  CancelTurnDialog,
  PinDialog,
  RefuseSwapDialog,
  RequestError,
  RestoreTurnDialog,
  SwapDialog,
  WithdrawDialog,
} from "../../../features/rotations/components/TurnDialogs.tsx";
import { ApiError } from "../../../lib/api-client.ts";

/** The rule in the interface's language; the server words it in French. */
function ruleText(r: RotationDto, lang: string): string {
  if (lang !== "en") return r.rule;
  try {
    const pattern = describeRecurrence(r.fields.recurrence as unknown as Recurrence, r.fields.start, "en");
    return `${pattern}, ${r.fields.start.slice(11)}–${r.fields.end.slice(11)}`;
  } catch {
    return r.rule;
  }
}

/** Gives the coming dates a host again, from a day the coordinator chooses (today by default). */
function RegenerateDialog({
  opened,
  onClose,
  onGenerate,
  pending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onGenerate: (from: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(todayInParis());
  const fieldError = error instanceof ApiError && !(error instanceof RotationInfeasible) ? error.fields.from : undefined;
  function submit(event: FormEvent) {
    event.preventDefault();
    onGenerate(from);
  }
  return (
    <ToolModal opened={opened} onClose={onClose} title={t("rotations.detail.regenerateTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t("rotations.detail.regenerateText")}</Text>
          <TextInput
            type="date"
            label={t("rotations.detail.regenerateFrom")}
            required
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={fieldError}
          />
          {fieldError ? null : <RequestError error={error} title={t("rotations.detail.infeasibleTitle")} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("rotations.detail.regenerate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}

export default function RotationPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const rotation = useRotation(slug, id);
  const generate = useGenerateRotation(slug, id);
  const remove = useDeleteRotation(slug, id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const [dialog, setDialog] = useState<{ action: TurnAction; turn: RotationTurnDto } | null>(null);
  const [refusing, setRefusing] = useState<SwapDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = `/c/${slug}/rotations`;
  if (rotation.isPending) return <Loading />;
  if (rotation.isError) {
    return (
      <PageLayout title={t("rotations.detail.notFound")}>
        <ErrorAlert error={rotation.error} />
        <Anchor component={Link} to={list}>
          {t("rotations.backToList")}
        </Anchor>
      </PageLayout>
    );
  }
  const r = rotation.data;
  const lang = i18n.language;
  const generated = r.turns.length > 0;

  function dropParam(name: string) {
    const next = new URLSearchParams(params);
    next.delete(name);
    setParams(next, { replace: true });
  }

  function done(message: string) {
    setDialog(null);
    setRefusing(null);
    setNotice(message);
  }

  function run(from?: string) {
    setNotice(null);
    generate.mutate(from ? { from } : {}, {
      onSuccess: (saved) => {
        setRegenerating(false);
        setNotice(t("rotations.detail.generated", { count: saved.turns.length }));
        if (params.get("cree") || params.get("enregistre")) {
          const next = new URLSearchParams(params);
          next.delete("cree");
          next.delete("enregistre");
          setParams(next, { replace: true });
        }
      },
    });
  }

  const turnDialog = (action: TurnAction) => (dialog?.action === action ? dialog.turn : null);
  // A 409 of the first generation is shown on the page; inside the dialog while regenerating.
  const pageError = regenerating ? null : generate.error;

  return (
    <PageLayout
      title={r.name}
      subtitle={
        <Stack gap={4}>
          <Text fw={600} c="indigo.9">
            {ruleText(r, lang)}
          </Text>
          {r.description ? <Text c="gray.8">{r.description}</Text> : null}
          <Text size="sm" c="gray.7">
            {t("rotations.detail.hostCount", { count: r.fields.hosts.length })}
            {r.fields.minGapDays > 0 ? ` · ${t("rotations.detail.minGap", { count: r.fields.minGapDays })}` : ""}
            {r.fields.minCapacity ? ` · ${t("rotations.detail.minCapacity", { count: r.fields.minCapacity })}` : ""}
            {r.fields.stepFree ? ` · ${t("rotations.detail.stepFree")}` : ""}
          </Text>
        </Stack>
      }
      before={
        <Anchor component={Link} to={list} size="sm">
          ← {t("rotations.backToList")}
        </Anchor>
      }
      actions={
        <>
          {r.abilities.generate ? (
            generated ? (
              <Button
                onClick={() => {
                  generate.reset();
                  setRegenerating(true);
                }}
              >
                {t("rotations.detail.regenerate")}
              </Button>
            ) : (
              <Button onClick={() => run()} loading={generate.isPending}>
                {t("rotations.detail.generate")}
              </Button>
            )
          ) : null}
          {r.abilities.update ? (
            <Button variant="default" component={Link} to={`${list}/${r.id}/modifier`}>
              {t("common.edit")}
            </Button>
          ) : null}
          {r.abilities.delete ? (
            <Button
              variant="default"
              color="red.9"
              onClick={() => {
                remove.reset();
                setConfirmingDelete(true);
              }}
            >
              {t("common.delete")}
            </Button>
          ) : null}
        </>
      }
    >
      {params.get("cree") ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => dropParam("cree")}
        >
          {generated || !r.abilities.generate ? t("rotations.detail.created") : t("rotations.detail.createdGenerate")}
        </Alert>
      ) : null}
      {params.get("enregistre") ? (
        <Alert
          color="indigo"
          variant="outline"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => dropParam("enregistre")}
        >
          {generated && r.abilities.generate ? t("rotations.detail.savedRegenerate") : t("common.saved")}
        </Alert>
      ) : null}
      {notice ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      ) : null}
      <RequestError error={pageError} title={t("rotations.detail.infeasibleTitle")} />

      {r.ineligible.length ? (
        <Alert
          color="yellow"
          variant="light"
          title={t("rotations.detail.ineligibleTitle")}
          // Yellow text on yellow would be unreadable: the title stays dark.
          styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
        >
          <Stack gap={4}>
            <Text size="sm">{t("rotations.detail.ineligibleText")}</Text>
            <List size="sm">
              {r.ineligible.map((h) => (
                <List.Item key={h.personId ?? h.organizationId}>
                  <strong>{h.hostName}</strong> : {h.reason}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      ) : null}

      <Stack gap="md" component="section" aria-labelledby="rotation-schedule">
        <Title order={2} size="h3" id="rotation-schedule">
          {t("rotations.schedule.title")}
        </Title>
        {generated ? (
          <ScheduleTable slug={slug} rotation={r} onAction={(action, turn) => setDialog({ action, turn })} />
        ) : (
          <Paper withBorder p="xl" radius="md">
            <Stack align="center" gap="md">
              <Text ta="center" c="gray.7" maw={560}>
                {r.abilities.generate ? t("rotations.schedule.emptyCanGenerate") : t("rotations.schedule.empty")}
              </Text>
            </Stack>
          </Paper>
        )}
      </Stack>

      {generated ? <SwapsSection slug={slug} rotation={r} onRefuse={setRefusing} onDone={done} /> : null}
      {generated ? <FairnessSection rotation={r} /> : null}

      <SwapDialog slug={slug} rotation={r} turn={turnDialog("swap")} onClose={() => setDialog(null)} onDone={done} />
      <WithdrawDialog slug={slug} rotation={r} turn={turnDialog("withdraw")} onClose={() => setDialog(null)} onDone={done} />
      <PinDialog slug={slug} rotation={r} turn={turnDialog("pin")} onClose={() => setDialog(null)} onDone={done} />
      <CancelTurnDialog slug={slug} rotation={r} turn={turnDialog("cancel")} onClose={() => setDialog(null)} onDone={done} />
      <RestoreTurnDialog slug={slug} rotation={r} turn={turnDialog("restore")} onClose={() => setDialog(null)} onDone={done} />
      <RefuseSwapDialog slug={slug} rotation={r} swap={refusing} onClose={() => setRefusing(null)} onDone={done} />
      <RegenerateDialog
        opened={regenerating}
        onClose={() => setRegenerating(false)}
        onGenerate={(from) => run(from)}
        pending={generate.isPending}
        error={generate.error}
      />
      <ConfirmDialog
        opened={confirmingDelete}
        title={t("rotations.detail.deleteTitle")}
        message={t("rotations.detail.deleteConfirm", { name: r.name })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setConfirmingDelete(false);
              navigate(list, { replace: true });
            },
          })
        }
      />
    </PageLayout>
  );
}
