import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProposalDto } from "../../../../shared/contracts/proposals.ts";
import { percent } from "../../../../shared/governance/labels.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useProposalAction } from "../api/proposals.ts";

type Member = ProposalDto["members"][number];
type Choice = "for" | "against" | "abstain";
const CHOICES: Array<{ choice: Choice; key: "choiceFor" | "choiceAgainst" | "choiceAbstain" }> = [
  { choice: "for", key: "choiceFor" },
  { choice: "against", key: "choiceAgainst" },
  { choice: "abstain", key: "choiceAbstain" },
];

/**
 * An open vote. In session the secretary records each member's show of hands, college by college; a member
 * votes with their own seat and for those whose proxy they hold. A secret ballot, once cast, is locked.
 */
export function VotePanel({ slug, p }: { slug: string; p: ProposalDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const action = useProposalAction(slug, p.id);
  const [confirming, setConfirming] = useState(false);
  const [proxy, setProxy] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const voter = new Map(p.voters.map((v) => [v.mandateId, v.castBy]));
  const ballot = new Map(p.ballots.map((b) => [b.mandateId, b.choice]));
  const nameOf = (id: string) => p.members.find((m) => m.mandateId === id)?.name ?? "—";
  const session = p.abilities.record === true;
  const secret = p.secrecy === "secret";
  const holders = new Map(p.proxies.map((x) => [x.from, x.to]));
  const mine = new Set(p.members.filter((m) => m.mine).map((m) => m.mandateId));
  // Without the session, a member sees their own seats and those they carry a proxy for.
  const visible = session
    ? p.members
    : p.members.filter((m) => mine.has(m.mandateId) || mine.has(holders.get(m.mandateId) ?? ""));
  const groups =
    p.method === "colleges"
      ? p.colleges.map((c) => ({
          id: c.id,
          title: t("proposals.vote.college", { name: c.name, weight: c.weight ? percent(c.weight, lang) : "—" }),
          members: visible.filter((m) => m.collegeId === c.id),
          all: p.members.filter((m) => m.collegeId === c.id),
        }))
      : [{ id: "all", title: t("proposals.vote.all"), members: visible, all: p.members }];

  const cast = (m: Member, choice: Choice) =>
    action.mutate({ kind: "ballot", input: { mandateId: m.mandateId, choice, inSession: session } });

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("proposals.vote.title")}
        </Title>
        <Text size="sm">{session ? t("proposals.vote.sessionHelp") : null}</Text>
        <Text size="sm" fw={500}>
          {secret ? t("proposals.vote.secretHelp") : t("proposals.vote.openHelp")}
        </Text>
        <ErrorAlert error={action.error} />
        {groups.map((g) => (
          <Table.ScrollContainer key={g.id} minWidth={560}>
            <Table verticalSpacing={4} captionSide="top" striped>
              <Table.Caption>
                {g.title} ·{" "}
                {t("proposals.vote.progress", {
                  voted: g.all.filter((m) => voter.has(m.mandateId)).length,
                  members: g.all.length,
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("proposals.vote.member")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.vote.state")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.vote.choose")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.members.map((m) => {
                  const locked = secret && voter.has(m.mandateId);
                  const current = ballot.get(m.mandateId);
                  return (
                    <Table.Tr key={m.mandateId}>
                      <Table.Th scope="row" fw={500}>
                        {m.name}
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm">
                          {voter.has(m.mandateId) ? voteWords(t, m, voter, current, nameOf) : t("proposals.vote.notVoted")}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {CHOICES.map((c) => (
                            <Button
                              key={c.choice}
                              size="compact-sm"
                              variant={current === c.choice ? "filled" : "default"}
                              aria-pressed={current === c.choice}
                              aria-label={t(`proposals.vote.${c.key}`, { name: m.name })}
                              disabled={locked || action.isPending}
                              onClick={() => cast(m, c.choice)}
                            >
                              {t(`proposals.choice.${c.choice}`)}
                            </Button>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("proposals.vote.proxies")}
          </Title>
          <Text size="sm" c="gray.7">
            {t("proposals.vote.proxyLimit", { count: p.body.proxyLimit })}
          </Text>
          {p.proxies.length === 0 ? (
            <Text size="sm">{t("proposals.vote.noProxy")}</Text>
          ) : (
            <Group gap="xs">
              {p.proxies.map((x) => (
                <Badge key={x.from} variant="outline" color="gray.9">
                  {t("proposals.vote.proxyLine", { from: nameOf(x.from), to: nameOf(x.to) })}
                </Badge>
              ))}
            </Group>
          )}
          {p.abilities.proxy ? (
            <Group align="flex-end" wrap="wrap">
              <Select
                label={t("proposals.vote.proxyFrom")}
                data={(session ? p.members : p.members.filter((m) => m.mine))
                  .filter((m) => !voter.has(m.mandateId))
                  .map((m) => ({ value: m.mandateId, label: m.name }))}
                value={proxy.from}
                onChange={(from) => setProxy((x) => ({ ...x, from }))}
                searchable
                w={280}
              />
              <Select
                label={t("proposals.vote.proxyTo")}
                data={p.members.filter((m) => m.mandateId !== proxy.from).map((m) => ({ value: m.mandateId, label: m.name }))}
                value={proxy.to}
                onChange={(to) => setProxy((x) => ({ ...x, to }))}
                searchable
                w={280}
              />
              <Button
                variant="default"
                disabled={!proxy.from || !proxy.to}
                loading={action.isPending}
                onClick={() =>
                  proxy.from && proxy.to
                    ? action.mutate(
                        { kind: "proxy", input: { fromMandateId: proxy.from, toMandateId: proxy.to } },
                        { onSuccess: () => setProxy({ from: null, to: null }) },
                      )
                    : undefined
                }
              >
                {t("proposals.vote.proxyGive")}
              </Button>
            </Group>
          ) : null}
        </Stack>

        {p.abilities.close ? (
          <Group justify="flex-end">
            <Button color="red.8" onClick={() => setConfirming(true)}>
              {t("proposals.vote.close")}
            </Button>
          </Group>
        ) : null}
        <ConfirmDialog
          opened={confirming}
          title={t("proposals.vote.close")}
          message={t("proposals.vote.closeConfirm")}
          confirmLabel={t("proposals.vote.close")}
          loading={action.isPending}
          error={action.error}
          onClose={() => setConfirming(false)}
          onConfirm={() => action.mutate({ kind: "close" }, { onSuccess: () => setConfirming(false) })}
        />
      </Stack>
    </Paper>
  );
}

/** « A voté : pour », « A voté (par Léa) » for a secret ballot: what is shown never says more than is stored. */
function voteWords(
  t: (k: string, o?: Record<string, unknown>) => string,
  m: Member,
  voter: Map<string, string>,
  choice: string | undefined,
  nameOf: (id: string) => string,
) {
  const by = voter.get(m.mandateId) ?? m.mandateId;
  const who = by !== m.mandateId ? t("proposals.vote.votedBy", { name: nameOf(by) }) : t("proposals.vote.voted");
  return choice ? `${who} : ${t(`proposals.choice.${choice}`)}` : who;
}
