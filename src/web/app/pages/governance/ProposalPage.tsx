import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { useProposal, useProposalAction } from "../../../features/proposals/api/proposals.ts";
import { AdvicePanel } from "../../../features/proposals/components/AdvicePanel.tsx";
import { ConsentPanel } from "../../../features/proposals/components/ConsentPanel.tsx";
import { ElectionPanel } from "../../../features/proposals/components/ElectionPanel.tsx";
import { MeetingsOfProposal } from "../../../features/proposals/components/MeetingsOfProposal.tsx";
import { ResultPanel } from "../../../features/proposals/components/ResultPanel.tsx";
import { StatusBadge } from "../../../features/proposals/components/StatusBadge.tsx";
import { VotePanel } from "../../../features/proposals/components/VotePanel.tsx";

/** One proposal: its text and rule, then what its method needs (ballots and result, or the consent rounds). */
export default function ProposalPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const query = useProposal(slug, id);
  const action = useProposalAction(slug, id);
  const p = query.data;
  const isVote = p?.method === "majority" || p?.method === "colleges";
  return (
    <PageLayout
      title={p?.title ?? t("proposals.title")}
      subtitle={
        p ? (
          <Group gap="xs">
            <StatusBadge p={p} />
            <Text c="gray.7">
              {p.body.name} · {t(`proposals.methods.${p.method}`)}
              {isVote ? ` · ${t(`proposals.secrecy.${p.secrecy}`)}` : ""}
            </Text>
          </Group>
        ) : undefined
      }
      before={
        <Stack gap="xs">
          <GovernanceTabs />
          <Anchor component={Link} to={`/c/${slug}/gouvernance/propositions`} size="sm">
            ← {t("proposals.page.back")}
          </Anchor>
        </Stack>
      }
      actions={
        p?.abilities.withdraw && p.status !== "decided" ? (
          <Button variant="default" c="red.9" onClick={() => action.mutate({ kind: "withdraw" })}>
            {t("proposals.page.withdraw")}
          </Button>
        ) : undefined
      }
    >
      {query.isPending ? (
        <Loading />
      ) : query.isError || !p ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Stack gap="lg">
          <MeetingsOfProposal slug={slug} p={p} />
          {p.method === "election" ? <ElectionPanel slug={slug} p={p} /> : null}
          {(p.method !== "consent" && p.method !== "election") || p.status === "draft" ? (
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm">
                {(p.method !== "consent" || p.status === "draft") && p.method !== "election" ? (
                  <>
                    <Title order={2} size="h4">
                      {t("proposals.page.text")}
                    </Title>
                    <Text style={{ whiteSpace: "pre-wrap" }}>{p.text}</Text>
                  </>
                ) : null}
                {p.rule ? (
                  <>
                    <Title order={2} size="h4">
                      {t("proposals.page.rule")}
                    </Title>
                    <List size="sm" spacing={2}>
                      <List.Item>{t(`proposals.form.thresholds.${p.rule.threshold}`)}</List.Item>
                      <List.Item>{t(`proposals.form.bases.${p.rule.base}`)}</List.Item>
                      <List.Item>
                        {t("proposals.form.abstentions")} : {t(`proposals.form.abstentionRules.${p.rule.abstentions}`)}
                      </List.Item>
                      {p.method === "colleges" ? (
                        <>
                          <List.Item>{t(`proposals.form.countings.${p.rule.counting}`)}</List.Item>
                          <List.Item>
                            {t("proposals.form.silentCollege")} : {t(`proposals.form.silentColleges.${p.rule.silentCollege}`)}
                          </List.Item>
                        </>
                      ) : null}
                    </List>
                  </>
                ) : null}
                {p.status === "draft" ? (
                  <>
                    <Text size="sm" c="gray.7">
                      {t("proposals.page.draftHelp")}
                    </Text>
                    <ErrorAlert error={action.error} />
                    {p.abilities.open ? (
                      <Group>
                        <Button onClick={() => action.mutate({ kind: "open" })} loading={action.isPending}>
                          {p.method === "consent"
                            ? t("proposals.page.openConsent")
                            : p.method === "advice"
                              ? t("proposals.page.openAdvice")
                              : p.method === "election"
                                ? t("proposals.page.openElection")
                                : t("proposals.page.openVote")}
                        </Button>
                      </Group>
                    ) : null}
                  </>
                ) : null}
              </Stack>
            </Paper>
          ) : null}
          {isVote && p.status === "open" ? <VotePanel slug={slug} p={p} /> : null}
          {isVote && p.status === "decided" ? <ResultPanel slug={slug} p={p} /> : null}
          {p.method === "consent" && p.status !== "draft" ? <ConsentPanel slug={slug} p={p} /> : null}
          {p.method === "advice" && p.status !== "draft" ? <AdvicePanel slug={slug} p={p} /> : null}
        </Stack>
      )}
    </PageLayout>
  );
}
