import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentEventInput, ProposalDto } from "../../../../shared/contracts/proposals.ts";
import { currentText, currentVersion } from "../../../../shared/governance/consent.ts";
import { CONSENT_PHASE_LABELS } from "../../../../shared/governance/labels.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useProposalAction } from "../api/proposals.ts";
import { ObjectionList, RoundRoster } from "./RoundParts.tsx";

type Event = ConsentEventInput["event"];

/**
 * A decision by consent, round by round. The facilitator closes rounds, the carrier answers and amends, each
 * member of the circle speaks once per round; in session one account records what each member says.
 */
export function ConsentPanel({ slug, p }: { slug: string; p: ProposalDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const action = useProposalAction(slug, p.id);
  const s = p.consent;
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const missing = s?.round ? s.round.roster.filter((who) => !s.round?.turns.some((turn) => turn.by === who)) : [];
  const session = p.abilities.session === true;
  const mine = new Set(p.members.filter((m) => m.mine).map((m) => m.mandateId));
  // Without the session, a member speaks only for their own seats.
  const firstMissing = missing.find((who) => session || mine.has(who)) ?? null;
  // The next member to be heard is proposed as the speaker, once the previous one has spoken.
  useEffect(() => {
    setSpeaker(firstMissing);
  }, [firstMissing]);
  if (!s) return null;
  const open = p.status === "open";
  const can = (who: string) => open && (session || mine.has(who));
  const nameOf = (id: string) => p.members.find((m) => m.mandateId === id)?.name ?? "—";
  const fieldErr: Record<string, string> = action.error instanceof ApiError ? action.error.fields : {};

  const send = (by: string, event: Event, after?: () => void) =>
    action.mutate(
      { kind: "consent", input: { by, event } },
      {
        onSuccess: () => {
          setText("");
          after?.();
        },
      },
    );
  const speakers = (s.round?.roster ?? s.participants).filter((who) => session || mine.has(who));
  const speakerSelect =
    s.round && open && missing.length > 0 ? (
      <Select
        label={t("proposals.consent.speaker")}
        description={session ? t("proposals.consent.speakerHelp") : undefined}
        data={speakers.map((who) => ({ value: who, label: nameOf(who) }))}
        value={speaker}
        onChange={setSpeaker}
        allowDeselect={false}
        w={320}
      />
    ) : null;
  const who = speaker ?? "";

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t("proposals.consent.title")}
          </Title>
          <Badge size="lg" variant="outline" color={s.phase === "adopted" ? "teal.9" : "blue.9"}>
            {CONSENT_PHASE_LABELS[lang][s.phase]}
          </Badge>
        </Group>
        <Text size="sm">{t("proposals.consent.roles", { carrier: nameOf(s.carrier), facilitator: nameOf(s.facilitator) })}</Text>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t("proposals.consent.version", { version: currentVersion(s) })}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{currentText(s)}</Text>
        </Stack>
        {s.phase === "adopted" ? <Text fw={600}>{t("proposals.consent.adopted")}</Text> : null}

        {s.round ? (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t("proposals.consent.round", { kind: t(`proposals.consent.roundKinds.${s.round.kind}`), number: s.round.number })}
            </Title>
            <RoundRoster roster={s.round.roster} turns={s.round.turns} nameOf={nameOf} />
          </Stack>
        ) : null}

        <ObjectionList
          objections={s.objections}
          nameOf={nameOf}
          canLift={(o) => s.phase === "resolution" && can(o.by)}
          onLift={(o) => send(o.by, { type: "lift", objection: o.id })}
        />

        <ErrorAlert error={action.error} />

        {open && s.phase === "clarification" ? (
          <>
            {s.round?.turns.map((turn, i) =>
              turn.kind === "question" && !turn.answer && can(s.carrier) ? (
                <Group key={turn.by} align="flex-end" wrap="wrap">
                  <Textarea
                    label={`${t("proposals.consent.answer")} (${nameOf(turn.by)} : « ${turn.text} »)`}
                    value={answers[i] ?? ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setAnswers((a) => ({ ...a, [i]: value }));
                    }}
                    autosize
                    w={420}
                  />
                  <Button
                    variant="default"
                    onClick={() => send(s.carrier, { type: "answer", turn: i, answer: answers[i] ?? "" })}
                  >
                    {t("proposals.consent.answerButton")}
                  </Button>
                </Group>
              ) : null,
            )}
            {speakerSelect}
            {who ? (
              <Group align="flex-end" wrap="wrap">
                <Textarea
                  label={t("proposals.consent.question")}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  autosize
                  w={420}
                  error={fieldErr.event}
                />
                <Button onClick={() => send(who, { type: "ask", question: text })}>{t("proposals.consent.ask")}</Button>
                <Button variant="default" onClick={() => send(who, { type: "pass" })}>
                  {t("proposals.consent.pass")}
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}

        {open && s.phase === "reactions" ? (
          <>
            {speakerSelect}
            {who ? (
              <Group align="flex-end" wrap="wrap">
                <Textarea
                  label={t("proposals.consent.reaction")}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  autosize
                  w={420}
                  error={fieldErr.event}
                />
                <Button onClick={() => send(who, { type: "react", text })}>{t("proposals.consent.react")}</Button>
                <Button variant="default" onClick={() => send(who, { type: "pass" })}>
                  {t("proposals.consent.pass")}
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}

        {open && s.phase === "amendment" && can(s.carrier) ? (
          <Stack gap="xs">
            <Textarea
              label={t("proposals.consent.amendText")}
              value={text || currentText(s)}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              error={fieldErr.event}
            />
            <Group>
              <Button onClick={() => send(s.carrier, { type: "amend", text: text || currentText(s) })}>
                {t("proposals.consent.amend")}
              </Button>
              <Button variant="default" onClick={() => send(s.carrier, { type: "keep" })}>
                {t("proposals.consent.keep")}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {open && s.phase === "objections" ? (
          <>
            {speakerSelect}
            {who ? (
              <Stack gap="xs">
                <Textarea
                  label={t("proposals.consent.argument")}
                  description={t("proposals.consent.argumentHelp")}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  autosize
                  w={520}
                  error={fieldErr["event.argument"] ?? fieldErr.event}
                />
                <Group>
                  <Button onClick={() => send(who, { type: "consent" })}>{t("proposals.consent.consent")}</Button>
                  <Button color="red.8" onClick={() => send(who, { type: "object", argument: text })}>
                    {t("proposals.consent.object")}
                  </Button>
                  <Button variant="default" onClick={() => send(who, { type: "concern", text })}>
                    {t("proposals.consent.concern")}
                  </Button>
                </Group>
              </Stack>
            ) : null}
          </>
        ) : null}

        {open && s.phase === "resolution" ? (
          <Stack gap="xs">
            {can(s.carrier) ? (
              <Group align="flex-end" wrap="wrap">
                <Textarea
                  label={t("proposals.consent.amendText")}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  autosize
                  w={520}
                />
                <Button
                  variant="default"
                  onClick={() =>
                    send(s.carrier, {
                      type: "integrate",
                      text,
                      objections: s.objections.filter((o) => o.status === "standing").map((o) => o.id),
                    })
                  }
                >
                  {t("proposals.consent.integrate")}
                </Button>
              </Group>
            ) : null}
            {can(s.facilitator) ? (
              <Group>
                <Button onClick={() => send(s.facilitator, { type: "conclude" })}>{t("proposals.consent.conclude")}</Button>
                <Button variant="default" onClick={() => send(s.facilitator, { type: "back_to_amendment" })}>
                  {t("proposals.consent.backToAmendment")}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : null}

        {open && s.round && can(s.facilitator) ? (
          <Group justify="flex-end">
            <Button variant="outline" onClick={() => send(s.facilitator, { type: "close_round" })} disabled={missing.length > 0}>
              {t("proposals.consent.closeRound")}
            </Button>
          </Group>
        ) : null}
        {open && can(s.carrier) ? (
          <Group justify="flex-end">
            <Button variant="default" c="red.9" onClick={() => send(s.carrier, { type: "withdraw" })}>
              {t("proposals.consent.withdraw")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
