import { Alert, Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { EventDto } from "../../../../shared/contracts/agenda.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { EditPanel, useEditPanel } from "../../../components/ui/EditPanel.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { SavedNotice } from "../../../components/ui/SavedNotice.tsx";
import { type EditScope, useDeleteEvent, useEvent, useUpdateEvent } from "../../../features/agenda/api/agenda.ts";
import { EventDetails, recurrenceText } from "../../../features/agenda/components/EventDetails.tsx";
import { EventForm, type EventSubmit, eventFormValues } from "../../../features/agenda/components/EventForm.tsx";
import { ScopeDialog } from "../../../features/agenda/components/ScopeDialog.tsx";
import { parisDayOf } from "../../../features/agenda/lib/calendar.ts";
import { whenText } from "../../../features/agenda/lib/format.ts";
import { type OccurrenceView, occurrenceOf } from "../../../features/agenda/lib/occurrence.ts";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";

// Fields one date of a series may change on its own (the server refuses the others for scope "one").
const PER_OCCURRENCE = ["title", "description", "start", "end", "spaceId", "status"] as const;

function StatusBadges({ e, occurrence }: { e: EventDto; occurrence: OccurrenceView | null }) {
  const { t } = useTranslation();
  const status = occurrence?.status ?? e.status;
  return (
    <Group gap={6}>
      {status === "cancelled" ? (
        <Badge color="red.9" variant="outline">
          {t("agenda.status.cancelled")}
        </Badge>
      ) : null}
      {status === "tentative" ? (
        <Badge color="orange.9" variant="outline">
          {t("agenda.status.tentative")}
        </Badge>
      ) : null}
      {e.visibility === "draft" ? (
        <Badge color="gray.8" variant="outline">
          {t("agenda.visibility.draft")}
        </Badge>
      ) : null}
      {e.visibility === "public" ? (
        <Badge color="teal.9" variant="outline">
          {t("agenda.visibility.public")}
        </Badge>
      ) : null}
      {e.rrule ? (
        <Badge color="indigo.9" variant="outline">
          {t("agenda.detail.recurring")}
        </Badge>
      ) : null}
    </Group>
  );
}

export default function EventPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const event = useEvent(slug, id);
  const places = usePlaces(slug);
  const organizations = useOrganizations(slug);
  const update = useUpdateEvent(slug, id);
  const remove = useDeleteEvent(slug, id);
  const edit = useEditPanel();
  const [scope, setScope] = useState<EditScope>("all");
  const [asking, setAsking] = useState<"edit" | "delete" | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  const calendar = `/c/${slug}/agenda`;
  if (event.isPending) return <Loading />;
  if (event.isError) {
    return (
      <PageLayout title={t("agenda.detail.notFound")}>
        <ErrorAlert error={event.error} />
        <Anchor component={Link} to={calendar}>
          {t("agenda.backToCalendar")}
        </Anchor>
      </PageLayout>
    );
  }
  const e = event.data;
  const series = e.rrule !== null;
  const occurrence = series ? occurrenceOf(e, params.get("occurrence")) : null;
  const lang = i18n.language;
  const occurrenceLabel = occurrence
    ? whenText({ startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, allDay: e.allDay }, lang, t("agenda.allDay"))
    : null;
  const shownDay = parisDayOf(occurrence?.startsAt ?? e.startsAt);
  const backTo = `${calendar}?date=${shownDay}`;
  const title = occurrence?.title ?? e.title;
  const cancelled = (occurrence?.status ?? e.status) === "cancelled";

  function dropParam(name: string) {
    const next = new URLSearchParams(params);
    next.delete(name);
    setParams(next, { replace: true });
  }

  function startEdit(chosen: EditScope) {
    setScope(chosen);
    setAsking(null);
    update.reset();
    edit.open();
  }

  function onEdit() {
    if (series) setAsking("edit");
    else startEdit("all");
  }

  function onDelete() {
    remove.reset();
    if (series) setAsking("delete");
    else setConfirmingDelete(true);
  }

  function save({ payload, onError }: EventSubmit) {
    const { acknowledge } = payload;
    const body = scope === "one" ? { ...Object.fromEntries(PER_OCCURRENCE.map((k) => [k, payload[k]])), acknowledge } : payload;
    update.mutate(
      { ...body, scope: series ? scope : "all", occurrence: series && scope !== "all" ? occurrence?.occurrence : undefined },
      {
        onSuccess: (saved) => {
          edit.close(true);
          // "This and following" makes a new series: open it.
          if (saved.id !== e.id) navigate(`/c/${slug}/agenda/evenements/${saved.id}`);
        },
        onError,
      },
    );
  }

  function remove_(chosen: EditScope) {
    remove.mutate(
      { scope: series ? chosen : "all", occurrence: series && chosen !== "all" ? occurrence?.occurrence : undefined },
      {
        onSuccess: () => {
          setAsking(null);
          setConfirmingDelete(false);
          navigate(backTo, { replace: true });
        },
      },
    );
  }

  function setCancelled(next: boolean) {
    const status = next ? "cancelled" : e.status === "cancelled" ? "confirmed" : e.status;
    update.mutate(occurrence ? { scope: "one", occurrence: occurrence.occurrence, status } : { scope: "all", status }, {
      onSuccess: () => setConfirmingCancel(false),
    });
  }

  const canCancelOne = e.abilities.update && (occurrence || !series);
  const editInitial = eventFormValues(
    e,
    occurrence && scope !== "all"
      ? {
          start: occurrence.start,
          end: occurrence.end,
          title: scope === "one" ? occurrence.title : e.title,
          status: scope === "one" ? occurrence.status : e.status,
        }
      : null,
  );

  return (
    <PageLayout
      title={title}
      subtitle={
        <Stack gap={6}>
          <Text c="gray.8" td={cancelled ? "line-through" : undefined}>
            {occurrenceLabel ?? whenText({ startsAt: e.startsAt, endsAt: e.endsAt, allDay: e.allDay }, lang, t("agenda.allDay"))}
          </Text>
          {series ? <Text size="sm">{recurrenceText(e, lang, t("agenda.detail.importedRule"))}</Text> : null}
          <StatusBadges e={e} occurrence={occurrence} />
        </Stack>
      }
      before={
        <Anchor component={Link} to={backTo} size="sm">
          ← {t("agenda.backToCalendar")}
        </Anchor>
      }
      actions={
        edit.editing ? undefined : (
          <>
            {e.abilities.update ? <Button onClick={onEdit}>{t("agenda.detail.edit")}</Button> : null}
            {canCancelOne && !cancelled ? (
              <Button variant="default" onClick={() => setConfirmingCancel(true)}>
                {occurrence ? t("agenda.detail.cancelOccurrence") : t("agenda.detail.cancelEvent")}
              </Button>
            ) : null}
            {canCancelOne && cancelled ? (
              <Button variant="default" onClick={() => setCancelled(false)} loading={update.isPending}>
                {occurrence ? t("agenda.detail.restoreOccurrence") : t("agenda.detail.restoreEvent")}
              </Button>
            ) : null}
            {e.abilities.delete ? (
              <Button variant="default" color="red.9" onClick={onDelete}>
                {t("agenda.detail.delete")}
              </Button>
            ) : null}
          </>
        )
      }
    >
      {params.get("cree") ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => dropParam("cree")}
        >
          {t("agenda.detail.created")}
        </Alert>
      ) : null}
      {params.get("lie") ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => dropParam("lie")}
        >
          {t("agenda.detail.linked")}
        </Alert>
      ) : null}
      <SavedNotice shown={edit.saved} />
      {!edit.editing ? <ErrorAlert error={update.error} /> : null}
      {edit.editing ? (
        <EditPanel title={t(`agenda.detail.editTitle.${series ? scope : "single"}`, { date: occurrenceLabel ?? "" })}>
          <EventForm
            slug={slug}
            initial={editInitial}
            places={places.data ?? []}
            organizations={organizations.data ?? []}
            submitLabel={t("common.save")}
            pending={update.isPending}
            onCancel={() => edit.close()}
            onSubmit={save}
            edit={{
              eventId: e.id,
              scope: series ? scope : "all",
              occurrence: series && scope !== "all" ? occurrence?.occurrence : undefined,
            }}
          />
        </EditPanel>
      ) : (
        <EventDetails slug={slug} event={e} occurrence={occurrence} />
      )}

      <ScopeDialog
        opened={asking === "edit"}
        title={t("agenda.scope.editTitle")}
        occurrenceLabel={occurrenceLabel}
        confirmLabel={t("agenda.scope.continue")}
        onConfirm={startEdit}
        onClose={() => setAsking(null)}
      />
      <ScopeDialog
        opened={asking === "delete"}
        title={t("agenda.scope.deleteTitle")}
        message={t("agenda.detail.deleteConfirm", { title: e.title })}
        occurrenceLabel={occurrenceLabel}
        confirmLabel={t("common.delete")}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={remove_}
        onClose={() => setAsking(null)}
      />
      <ConfirmDialog
        opened={confirmingDelete}
        title={t("agenda.detail.deleteTitle")}
        message={t("agenda.detail.deleteConfirm", { title: e.title })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() => remove_("all")}
      />
      <ConfirmDialog
        opened={confirmingCancel}
        title={occurrence ? t("agenda.detail.cancelOccurrenceTitle") : t("agenda.detail.cancelEventTitle")}
        message={
          occurrence
            ? t("agenda.detail.cancelOccurrenceConfirm", { date: occurrenceLabel })
            : t("agenda.detail.cancelEventConfirm", { title: e.title })
        }
        confirmLabel={occurrence ? t("agenda.detail.cancelOccurrence") : t("agenda.detail.cancelEvent")}
        loading={update.isPending}
        error={update.error}
        onClose={() => setConfirmingCancel(false)}
        onConfirm={() => setCancelled(true)}
      />
    </PageLayout>
  );
}
