import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BodyListDto } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useSendReminders } from "../api/bodies.ts";
import { dayText as longDay } from "../lib/format.ts";

/** The mandates ending soon, each with its body; and the button that mails them to the coordination. */
export function RenewalsCard({ slug, list }: { slug: string; list: BodyListDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const send = useSendReminders(slug);
  const next = list.items
    .filter((b) => !b.archived && b.nextEnd)
    .sort((a, b) => (a.nextEnd?.endsOn ?? "").localeCompare(b.nextEnd?.endsOn ?? ""))[0];
  const result = send.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="renewals-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="renewals-title">
              {t("governance.renewals.title")}
            </Title>
            <Text size="sm" c="gray.7">
              {t("governance.renewals.intro", { days: list.windowDays })}
            </Text>
          </Stack>
          {list.abilities.sendReminders && list.renewals.length > 0 ? (
            <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
              {t("governance.renewals.send")}
            </Button>
          ) : null}
        </Group>
        {list.renewals.length === 0 ? (
          <Text>
            {t("governance.renewals.none", { days: list.windowDays })}{" "}
            {next?.nextEnd ? t("governance.renewals.next", { date: longDay(next.nextEnd.endsOn, lang), body: next.name }) : null}
          </Text>
        ) : (
          <List spacing="xs">
            {list.renewals.map((r) => (
              <List.Item key={r.mandateId}>
                <Text span fw={600}>
                  {r.holderName}
                </Text>
                {` · ${r.title ?? t(`governance.roles.${r.role}`)} · `}
                <Anchor component={Link} to={`/c/${slug}/gouvernance/instances/${r.bodyId}`}>
                  {r.bodyName}
                </Anchor>
                {` · ${t("governance.renewals.ends", { date: longDay(r.endsOn, lang) })} (`}
                {r.daysLeft === 0 ? t("governance.renewals.today") : t("governance.renewals.daysLeft", { count: r.daysLeft })})
              </List.Item>
            ))}
          </List>
        )}
        {result ? (
          <Alert color="indigo" variant="outline" role="status">
            {result.alreadySent
              ? t("governance.renewals.alreadySent")
              : result.renewals === 0
                ? t("governance.renewals.nothing")
                : t("governance.renewals.sent", { count: result.sent })}
          </Alert>
        ) : list.lastReminderAt ? (
          <Text size="sm" c="gray.7">
            {t("governance.renewals.lastSent", { date: longDay(list.lastReminderAt.slice(0, 10), lang) })}
          </Text>
        ) : null}
        <ErrorAlert error={send.error} />
      </Stack>
    </Paper>
  );
}
