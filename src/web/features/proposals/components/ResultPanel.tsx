import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProposalDto } from "../../../../shared/contracts/proposals.ts";
import { describeTally, percent } from "../../../../shared/governance/labels.ts";
import type { TallyResult } from "../../../../shared/governance/tally.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useRecount } from "../api/proposals.ts";

const share = (text: string | null) => {
  if (!text) return 0;
  const [n, d = "1"] = text.split("/");
  return Number(n) / Number(d);
};

/** A small bar per college (and overall) with the threshold as a line: the table next to it has the exact figures. */
function ShareBars({ result, label }: { result: TallyResult; label: string }) {
  const { t } = useTranslation();
  const rows = [
    ...(result.rule.method === "colleges" ? result.groups : []).map((g) => ({
      id: g.id,
      name: g.name || t("proposals.result.overall"),
      value: share(g.forShare),
    })),
    { id: "__overall", name: t("proposals.result.overall"), value: share(result.forShare) },
  ];
  const width = 480;
  const left = 150;
  const bar = 18;
  const gap = 8;
  const height = rows.length * (bar + gap) + 20;
  const x = (v: number) => left + v * (width - left - 50);
  const threshold = share(result.threshold.value);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="img" aria-label={label}>
      {rows.map((r, i) => {
        const y = i * (bar + gap);
        const last = i === rows.length - 1;
        return (
          <g key={r.id}>
            <text x={left - 8} y={y + bar - 4} textAnchor="end" fontSize="12" fill="#212529" fontWeight={last ? 700 : 400}>
              {r.name.length > 22 ? `${r.name.slice(0, 21)}…` : r.name}
            </text>
            <rect x={left} y={y} width={x(1) - left} height={bar} fill="#e9ecef" />
            <rect x={left} y={y} width={x(r.value) - left} height={bar} fill={last ? "#1864ab" : "#4c6ef5"} />
            <text x={x(r.value) + 4} y={y + bar - 4} fontSize="12" fill="#212529">
              {percent(r.value, "fr")}
            </text>
          </g>
        );
      })}
      <line x1={x(threshold)} x2={x(threshold)} y1={0} y2={height - 16} stroke="#c92a2a" strokeWidth={2} strokeDasharray="4 3" />
      <text x={x(threshold)} y={height - 4} fontSize="11" textAnchor="middle" fill="#c92a2a">
        {t("proposals.result.thresholdLine")} {percent(result.threshold.value, "fr")}
      </text>
    </svg>
  );
}

/** The closed vote: its result in one sentence, the breakdown by college, and a recount from the stored record. */
export function ResultPanel({ slug, p }: { slug: string; p: ProposalDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const recount = useRecount(slug, p.id);
  const result = p.result;
  if (!result) return null;
  const colleges = result.rule.method === "colleges";
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("proposals.result.title")}
        </Title>
        <Alert color={result.outcome === "adopted" ? "green" : "red"} variant="outline">
          <Text fw={600}>{describeTally(result, lang)}</Text>
        </Alert>
        {p.decisionId ? <Text size="sm">{t("proposals.result.decision")}</Text> : null}
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" captionSide="top" striped>
            <Table.Caption>{colleges ? t("proposals.result.breakdown") : t("proposals.result.overall")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("proposals.result.group")}</Table.Th>
                {colleges ? <Table.Th scope="col">{t("proposals.result.weight")}</Table.Th> : null}
                <Table.Th scope="col">{t("proposals.result.counts")}</Table.Th>
                <Table.Th scope="col">{t("proposals.result.share")}</Table.Th>
                {colleges ? <Table.Th scope="col">{t("proposals.result.side")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.groups.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row">{g.name || t("proposals.result.overall")}</Table.Th>
                  {colleges ? <Table.Td>{g.weight ? percent(g.weight, lang, 2) : "—"}</Table.Td> : null}
                  <Table.Td>
                    {g.counts.for} / {g.counts.against} / {g.counts.abstain + g.counts.blank + g.counts.spoiled}
                    <Text span size="xs" c="gray.7">
                      {" "}
                      ({g.members})
                    </Text>
                  </Table.Td>
                  <Table.Td>{g.forShare ? percent(g.forShare, lang, 2) : "—"}</Table.Td>
                  {colleges ? (
                    <Table.Td>
                      {g.status !== "counted"
                        ? t(`proposals.result.status.${g.status}`)
                        : result.rule.method === "colleges" && result.rule.counting === "college_majority"
                          ? `${t(`proposals.result.sides.${g.side ?? "against"}`)} ${percent(g.weightedBase, lang, 2)}`
                          : `${percent(g.weightedFor, lang, 2)} / ${percent(g.weightedBase, lang, 2)}`}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ShareBars result={result} label={t("proposals.result.chart")} />
        {p.abilities.recount ? (
          <Group>
            <Button variant="default" onClick={() => recount.mutate()} loading={recount.isPending}>
              {t("proposals.result.recount")}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={recount.error} />
        {recount.data ? (
          <Alert color={recount.data.matches ? "green" : "red"} variant="outline" role="status">
            <Text fw={600}>{recount.data.matches ? t("proposals.result.recountOk") : t("proposals.result.recountKo")}</Text>
            {recount.data.result ? <Text size="sm">{describeTally(recount.data.result, lang)}</Text> : null}
            {recount.data.issues.map((i) => (
              <Text size="sm" key={i}>
                {i}
              </Text>
            ))}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
