import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdviceEventInput, ProposalDto } from "../../../../shared/contracts/proposals.ts";
import { ADVICE_PHASE_LABELS } from "../../../../shared/governance/labels.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useProposalAction } from "../api/proposals.ts";

type Event = AdviceEventInput["event"];

/**
 * An advice process: the author asks people for advice, answers each piece, then decides alone. Anyone of the
 * body may give advice, asked or not; in session one account records it for them.
 */
export function AdvicePanel({ slug, p }: { slug: string; p: ProposalDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const action = useProposalAction(slug, p.id);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [kind, setKind] = useState<"affected" | "expert">("affected");
  const [due, setDue] = useState("");
  const [text, setText] = useState("");
  // The decision has its own draft: sharing the advice box's would copy one into the other.
  const [decision, setDecision] = useState("");
  const [responses, setResponses] = useState<Record<number, string>>({});
  const s = p.advice;
  if (!s) return null;
  const open = p.status === "open";
  const session = p.abilities.session === true;
  const mine = new Set(p.members.filter((m) => m.mine).map((m) => m.mandateId));
  const can = (who: string) => open && (session || mine.has(who));
  const nameOf = (id: string) => p.members.find((m) => m.mandateId === id)?.name ?? "—";
  const send = (by: string, event: Event, after?: () => void) =>
    action.mutate({ kind: "advice", input: { by, event } }, { onSuccess: () => after?.() });
  const others = p.members.filter((m) => m.mandateId !== s.author);
  const advisers = others.filter((m) => session || mine.has(m.mandateId));
  const adviser = speaker ?? advisers[0]?.mandateId ?? null;

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t("proposals.advice.title")}
          </Title>
          <Badge size="lg" variant="outline" color={s.phase === "decided" ? "teal.9" : "blue.9"}>
            {ADVICE_PHASE_LABELS[lang][s.phase]}
          </Badge>
        </Group>
        <Text size="sm">{t("proposals.advice.author", { name: nameOf(s.author) })}</Text>
        {s.decision ? (
          <Stack gap={4}>
            <Text fw={600}>{t("proposals.advice.decision")}</Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{s.decision.text}</Text>
          </Stack>
        ) : null}
        <ErrorAlert error={action.error} />

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("proposals.advice.requests")}
          </Title>
          {s.requests.length === 0 ? <Text size="sm">{t("proposals.advice.noRequest")}</Text> : null}
          {s.requests.map((r) => {
            const answered = r.declined || s.advice.some((a) => a.from === r.to);
            return (
              <Group key={r.to} gap="xs">
                <Text size="sm">
                  {nameOf(r.to)} · {t(`proposals.advice.kinds.${r.kind}`)}
                  {r.due ? ` · ${t("proposals.advice.due", { day: r.due })}` : ""}
                </Text>
                <Badge variant="outline" color={answered ? "teal.9" : "orange.9"}>
                  {r.declined
                    ? t("proposals.advice.declined")
                    : answered
                      ? t("proposals.advice.answered")
                      : t("proposals.advice.pending")}
                </Badge>
                {!answered && can(r.to) ? (
                  <Button size="compact-sm" variant="default" onClick={() => send(r.to, { type: "decline" })}>
                    {t("proposals.advice.decline", { name: nameOf(r.to) })}
                  </Button>
                ) : null}
              </Group>
            );
          })}
          {can(s.author) ? (
            <Group align="flex-end" wrap="wrap">
              <Select
                label={t("proposals.advice.to")}
                data={others.map((m) => ({ value: m.mandateId, label: m.name }))}
                value={to}
                onChange={setTo}
                searchable
                w={260}
              />
              <Select
                label={t("proposals.advice.kind")}
                data={(["affected", "expert"] as const).map((k) => ({ value: k, label: t(`proposals.advice.kinds.${k}`) }))}
                value={kind}
                onChange={(k) => setKind(k === "expert" ? "expert" : "affected")}
                allowDeselect={false}
                w={200}
              />
              <TextInput
                type="date"
                label={t("proposals.advice.dueLabel")}
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
              />
              <Button
                variant="default"
                disabled={!to}
                onClick={() =>
                  to ? send(s.author, { type: "request", to, kind, due: due || null }, () => setTo(null)) : undefined
                }
              >
                {t("proposals.advice.request")}
              </Button>
            </Group>
          ) : null}
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("proposals.advice.given")}
          </Title>
          {s.advice.map((a) => (
            <Stack key={a.id} gap={2}>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {nameOf(a.from)}
                </Text>{" "}
                : « {a.text} »
              </Text>
              {a.response ? (
                <Text size="sm" c="gray.8">
                  {t("proposals.advice.response", { name: nameOf(s.author) })} « {a.response} »
                </Text>
              ) : null}
              {can(s.author) && s.phase === "gathering" ? (
                <Group align="flex-end">
                  <TextInput
                    label={t("proposals.advice.respondLabel", { name: nameOf(a.from) })}
                    value={responses[a.id] ?? ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setResponses((r) => ({ ...r, [a.id]: value }));
                    }}
                    w={420}
                  />
                  <Button
                    variant="default"
                    onClick={() => send(s.author, { type: "respond", advice: a.id, text: responses[a.id] ?? "" })}
                  >
                    {t("proposals.advice.respond")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ))}
          {open && s.phase === "gathering" && advisers.length > 0 ? (
            <Group align="flex-end" wrap="wrap">
              <Select
                label={t("proposals.advice.from")}
                data={advisers.map((m) => ({ value: m.mandateId, label: m.name }))}
                value={adviser}
                onChange={setSpeaker}
                allowDeselect={false}
                w={260}
              />
              <Textarea
                label={t("proposals.advice.text")}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                w={420}
              />
              <Button
                disabled={!adviser}
                onClick={() => (adviser ? send(adviser, { type: "give", text }, () => setText("")) : undefined)}
              >
                {t("proposals.advice.give")}
              </Button>
            </Group>
          ) : null}
        </Stack>

        {can(s.author) && s.phase === "gathering" ? (
          <Stack gap="xs">
            <Textarea
              label={t("proposals.advice.decisionText")}
              description={t("proposals.advice.decideHelp")}
              value={decision}
              onChange={(e) => setDecision(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button onClick={() => send(s.author, { type: "decide", text: decision })}>{t("proposals.advice.decide")}</Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
