import { Anchor, Badge, Button, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { parisDate } from "../../../../shared/agenda/time.ts";
import { MeetingInput } from "../../../../shared/contracts/meetings.ts";
import { EditPanel } from "../../../components/ui/EditPanel.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { longDay, timeOf } from "../../../features/agenda/lib/format.ts";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { useCreateMeeting, useMeetings } from "../../../features/meetings/api/meetings.ts";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";

function NewMeetingForm({
  slug,
  bodies,
  places,
  turns,
  onDone,
}: {
  slug: string;
  bodies: Array<{ id: string; name: string }>;
  places: Array<{ id: string; name: string }>;
  turns: Array<{ id: string; label: string }>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting(slug);
  const [v, setV] = useState({ bodyId: "", title: "", rotationTurnId: "", start: "", end: "", placeId: "", call: "1" });
  const [local, setLocal] = useState<FieldErrors>({});
  const server = create.error instanceof ApiError ? create.error.fields : {};
  const errors = { ...server, ...local };
  const set = (k: keyof typeof v, value: string) => setV((old) => ({ ...old, [k]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const fromTurn = v.rotationTurnId !== "";
    const input = {
      bodyId: v.bodyId,
      title: v.title,
      rotationTurnId: fromTurn ? v.rotationTurnId : null,
      start: fromTurn ? null : v.start,
      end: fromTurn ? null : v.end,
      placeId: fromTurn ? null : v.placeId || null,
      call: v.call === "2" ? 2 : 1,
    };
    const checked = validate(MeetingInput, input);
    if (!checked.ok) {
      setLocal(checked.fields);
      return;
    }
    setLocal({});
    create.mutate(checked.data, { onSuccess: (m) => navigate(`/c/${slug}/gouvernance/reunions/${m.id}`) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t("meetings.form.body")}
            required
            value={v.bodyId}
            onChange={(e) => set("bodyId", e.currentTarget.value)}
            data={[{ value: "", label: t("meetings.form.chooseBody") }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
            error={errors.bodyId}
          />
          <TextInput
            label={t("meetings.form.title")}
            placeholder={t("meetings.form.titlePlaceholder")}
            required
            value={v.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
          />
          {turns.length ? (
            <NativeSelect
              label={t("meetings.form.turn")}
              description={t("meetings.form.turnHint")}
              value={v.rotationTurnId}
              onChange={(e) => set("rotationTurnId", e.currentTarget.value)}
              data={[{ value: "", label: t("meetings.form.noTurn") }, ...turns.map((x) => ({ value: x.id, label: x.label }))]}
              error={errors.rotationTurnId}
            />
          ) : null}
          {v.rotationTurnId ? null : (
            <>
              <TextInput
                type="datetime-local"
                label={t("meetings.form.start")}
                required
                value={v.start}
                onChange={(e) => {
                  const start = e.currentTarget.value;
                  // Two hours by default, the usual length of a committee.
                  if (!v.end && start) {
                    const end = new Date(`${start}:00Z`);
                    end.setUTCHours(end.getUTCHours() + 2);
                    setV((old) => ({ ...old, start, end: end.toISOString().slice(0, 16) }));
                  } else set("start", start);
                }}
                error={errors.start}
              />
              <TextInput
                type="datetime-local"
                label={t("meetings.form.end")}
                required
                value={v.end}
                onChange={(e) => set("end", e.currentTarget.value)}
                error={errors.end}
              />
              <NativeSelect
                label={t("meetings.form.place")}
                value={v.placeId}
                onChange={(e) => set("placeId", e.currentTarget.value)}
                data={[{ value: "", label: t("meetings.form.noPlace") }, ...places.map((p) => ({ value: p.id, label: p.name }))]}
                error={errors.placeId}
              />
            </>
          )}
        </SimpleGrid>
        <Radio.Group label={t("meetings.form.call")} value={v.call} onChange={(value) => set("call", value)}>
          <Stack gap={6} mt={6}>
            <Radio value="1" label={t("meetings.form.firstCall")} />
            <Radio value="2" label={t("meetings.form.secondCall")} />
          </Stack>
        </Radio.Group>
        <FormActions
          error={create.error instanceof ApiError && Object.keys(create.error.fields).length ? null : create.error}
          pending={create.isPending}
          submitLabel={t("meetings.form.create")}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** The bodies' meetings, past and coming, and the form to convene one. */
export default function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const list = useMeetings(slug);
  const [creating, setCreating] = useState(false);
  const lang = i18n.language;
  const canCreate = list.data?.abilities.create === true;

  return (
    <PageLayout
      title={t("meetings.title")}
      subtitle={<Text c="gray.7">{t("meetings.subtitle")}</Text>}
      before={<GovernanceTabs />}
      actions={canCreate && !creating ? <Button onClick={() => setCreating(true)}>{t("meetings.new")}</Button> : undefined}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          {creating ? (
            <EditPanel title={t("meetings.new")}>
              <NewMeetingForm
                slug={slug}
                bodies={list.data.bodies}
                places={list.data.places}
                turns={list.data.turns}
                onDone={() => setCreating(false)}
              />
            </EditPanel>
          ) : null}
          {list.data.items.length === 0 ? (
            <Paper withBorder p="xl">
              <Text ta="center" c="gray.7">
                {canCreate ? t("meetings.empty") : t("meetings.emptyMember")}
              </Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
                <Table.Caption>{t("meetings.caption", { count: list.data.items.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("meetings.when")}</Table.Th>
                    <Table.Th scope="col">{t("meetings.form.title")}</Table.Th>
                    <Table.Th scope="col">{t("meetings.body")}</Table.Th>
                    <Table.Th scope="col">{t("meetings.minutes")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        {longDay(parisDate(new Date(m.startsAt)), lang)}, {timeOf(m.startsAt, lang)}
                      </Table.Td>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/c/${slug}/gouvernance/reunions/${m.id}`} fw={600}>
                          {m.title}
                        </Anchor>
                        {m.placeName ? (
                          <Text size="xs" c="gray.7">
                            {m.placeName}
                          </Text>
                        ) : null}
                      </Table.Th>
                      <Table.Td>{m.bodyName}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" radius="sm" color={m.minutesApproved ? "teal.9" : "gray.8"}>
                          {m.minutesApproved ? t("meetings.approved") : t("meetings.draft")}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </PageLayout>
  );
}
