import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RotationDto, RotationTurnDto } from "../../../../shared/contracts/rotations.ts";
import { CancelTurnInput, hostKey, SwapRequestInput, WithdrawInput } from "../../../../shared/contracts/rotations.ts";
import { explainInfeasible, explainRoomTaken, type RoomTaken } from "../../../../shared/rotations/phrases.ts";
import type { InfeasibleReport } from "../../../../shared/rotations/solver.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import {
  RotationInfeasible,
  useAnswerSwap,
  useCancelTurn,
  usePinTurn,
  useRequestSwap,
  useRestoreTurn,
  useWithdrawTurn,
} from "../api/rotations.ts";
import { turnDay, turnDayInline } from "../lib/format.ts";

/** A refused request: its field messages on the inputs that show them, the rest (and 409s) in an alert. */
function useRequestErrors(shown: string[]) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [other, setOther] = useState<unknown>(null);
  return {
    fields,
    other,
    reset() {
      setFields({});
      setOther(null);
    },
    setFields,
    onError(error: unknown) {
      if (error instanceof ApiError && !(error instanceof RotationInfeasible) && Object.keys(error.fields).length > 0) {
        setFields(error.fields);
        // Fields the dialog has no input for (the turn itself, say): their messages together in the alert.
        const rest = Object.entries(error.fields)
          .filter(([k]) => !shown.includes(k))
          .map(([, m]) => m)
          .join(" ");
        setOther(rest ? new ApiError(422, "VALIDATION", rest, { _: rest }) : null);
        return;
      }
      setOther(error);
    },
  };
}

/**
 * The server words the blocking constraint in French; in English the solver's report is phrased again with the
 * same helper. A 409 without a report (another conflict) keeps the server's sentence.
 */
function infeasibleText(error: RotationInfeasible, lang: string): string {
  if (lang !== "en" || !error.report || typeof error.report.code !== "string") return error.message;
  try {
    if (error.report.code === "room-taken") return explainRoomTaken(error.report as unknown as RoomTaken, "en");
    return explainInfeasible(error.report as unknown as InfeasibleReport, "en") || error.message;
  } catch {
    return error.message;
  }
}

/** A 409 of the solver reads as a finding, not a crash: its sentence, prominent; anything else as an error. */
export function RequestError({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (error instanceof RotationInfeasible) {
    return (
      <Alert color="red.9" variant="outline" title={title ?? t("rotations.detail.blockedTitle")} role="alert">
        <Text fw={600}>{infeasibleText(error, i18n.language)}</Text>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** "Jeudi 9 octobre 2031 — La Halte (La Halte — gare de Sauviat)"; inside a sentence, the day in lower case. */
function hostLine(turn: RotationTurnDto, lang: string, inline = false) {
  const day = inline ? turnDayInline(turn.date, lang) : turnDay(turn.date, lang);
  const place = turn.placeName && turn.placeName !== turn.hostName ? ` (${turn.placeName})` : "";
  return `${day} — ${turn.hostName}${place}`;
}

interface TurnDialogProps {
  slug: string;
  rotation: RotationDto;
  /** The turn the dialog acts on; null closes it. */
  turn: RotationTurnDto | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** A host asks another host to exchange their turns; the other host (or the coordination) answers. */
export function SwapDialog({ slug, rotation, turn, onClose, onDone }: TurnDialogProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const request = useRequestSwap(slug, rotation.id);
  const errors = useRequestErrors(["withTurnId", "message"]);
  const [withTurnId, setWithTurnId] = useState("");
  const [message, setMessage] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens on a turn
  useEffect(() => {
    if (turn) {
      setWithTurnId("");
      setMessage("");
      errors.reset();
      request.reset();
    }
  }, [turn]);

  const candidates = turn ? rotation.turns.filter((o) => !o.past && o.status === "planned" && hostKey(o) !== hostKey(turn)) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!turn) return;
    const body = { turnId: turn.id, withTurnId, message };
    const checked = validate(SwapRequestInput, body);
    if (!checked.ok) {
      errors.setFields(withTurnId ? checked.fields : { ...checked.fields, withTurnId: t("rotations.swap.chooseRequired") });
      return;
    }
    request.mutate(body, {
      onSuccess: () => onDone(t("rotations.swap.sent")),
      onError: errors.onError,
    });
  }

  return (
    <ToolModal opened={turn !== null} onClose={onClose} title={t("rotations.swap.title")}>
      {turn ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t("rotations.swap.yourTurn", { turn: hostLine(turn, lang, true) })}</Text>
            {candidates.length === 0 ? (
              <Alert color="gray" variant="light">
                {t("rotations.swap.noCandidate")}
              </Alert>
            ) : (
              <NativeSelect
                label={t("rotations.swap.with")}
                description={t("rotations.swap.withHint")}
                required
                value={withTurnId}
                onChange={(e) => {
                  setWithTurnId(e.currentTarget.value);
                  errors.setFields((f) => ({ ...f, withTurnId: "" }));
                }}
                data={[
                  { value: "", label: t("rotations.swap.choose") },
                  ...candidates.map((o) => ({ value: o.id, label: hostLine(o, lang) })),
                ]}
                error={errors.fields.withTurnId || undefined}
              />
            )}
            <Textarea
              label={t("rotations.swap.message")}
              description={t("rotations.swap.messageHint")}
              autosize
              minRows={2}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              error={errors.fields.message || undefined}
            />
            <RequestError error={errors.other} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={request.isPending} disabled={candidates.length === 0}>
                {t("rotations.swap.send")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}

/** The host gives up its turn: the server looks for another host for that date only, or says why none can. */
export function WithdrawDialog({ slug, rotation, turn, onClose, onDone }: TurnDialogProps) {
  const { t, i18n } = useTranslation();
  const withdraw = useWithdrawTurn(slug, rotation.id);
  const errors = useRequestErrors(["reason"]);
  const [reason, setReason] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens on a turn
  useEffect(() => {
    if (turn) {
      setReason("");
      errors.reset();
      withdraw.reset();
    }
  }, [turn]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!turn) return;
    const checked = validate(WithdrawInput, { reason });
    if (!checked.ok) {
      errors.setFields(checked.fields);
      return;
    }
    withdraw.mutate(
      { turnId: turn.id, reason },
      {
        onSuccess: (saved) => {
          const next = saved.turns.find((o) => o.date === turn.date && o.status === "planned");
          onDone(
            next && hostKey(next) !== hostKey(turn)
              ? t("rotations.withdraw.doneWith", { date: turnDayInline(turn.date, i18n.language), host: next.hostName })
              : t("rotations.withdraw.done", { date: turnDayInline(turn.date, i18n.language) }),
          );
        },
        onError: errors.onError,
      },
    );
  }

  return (
    <ToolModal opened={turn !== null} onClose={onClose} title={t("rotations.withdraw.title")}>
      {turn ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t("rotations.withdraw.text", { turn: hostLine(turn, i18n.language, true) })}</Text>
            <Textarea
              label={t("rotations.withdraw.reason")}
              description={t("rotations.withdraw.reasonHint")}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                errors.setFields({});
              }}
              error={errors.fields.reason || undefined}
            />
            <RequestError error={errors.other} title={t("rotations.withdraw.blockedTitle")} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color="red.9" loading={withdraw.isPending}>
                {t("rotations.withdraw.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}

/** The coordination gives a turn to another host; the turn is then pinned: a new generation keeps it. */
export function PinDialog({ slug, rotation, turn, onClose, onDone }: TurnDialogProps) {
  const { t, i18n } = useTranslation();
  const pin = usePinTurn(slug, rotation.id);
  const errors = useRequestErrors(["organizationId", "personId"]);
  /** The chosen host's hostKey. */
  const [chosen, setChosen] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens on a turn
  useEffect(() => {
    if (turn) {
      setChosen("");
      errors.reset();
      pin.reset();
    }
  }, [turn]);

  const ineligible = new Map(rotation.ineligible.map((h) => [hostKey(h), h.reason]));
  const hosts = rotation.fairness.filter((h) => !turn || hostKey(h) !== hostKey(turn));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!turn) return;
    const host = hosts.find((h) => hostKey(h) === chosen);
    if (!host) {
      errors.setFields({ organizationId: t("rotations.pin.chooseRequired") });
      return;
    }
    pin.mutate(
      { turnId: turn.id, organizationId: host.organizationId, personId: host.personId },
      {
        onSuccess: (saved) => {
          const name = saved.fairness.find((h) => hostKey(h) === chosen)?.hostName ?? "";
          onDone(t("rotations.pin.done", { date: turnDayInline(turn.date, i18n.language), host: name }));
        },
        onError: errors.onError,
      },
    );
  }

  return (
    <ToolModal opened={turn !== null} onClose={onClose} title={t("rotations.pin.title")}>
      {turn ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t("rotations.pin.text", { turn: hostLine(turn, i18n.language, true) })}</Text>
            <NativeSelect
              label={t("rotations.pin.host")}
              description={t("rotations.pin.hostHint")}
              required
              value={chosen}
              onChange={(e) => {
                setChosen(e.currentTarget.value);
                errors.setFields({});
              }}
              data={[
                { value: "", label: t("rotations.pin.choose") },
                ...hosts.map((h) => ({
                  value: hostKey(h),
                  label: ineligible.has(hostKey(h))
                    ? t("rotations.pin.ineligibleOption", { host: h.hostName, reason: ineligible.get(hostKey(h)) })
                    : h.hostName,
                })),
              ]}
              error={errors.fields.organizationId || errors.fields.personId || undefined}
            />
            <RequestError error={errors.other} title={t("rotations.pin.blockedTitle")} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={pin.isPending}>
                {t("rotations.pin.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}

/**
 * The coordination cancels one date, with a reason the host reads: the meeting is cancelled in the agenda and the
 * date counts for nobody until it is restored.
 */
export function CancelTurnDialog({ slug, rotation, turn, onClose, onDone }: TurnDialogProps) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelTurn(slug, rotation.id);
  const errors = useRequestErrors(["reason"]);
  const [reason, setReason] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens on a turn
  useEffect(() => {
    if (turn) {
      setReason("");
      errors.reset();
      cancel.reset();
    }
  }, [turn]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!turn) return;
    const checked = validate(CancelTurnInput, { reason });
    if (!checked.ok) {
      errors.setFields(checked.fields);
      return;
    }
    cancel.mutate(
      { turnId: turn.id, reason },
      {
        onSuccess: () => onDone(t("rotations.cancel.done", { date: turnDayInline(turn.date, i18n.language) })),
        onError: errors.onError,
      },
    );
  }

  return (
    <ToolModal opened={turn !== null} onClose={onClose} title={t("rotations.cancel.title")}>
      {turn ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t("rotations.cancel.text", { turn: hostLine(turn, i18n.language, true) })}</Text>
            <Textarea
              label={t("rotations.cancel.reason")}
              description={t("rotations.cancel.reasonHint")}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                errors.setFields({});
              }}
              error={errors.fields.reason || undefined}
            />
            <RequestError error={errors.other} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("rotations.cancel.keep")}
              </Button>
              <Button type="submit" color="red.9" loading={cancel.isPending}>
                {t("rotations.cancel.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}

/** Undoes a cancellation, once asked: the date goes back to its host if closures, the gap and the room allow. */
export function RestoreTurnDialog({ slug, rotation, turn, onClose, onDone }: TurnDialogProps) {
  const { t, i18n } = useTranslation();
  const restore = useRestoreTurn(slug, rotation.id);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh answer each time the dialog opens on a turn
  useEffect(() => {
    if (turn) restore.reset();
  }, [turn]);

  return (
    <ToolModal opened={turn !== null} onClose={onClose} title={t("rotations.restore.title")}>
      {turn ? (
        <Stack gap="md">
          <Text>{t("rotations.restore.text", { turn: hostLine(turn, i18n.language, true) })}</Text>
          <RequestError error={restore.error} title={t("rotations.restore.blockedTitle")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              loading={restore.isPending}
              onClick={() =>
                restore.mutate(
                  { turnId: turn.id },
                  { onSuccess: () => onDone(t("rotations.restore.done", { date: turnDayInline(turn.date, i18n.language) })) },
                )
              }
            >
              {t("rotations.restore.confirm")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </ToolModal>
  );
}

interface RefuseProps {
  slug: string;
  rotation: RotationDto;
  swap: RotationDto["swaps"][number] | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Refusing an exchange, with a word for the host who asked if one wants. */
export function RefuseSwapDialog({ slug, rotation, swap, onClose, onDone }: RefuseProps) {
  const { t } = useTranslation();
  const answer = useAnswerSwap(slug, rotation.id);
  const errors = useRequestErrors(["message"]);
  const [message, setMessage] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens on a swap
  useEffect(() => {
    if (swap) {
      setMessage("");
      errors.reset();
      answer.reset();
    }
  }, [swap]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!swap) return;
    answer.mutate(
      { swapId: swap.id, accept: false, message },
      { onSuccess: () => onDone(t("rotations.swaps.refused")), onError: errors.onError },
    );
  }

  return (
    <ToolModal opened={swap !== null} onClose={onClose} title={t("rotations.swaps.refuseTitle")}>
      {swap ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Textarea
              label={t("rotations.swaps.answerMessage")}
              description={t("rotations.swaps.answerMessageHint")}
              autosize
              minRows={2}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              error={errors.fields.message || undefined}
            />
            <RequestError error={errors.other} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color="red.9" loading={answer.isPending}>
                {t("rotations.swaps.refuse")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}
