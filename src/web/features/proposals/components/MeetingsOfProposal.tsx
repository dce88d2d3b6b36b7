import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProposalDto } from "../../../../shared/contracts/proposals.ts";
import { formatDateTime } from "../../../lib/format.ts";

/**
 * The meetings that put this proposal on their order of the day, each with its attendance and live quorum: whoever
 * records a vote in session sees at once whether the body may decide.
 */
export function MeetingsOfProposal({ slug, p }: { slug: string; p: ProposalDto }) {
  const { t } = useTranslation();
  if (p.meetings.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proposals.meetings.title")}
        </Title>
        {p.meetings.map((m) => (
          <Stack key={m.id} gap={4}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/c/${slug}/gouvernance/reunions/${m.id}`} fw={600}>
                {m.title}
              </Anchor>
              <Text size="sm" c="gray.7">
                {formatDateTime(m.startsAt)}
              </Text>
              {m.quorum ? (
                <Badge variant="outline" color={m.quorum.met ? "teal.9" : "red.9"}>
                  {m.quorum.met ? t("proposals.meetings.met") : t("proposals.meetings.notMet")}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm">
              {t("proposals.meetings.attendance", { present: m.present, represented: m.represented, members: m.members })}
            </Text>
            {m.quorum ? <Text size="sm">{m.quorum.text}</Text> : null}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
