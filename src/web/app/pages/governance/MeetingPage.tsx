import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { parisDate } from "../../../../shared/agenda/time.ts";
import type { MeetingDto } from "../../../../shared/contracts/meetings.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { SavedNotice } from "../../../components/ui/SavedNotice.tsx";
import { longDay } from "../../../features/agenda/lib/format.ts";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import {
  minutesUrl,
  useDeleteMeeting,
  useMeeting,
  useSetAttendance,
  useSetItems,
  useSetMinutes,
} from "../../../features/meetings/api/meetings.ts";

type Presence = "present" | "excused" | "absent";

/** The order of the day, edited in place; a point may name one of the body's proposals. */
function ItemsSection({ slug, m }: { slug: string; m: MeetingDto }) {
  const { t } = useTranslation();
  const save = useSetItems(slug, m.id);
  const [items, setItems] = useState(() =>
    m.items.map((i) => ({ key: i.id, title: i.title, proposalId: i.proposalId ?? "", notes: i.notes ?? "" })),
  );
  const [saved, setSaved] = useState(false);
  const edit = m.abilities.update === true;
  const fields = (save.error as { fields?: Record<string, string> } | null)?.fields ?? {};
  const patch = (i: number, p: Partial<(typeof items)[number]>) =>
    setItems((all) => all.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="items">
      <Stack gap="sm">
        <Title order={2} size="h3" id="items">
          {t("meetings.detail.items")}
        </Title>
        {!edit ? (
          m.items.length ? (
            <List type="ordered">
              {m.items.map((i) => (
                <List.Item key={i.id}>
                  {i.title}
                  {i.proposalId ? (
                    <>
                      {" — "}
                      <Anchor component={Link} to={`/c/${slug}/gouvernance/propositions/${i.proposalId}`}>
                        {i.proposalTitle}
                      </Anchor>
                    </>
                  ) : null}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="gray.7">{t("meetings.detail.noItems")}</Text>
          )
        ) : (
          <>
            {items.length === 0 ? <Text c="gray.7">{t("meetings.detail.noItems")}</Text> : null}
            {items.map((item, i) => (
              <Group key={item.key} align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t("meetings.detail.itemTitle", { n: i + 1 })}
                  value={item.title}
                  onChange={(e) => patch(i, { title: e.currentTarget.value })}
                  error={fields[`items.${i}.title`]}
                  style={{ flex: 2, minWidth: 220 }}
                />
                <NativeSelect
                  label={t("meetings.detail.itemProposal")}
                  value={item.proposalId}
                  onChange={(e) => patch(i, { proposalId: e.currentTarget.value })}
                  data={[
                    { value: "", label: t("meetings.detail.noProposal") },
                    ...m.proposals.map((p) => ({ value: p.id, label: p.title })),
                  ]}
                  error={fields[`items.${i}.proposalId`]}
                  style={{ flex: 2, minWidth: 200 }}
                />
                <Button variant="subtle" color="red" onClick={() => setItems((all) => all.filter((_, j) => j !== i))}>
                  {t("meetings.detail.removeItem", { n: i + 1 })}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() => setItems((all) => [...all, { key: crypto.randomUUID(), title: "", proposalId: "", notes: "" }])}
              >
                {t("meetings.detail.addItem")}
              </Button>
              <Button
                loading={save.isPending}
                onClick={() =>
                  save.mutate(
                    { items: items.map((x) => ({ title: x.title, proposalId: x.proposalId || null, notes: x.notes })) },
                    { onSuccess: () => setSaved(true) },
                  )
                }
              >
                {t("meetings.detail.saveItems")}
              </Button>
            </Group>
            <SavedNotice shown={saved && !save.isPending && !save.error} />
            {Object.keys(fields).length ? null : <ErrorAlert error={save.error} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The attendance sheet: presence, proxies, and the quorum as the server counts it after each save. */
function AttendanceSection({ slug, m }: { slug: string; m: MeetingDto }) {
  const { t } = useTranslation();
  const save = useSetAttendance(slug, m.id);
  const init = () =>
    Object.fromEntries(
      m.members.map((x) => [x.mandateId, { presence: (x.presence ?? "absent") as Presence, proxyTo: x.proxyTo ?? "" }]),
    );
  const [marks, setMarks] = useState(init);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sheet follows the server after each save
  useEffect(() => setMarks(init()), [m]);
  const edit = m.abilities.recordAttendance === true;
  const present = m.members.filter((x) => marks[x.mandateId]?.presence === "present");
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="attendance">
      <Stack gap="sm">
        <Title order={2} size="h3" id="attendance">
          {t("meetings.detail.attendance")}
        </Title>
        {m.quorum ? (
          <Alert color={m.quorum.met ? "teal.9" : "red.9"} variant="outline" role="status">
            {m.quorum.text}
          </Alert>
        ) : (
          <Text c="gray.7">{t("meetings.detail.noQuorumRule")}</Text>
        )}
        {m.refusedProxies.length ? (
          <Alert color="red.9" variant="outline" title={t("meetings.detail.refused")}>
            <List size="sm">
              {m.refusedProxies.map((text) => (
                <List.Item key={text}>{text}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {edit ? (
          <Text size="sm" c="gray.7">
            {t("meetings.detail.attendanceHint", { limit: m.body.proxyLimit })}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped captionSide="top">
            <Table.Caption>{t("meetings.detail.attendance")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("meetings.detail.member")}</Table.Th>
                <Table.Th scope="col">{t("meetings.detail.college")}</Table.Th>
                <Table.Th scope="col">{t("meetings.detail.presence")}</Table.Th>
                <Table.Th scope="col">{t("meetings.detail.proxy")}</Table.Th>
                <Table.Th scope="col">{t("meetings.detail.result")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.members.map((x) => {
                const mark = marks[x.mandateId] ?? { presence: "absent" as Presence, proxyTo: "" };
                const set = (p: Partial<typeof mark>) => setMarks((all) => ({ ...all, [x.mandateId]: { ...mark, ...p } }));
                return (
                  <Table.Tr key={x.mandateId}>
                    <Table.Th scope="row" fw={500}>
                      {x.name}
                    </Table.Th>
                    <Table.Td>{x.collegeName ?? "—"}</Table.Td>
                    <Table.Td>
                      {edit ? (
                        <SegmentedControl
                          size="xs"
                          aria-label={`${t("meetings.detail.presence")} — ${x.name}`}
                          value={mark.presence}
                          onChange={(value) =>
                            set({ presence: value as Presence, proxyTo: value === "present" ? "" : mark.proxyTo })
                          }
                          data={(["present", "excused", "absent"] as const).map((p) => ({
                            value: p,
                            label: t(`meetings.detail.presence_${p}`),
                          }))}
                        />
                      ) : (
                        t(`meetings.detail.presence_${x.presence ?? "absent"}`)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {edit && mark.presence !== "present" ? (
                        <NativeSelect
                          size="xs"
                          aria-label={`${t("meetings.detail.proxy")} — ${x.name}`}
                          value={mark.proxyTo}
                          onChange={(e) => set({ proxyTo: e.currentTarget.value })}
                          data={[
                            { value: "", label: t("meetings.detail.noProxy") },
                            ...present
                              .filter((p) => p.mandateId !== x.mandateId)
                              .map((p) => ({ value: p.mandateId, label: p.name })),
                          ]}
                        />
                      ) : (
                        (m.members.find((p) => p.mandateId === x.proxyTo)?.name ?? "—")
                      )}
                    </Table.Td>
                    <Table.Td>
                      {x.status === "represented" && x.holderName
                        ? t("meetings.detail.representedBy", { name: x.holderName })
                        : t(`meetings.detail.presence_${x.status === "represented" ? "absent" : x.status}`)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {edit ? (
          <Group>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  rows: Object.entries(marks)
                    .filter(([, v]) => v.presence !== "absent" || v.proxyTo)
                    .map(([mandateId, v]) => ({ mandateId, presence: v.presence, proxyTo: v.proxyTo || null })),
                })
              }
            >
              {t("meetings.detail.saveAttendance")}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={save.error} />
      </Stack>
    </Paper>
  );
}

function MinutesSection({ slug, m }: { slug: string; m: MeetingDto }) {
  const { t } = useTranslation();
  const save = useSetMinutes(slug, m.id);
  const [text, setText] = useState(m.minutes);
  const [approved, setApproved] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="minutes">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="minutes">
            {t("meetings.detail.minutes")}
          </Title>
          <Anchor href={minutesUrl(slug, m.id)} download>
            {t("meetings.detail.export")}
          </Anchor>
        </Group>
        {m.minutesApproved ? (
          <>
            <Alert color="teal.9" variant="outline">
              {t("meetings.detail.approvedNotice")}
            </Alert>
            <Text style={{ whiteSpace: "pre-wrap" }}>{m.minutes}</Text>
          </>
        ) : m.abilities.writeMinutes ? (
          <>
            <Textarea
              label={t("meetings.detail.minutesLabel")}
              autosize
              minRows={6}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Checkbox
              label={t("meetings.detail.approve")}
              checked={approved}
              onChange={(e) => setApproved(e.currentTarget.checked)}
            />
            <Group>
              <Button
                loading={save.isPending}
                onClick={() => save.mutate({ minutes: text, approved }, { onSuccess: () => setSaved(true) })}
              >
                {t("meetings.detail.saveMinutes")}
              </Button>
            </Group>
            <SavedNotice shown={saved && !save.isPending && !save.error} />
            <ErrorAlert error={save.error} />
          </>
        ) : (
          <Text style={{ whiteSpace: "pre-wrap" }} c={m.minutes ? undefined : "gray.7"}>
            {m.minutes || t("meetings.draft")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** One meeting: its order of the day, its attendance sheet with the live quorum, and its minutes. */
export default function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const meeting = useMeeting(slug, id);
  const remove = useDeleteMeeting(slug);
  const [confirm, setConfirm] = useState(false);
  const back = (
    <Stack gap="xs">
      <GovernanceTabs />
      <Anchor component={Link} to={`/c/${slug}/gouvernance/reunions`} size="sm">
        ← {t("meetings.detail.back")}
      </Anchor>
    </Stack>
  );
  if (meeting.isPending) return <Loading />;
  if (meeting.isError)
    return (
      <PageLayout title={t("meetings.title")} before={back}>
        <ErrorAlert error={meeting.error} />
      </PageLayout>
    );
  const m = meeting.data;
  return (
    <PageLayout
      title={m.title}
      before={back}
      subtitle={
        <Text c="gray.8">
          {t("meetings.detail.summary", {
            body: m.body.name,
            date: longDay(parisDate(new Date(m.startsAt)), i18n.language),
            from: m.start.slice(11),
            to: m.end.slice(11),
          })}
          {m.placeName ? ` · ${m.placeName}` : ""}
          {m.rotation ? ` · ${t("meetings.detail.fromRotation", { name: m.rotation.name })}` : ""}
        </Text>
      }
      actions={
        m.abilities.delete && !m.minutesApproved ? (
          <Button variant="light" color="red" onClick={() => setConfirm(true)}>
            {t("meetings.detail.delete")}
          </Button>
        ) : undefined
      }
    >
      <ItemsSection slug={slug} m={m} />
      <AttendanceSection slug={slug} m={m} />
      <MinutesSection slug={slug} m={m} />
      <ConfirmDialog
        opened={confirm}
        title={t("meetings.detail.deleteTitle")}
        message={t("meetings.detail.deleteText")}
        confirmLabel={t("meetings.detail.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirm(false)}
        onConfirm={() => remove.mutate(m.id, { onSuccess: () => navigate(`/c/${slug}/gouvernance/reunions`) })}
      />
    </PageLayout>
  );
}
