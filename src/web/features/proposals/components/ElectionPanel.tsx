import { Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ElectionEventInput, ProposalDto } from "../../../../shared/contracts/proposals.ts";
import { type ElectionState, nominationTally } from "../../../../shared/governance/election.ts";
import { ELECTION_PHASE_LABELS } from "../../../../shared/governance/labels.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { formatDay } from "../../../lib/format.ts";
import { useProposalAction } from "../api/proposals.ts";
import { ObjectionList, RoundRoster } from "./RoundParts.tsx";

type Event = ElectionEventInput["event"];

/** Who still has to act in this phase: a ballot, a change (optional), or a turn in the objection round. */
function waitingFor(s: ElectionState): string[] {
  if (s.phase === "nominations") return s.electors.filter((p) => !s.nominations.some((n) => n.by === p));
  if (s.phase === "changes") return s.nominations.filter((n) => !s.changes.some((c) => c.by === n.by)).map((n) => n.by);
  if (s.phase === "objections" && s.round) {
    const round = s.round;
    const missing = round.roster.filter((p) => !round.turns.some((t) => t.by === p));
    // The proposed person is heard last: offer them only once everyone else has spoken.
    return missing.some((p) => p !== s.proposed) ? missing.filter((p) => p !== s.proposed) : missing;
  }
  return [];
}

/** The role as tabled: its mission, the qualities looked for, what the person answers for, the mandate. */
function RoleSummary({ s, p, nameOf }: { s: ElectionState; p: ProposalDto; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  if (!s.role) return null;
  return (
    <Stack gap={6}>
      <Text size="sm">
        {t("proposals.election.roleLine", {
          name: s.role.name,
          start: formatDay(s.role.mandateStart),
          end: formatDay(s.role.mandateEnd),
        })}
      </Text>
      <Text style={{ whiteSpace: "pre-wrap" }}>{p.text}</Text>
      <Text fw={600} size="sm">
        {t("proposals.election.criteria")}
      </Text>
      <List size="sm" spacing={2}>
        {s.role.criteria.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      {s.role.accountabilities.length > 0 ? (
        <>
          <Text fw={600} size="sm">
            {t("proposals.election.accountabilities")}
          </Text>
          <List size="sm" spacing={2}>
            {s.role.accountabilities.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {s.facilitator ? <Text size="sm">{t("proposals.election.facilitator", { name: nameOf(s.facilitator) })}</Text> : null}
    </Stack>
  );
}

/**
 * An election without candidates, step by step (domain rules §5.2): argued ballots, changes of mind, the
 * facilitator's proposal, then objection rounds where the proposed person speaks last. Each member acts for their
 * own seat; in session one account records what each member says.
 */
export function ElectionPanel({ slug, p }: { slug: string; p: ProposalDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const action = useProposalAction(slug, p.id);
  const s = p.election;
  const session = p.abilities.session === true;
  const mine = new Set(p.members.filter((m) => m.mine).map((m) => m.mandateId));
  const waiting = s ? waitingFor(s) : [];
  const speakers = waiting.filter((who) => session || mine.has(who));
  const firstSpeaker = speakers[0] ?? null;
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [nominee, setNominee] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [confirmAbandon, setConfirmAbandon] = useState(false);
  // The next member to be heard is offered once the previous one has spoken.
  useEffect(() => {
    setSpeaker(firstSpeaker);
  }, [firstSpeaker]);
  if (!s) return null;
  const open = p.status === "open";
  const can = (who: string) => open && (session || mine.has(who));
  const nameOf = (id: string) => p.members.find((m) => m.mandateId === id)?.name ?? "—";
  const fieldErr: Record<string, string> = action.error instanceof ApiError ? action.error.fields : {};
  const send = (by: string, event: Event, after?: () => void) =>
    action.mutate(
      { kind: "election", input: { by, event } },
      {
        onSuccess: () => {
          setText("");
          setNominee(null);
          after?.();
        },
      },
    );
  const tally = nominationTally(s);
  const who = speaker && speakers.includes(speaker) ? speaker : null;
  const facilitates = can(s.facilitator);
  const speakerSelect =
    speakers.length > 0 ? (
      <Select
        label={t("proposals.election.speaker")}
        description={session ? t("proposals.election.speakerHelp") : undefined}
        data={speakers.map((id) => ({ value: id, label: nameOf(id) }))}
        value={who}
        onChange={setSpeaker}
        allowDeselect={false}
        w={320}
      />
    ) : null;
  const people = s.participants.map((id) => ({ value: id, label: nameOf(id) }));

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t("proposals.election.title")}
          </Title>
          <Badge size="lg" variant="outline" color={s.phase === "elected" ? "teal.9" : "blue.9"}>
            {ELECTION_PHASE_LABELS[lang][s.phase]}
          </Badge>
        </Group>
        <RoleSummary s={s} p={p} nameOf={nameOf} />

        {s.nominations.length > 0 || s.phase === "nominations" ? (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t("proposals.election.ballots", { count: s.nominations.length, total: s.electors.length })}
            </Title>
            <List size="sm" spacing={2}>
              {s.nominations.map((n) => (
                <List.Item key={n.by}>
                  {t("proposals.election.ballotLine", { by: nameOf(n.by), nominee: nameOf(n.nominee), reason: n.reason })}
                </List.Item>
              ))}
              {s.changes.map((c) => (
                <List.Item key={`change-${c.by}`}>
                  {t("proposals.election.changeLine", {
                    by: nameOf(c.by),
                    from: nameOf(c.from),
                    to: nameOf(c.to),
                    reason: c.reason,
                  })}
                </List.Item>
              ))}
            </List>
            {s.phase === "nominations" && waiting.length > 0 ? (
              <Text size="sm" c="gray.7">
                {t("proposals.election.missing", { names: waiting.map(nameOf).join(", ") })}
              </Text>
            ) : null}
          </Stack>
        ) : null}

        {tally.length > 0 && s.phase !== "nominations" ? (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t("proposals.election.tally")}
            </Text>
            <List size="sm" spacing={2}>
              {tally.map((x) => (
                <List.Item key={x.nominee}>
                  {t("proposals.election.tallyLine", { name: nameOf(x.nominee), count: x.votes })}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}

        {s.proposed && (s.phase === "objections" || s.phase === "resolution") ? (
          <Stack gap={4}>
            <Text fw={600}>{t("proposals.election.proposed", { name: nameOf(s.proposed) })}</Text>
            <Text size="sm" c="gray.7">
              {t("proposals.election.proposedLast", { name: nameOf(s.proposed) })}
            </Text>
          </Stack>
        ) : null}

        {s.round ? <RoundRoster roster={s.round.roster} turns={s.round.turns} nameOf={nameOf} /> : null}

        <ObjectionList
          objections={s.objections}
          nameOf={nameOf}
          canLift={(o) => s.phase === "resolution" && can(o.by)}
          onLift={(o) => send(o.by, { type: "lift", objection: o.id })}
        />

        {s.conditions.length > 0 ? (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t("proposals.election.conditions")}
            </Text>
            <List size="sm" spacing={2}>
              {s.conditions.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          </Stack>
        ) : null}

        {s.phase === "elected" && s.result ? (
          <Stack gap={4}>
            <Text fw={600}>{t("proposals.election.elected", { name: nameOf(s.result.person), role: s.result.role.name })}</Text>
            <Text size="sm" c="gray.7">
              {t("proposals.election.electedHelp")}
            </Text>
          </Stack>
        ) : null}

        <ErrorAlert error={action.error} />

        {open && s.phase === "nominations" && who ? (
          <Stack gap="xs">
            {speakerSelect}
            <Select
              label={t("proposals.election.nominee")}
              data={people}
              value={nominee}
              onChange={setNominee}
              error={fieldErr["event.nominee"]}
              allowDeselect={false}
              searchable
              w={320}
            />
            <Textarea
              label={t("proposals.election.reason")}
              description={t("proposals.election.reasonHelp")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={fieldErr["event.reason"]}
              autosize
              w={520}
            />
            <Group>
              <Button disabled={!nominee} onClick={() => nominee && send(who, { type: "nominate", nominee, reason: text })}>
                {t("proposals.election.nominate")}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {open && s.phase === "changes" && who ? (
          <Stack gap="xs">
            {speakerSelect}
            <Select
              label={t("proposals.election.changeTo")}
              data={tally
                .filter((x) => x.nominee !== s.nominations.find((n) => n.by === who)?.nominee)
                .map((x) => ({ value: x.nominee, label: nameOf(x.nominee) }))}
              value={nominee}
              onChange={setNominee}
              allowDeselect={false}
              w={320}
            />
            <Textarea
              label={t("proposals.election.changeReason")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={fieldErr["event.reason"]}
              autosize
              w={520}
            />
            <Group>
              <Button
                variant="default"
                disabled={!nominee}
                onClick={() => nominee && send(who, { type: "change", nominee, reason: text })}
              >
                {t("proposals.election.change")}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {open && s.phase === "objections" && who ? (
          <Stack gap="xs">
            {speakerSelect}
            <Textarea
              label={t("proposals.election.argument")}
              description={t("proposals.election.argumentHelp")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={fieldErr["event.argument"] ?? fieldErr.event}
              autosize
              w={520}
            />
            <Group>
              <Button onClick={() => send(who, { type: "consent" })}>{t("proposals.election.consent")}</Button>
              <Button color="red.8" onClick={() => send(who, { type: "object", argument: text })}>
                {t("proposals.election.object")}
              </Button>
              <Button variant="default" onClick={() => send(who, { type: "concern", text })}>
                {t("proposals.election.concern")}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {open && s.phase === "proposal" && facilitates ? (
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t("proposals.election.proposeLabel")}
              data={tally.map((x) => ({ value: x.nominee, label: nameOf(x.nominee) }))}
              value={nominee ?? tally[0]?.nominee ?? null}
              onChange={setNominee}
              allowDeselect={false}
              w={320}
            />
            <Button
              onClick={() => {
                const chosen = nominee ?? tally[0]?.nominee;
                if (chosen) send(s.facilitator, { type: "propose", nominee: chosen });
              }}
            >
              {t("proposals.election.propose")}
            </Button>
          </Group>
        ) : null}

        {open && s.phase === "resolution" && facilitates ? (
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <Textarea
                label={t("proposals.election.condition")}
                description={t("proposals.election.conditionHelp")}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={fieldErr.event}
                autosize
                w={520}
              />
              <Button
                variant="default"
                onClick={() =>
                  send(s.facilitator, {
                    type: "bonify",
                    condition: text,
                    objections: s.objections.filter((o) => o.status === "standing").map((o) => o.id),
                  })
                }
              >
                {t("proposals.election.bonify")}
              </Button>
            </Group>
            <Group>
              <Button onClick={() => send(s.facilitator, { type: "conclude" })}>{t("proposals.election.conclude")}</Button>
              <Button variant="default" onClick={() => send(s.facilitator, { type: "reopen_proposal" })}>
                {t("proposals.election.reopen")}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {open && facilitates ? (
          <Group justify="flex-end">
            {s.phase === "nominations" ? (
              <Button
                variant="outline"
                disabled={waiting.length > 0}
                onClick={() => send(s.facilitator, { type: "close_nominations" })}
              >
                {t("proposals.election.closeNominations")}
              </Button>
            ) : null}
            {s.phase === "changes" ? (
              <Button variant="outline" onClick={() => send(s.facilitator, { type: "close_changes" })}>
                {t("proposals.election.closeChanges")}
              </Button>
            ) : null}
            {s.phase === "objections" ? (
              <Button
                variant="outline"
                disabled={waiting.length > 0}
                onClick={() => send(s.facilitator, { type: "close_round" })}
              >
                {t("proposals.election.closeRound")}
              </Button>
            ) : null}
            <Button variant="default" c="red.9" onClick={() => setConfirmAbandon(true)}>
              {t("proposals.election.abandon")}
            </Button>
          </Group>
        ) : null}
        <ConfirmDialog
          opened={confirmAbandon}
          title={t("proposals.election.abandon")}
          message={t("proposals.election.abandonConfirm")}
          confirmLabel={t("proposals.election.abandon")}
          onConfirm={() => send(s.facilitator, { type: "abandon" }, () => setConfirmAbandon(false))}
          onClose={() => setConfirmAbandon(false)}
          loading={action.isPending}
        />
      </Stack>
    </Paper>
  );
}
