import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MandateDto } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { ConfirmToolDialog } from "../../../features/agenda-tools/components/ToolDialog.tsx";
import { useArchiveBody, useBody } from "../../../features/governance/api/bodies.ts";
import { EditBodyDialog } from "../../../features/governance/components/EditBodyDialog.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import {
  AddMandateDialog,
  EndMandateDialog,
  RenewMandateDialog,
} from "../../../features/governance/components/MandateDialogs.tsx";
import { dayText, quorumSentence } from "../../../features/governance/lib/format.ts";

const STATUS_COLOR = { upcoming: "indigo.9", current: "teal.9", ended: "gray.8" } as const;

/** One body: who sits in it today with which role and until when, and every mandate it ever had. */
export default function BodyPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const body = useBody(slug, id);
  const archive = useArchiveBody(slug, id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState<MandateDto | null>(null);
  const [renewing, setRenewing] = useState<MandateDto | null>(null);
  const [archiving, setArchiving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const lang = i18n.language;
  const back = (
    <Anchor component={Link} to={`/c/${slug}/gouvernance`}>
      {t("governance.body.back")}
    </Anchor>
  );

  if (body.isPending) return <Loading />;
  if (body.isError)
    return (
      <PageLayout before={<GovernanceTabs />} title={t("governance.body.notFound")}>
        <ErrorAlert error={body.error} />
        {back}
      </PageLayout>
    );
  const b = body.data;
  const period = (m: MandateDto) =>
    m.endsOn
      ? t("governance.body.fromTo", { from: dayText(m.startsOn, lang), to: dayText(m.endsOn, lang) })
      : t("governance.body.from", { from: dayText(m.startsOn, lang) });
  const roleOf = (m: MandateDto) => (m.title ? m.title : t(`governance.roles.${m.role}`));

  return (
    <PageLayout
      before={<GovernanceTabs />}
      title={b.name}
      subtitle={
        <Stack gap={2}>
          <Text c="gray.7">
            {t(`governance.kinds.${b.kind}`)}
            {" · "}
            {b.proxyLimit > 0 ? t("governance.body.proxyLimit", { count: b.proxyLimit }) : t("governance.body.noProxy")}
            {b.collegeName ? ` · ${t("governance.body.college", { name: b.collegeName })}` : ""}
          </Text>
          <Text c="gray.7">{quorumSentence(b.quorum, t)}</Text>
          {b.description ? <Text>{b.description}</Text> : null}
        </Stack>
      }
      actions={
        <>
          {b.abilities.addMandate ? <Button onClick={() => setAdding(true)}>{t("governance.body.addMandate")}</Button> : null}
          {b.abilities.update ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t("governance.body.edit")}
            </Button>
          ) : null}
          {b.abilities.archive ? (
            <Button variant="default" onClick={() => setArchiving(true)}>
              {t("governance.body.archive")}
            </Button>
          ) : null}
        </>
      }
    >
      {back}
      {b.archived ? (
        <Alert color="gray" variant="outline">
          {t("governance.body.archived")}
        </Alert>
      ) : null}
      {notice ? (
        <Alert
          color="indigo"
          variant="outline"
          role="status"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t("common.close")}
        >
          {notice}
        </Alert>
      ) : null}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="members-title">
            {t("governance.body.membersTitle")}
          </Title>
          {b.members.length === 0 ? (
            <Text c="gray.7">{t("governance.body.noMembers")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped verticalSpacing="xs" captionSide="top">
                <Table.Caption>{t("governance.body.membersCaption", { count: b.members.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("governance.body.holder")}</Table.Th>
                    <Table.Th scope="col">{t("governance.body.role")}</Table.Th>
                    <Table.Th scope="col">{t("governance.body.period")}</Table.Th>
                    <Table.Th scope="col">{t("governance.body.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.members.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row" fw={600}>
                        {m.holderName}
                      </Table.Th>
                      <Table.Td>{roleOf(m)}</Table.Td>
                      <Table.Td>
                        {period(m)}
                        {m.renewedBy ? (
                          <Text size="xs" c="gray.7">
                            {t("governance.body.renewedBy")}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {m.abilities.renew ? (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => setRenewing(m)}
                              aria-label={t("governance.body.renewAria", { name: m.holderName })}
                            >
                              {t("governance.body.renew")}
                            </Button>
                          ) : null}
                          {m.abilities.end ? (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => setEnding(m)}
                              aria-label={t("governance.body.endAria", { name: m.holderName })}
                            >
                              {t("governance.body.end")}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="history-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="history-title">
            {t("governance.body.historyTitle")}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" captionSide="top">
              <Table.Caption>{t("governance.body.historyCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("governance.body.holder")}</Table.Th>
                  <Table.Th scope="col">{t("governance.body.role")}</Table.Th>
                  <Table.Th scope="col">{t("governance.body.period")}</Table.Th>
                  <Table.Th scope="col">{t("governance.body.state")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.history.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" fw={500}>
                      {m.holderName}
                    </Table.Th>
                    <Table.Td>{roleOf(m)}</Table.Td>
                    <Table.Td>
                      {period(m)}
                      {m.renews ? (
                        <Text size="xs" c="gray.7">
                          {t("governance.body.renews")}
                        </Text>
                      ) : null}
                      {m.endedReason ? (
                        <Text size="xs" c="gray.7">
                          {t("governance.body.endedReason", { reason: m.endedReason })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[m.status]} variant="outline" radius="sm">
                        {t(`governance.status.${m.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>

      {editing ? (
        <EditBodyDialog
          slug={slug}
          body={b}
          onClose={() => setEditing(false)}
          onDone={() => setNotice(t("governance.body.edited"))}
        />
      ) : null}
      <AddMandateDialog
        slug={slug}
        bodyId={id}
        opened={adding}
        onClose={() => setAdding(false)}
        onDone={() => setNotice(t("governance.body.added"))}
      />
      <EndMandateDialog
        slug={slug}
        bodyId={id}
        mandate={ending}
        onClose={() => setEnding(null)}
        onDone={() => setNotice(t("governance.body.ended"))}
      />
      <RenewMandateDialog
        slug={slug}
        bodyId={id}
        mandate={renewing}
        onClose={() => setRenewing(null)}
        onDone={() => setNotice(t("governance.body.renewed"))}
      />
      <ConfirmToolDialog
        opened={archiving}
        title={t("governance.body.archiveTitle")}
        message={t("governance.body.archiveText")}
        confirmLabel={t("governance.body.archive")}
        onConfirm={() => archive.mutate(undefined, { onSuccess: () => setArchiving(false) })}
        onClose={() => setArchiving(false)}
        loading={archive.isPending}
        error={archive.error}
      />
    </PageLayout>
  );
}
