import { Anchor, Badge, Button, CopyButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { TourDayDto, TourDto } from "../../../../shared/contracts/tours.ts";
import { LIMITS } from "../../../../shared/limits.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { EditPanel } from "../../../components/ui/EditPanel.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { SavedNotice } from "../../../components/ui/SavedNotice.tsx";
import { usePlaces } from "../../../features/directory/api/places.ts";
import {
  useDeleteDay,
  useDeleteTour,
  useSaveDay,
  useTour,
  useUpdateTour,
  useUpdateTravel,
} from "../../../features/tours/api/tours.ts";
import { DayEditor } from "../../../features/tours/components/DayEditor.tsx";
import { ItineraryView } from "../../../features/tours/components/ItineraryView.tsx";
import { RegistrationsSection } from "../../../features/tours/components/RegistrationsSection.tsx";
import { TourForm } from "../../../features/tours/components/TourForm.tsx";
import { TravelEditor } from "../../../features/tours/components/TravelEditor.tsx";
import { dayValues } from "../../../features/tours/lib/day-form.ts";
import { clockText, dayTitle } from "../../../features/tours/lib/route.ts";
import { ApiError } from "../../../lib/api-client.ts";

type Editing = { kind: "tour" } | { kind: "day"; dayId: string | null } | { kind: "travel" } | null;

const fieldsOf = (error: unknown) => (error instanceof ApiError ? error.fields : {});
/** A 422 with fields shows on the inputs; anything else in the form's alert. */
const alertOf = (error: unknown) => (error instanceof ApiError && Object.keys(error.fields).length ? null : error);

/** One tour: the organiser composes its days, checks the timed route on the map, corrects travel times and follows the guests. */
export default function TourPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const tour = useTour(slug, id);
  const places = usePlaces(slug);
  const update = useUpdateTour(slug, id);
  const remove = useDeleteTour(slug);
  const saveDay = useSaveDay(slug, id);
  const deleteDay = useDeleteDay(slug, id);
  const travel = useUpdateTravel(slug, id);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [dayToRemove, setDayToRemove] = useState<TourDayDto | null>(null);
  const back = (
    <Anchor component={Link} to={`/c/${slug}/tournees`} size="sm">
      ← {t("tours.backToList")}
    </Anchor>
  );

  if (tour.isPending) return <Loading />;
  if (tour.isError)
    return (
      <PageLayout title={t("tours.title")} before={back}>
        <ErrorAlert error={tour.error} />
      </PageLayout>
    );
  const data: TourDto = tour.data;
  const lang = i18n.language;
  const open = (next: Editing) => {
    setSaved(false);
    saveDay.reset();
    update.reset();
    travel.reset();
    setEditing(next);
  };
  const done = () => {
    setEditing(null);
    setSaved(true);
  };
  const publicUrl = data.publicPath ? `${window.location.origin}${data.publicPath}` : null;
  const corrected = Object.values(data.travel.matrix).reduce((n, row) => n + Object.keys(row).length, 0);

  return (
    <PageLayout
      title={data.name}
      before={back}
      subtitle={
        <Stack gap={4}>
          <Group gap="xs">
            <Text c="gray.8">
              {data.rotation
                ? t("tours.detail.organizedByRotation", { organizer: data.organizerName, rotation: data.rotation.name })
                : t("tours.detail.organizedBy", { organizer: data.organizerName })}
            </Text>
            <Badge variant="outline" radius="sm" color={data.visibility === "public" ? "teal.9" : "gray.8"}>
              {t(`agenda.visibility.${data.visibility}`)}
            </Badge>
          </Group>
          {data.description ? <Text c="gray.7">{data.description}</Text> : null}
        </Stack>
      }
      actions={
        editing ? undefined : (
          <>
            {data.abilities.update ? (
              <Button variant="default" onClick={() => open({ kind: "tour" })}>
                {t("tours.detail.edit")}
              </Button>
            ) : null}
            {data.abilities.delete ? (
              <Button variant="light" color="red" onClick={() => setConfirmDelete(true)}>
                {t("tours.detail.delete")}
              </Button>
            ) : null}
          </>
        )
      }
    >
      <SavedNotice shown={saved} />
      {editing?.kind === "tour" ? (
        <EditPanel title={t("tours.detail.editTitle")}>
          <TourForm
            mode="edit"
            initial={{
              name: data.name,
              description: data.description ?? "",
              capacity: data.capacity,
              signupOpen: data.signupOpen,
              visibility: data.visibility,
              chosenBy: "coordination",
              rotationTurnId: "",
              organizerId: data.organizerId,
              date: "",
            }}
            candidates={[]}
            organizations={[]}
            pending={update.isPending}
            error={alertOf(update.error)}
            serverFields={fieldsOf(update.error)}
            submitLabel={t("common.save")}
            onCancel={() => setEditing(null)}
            onSubmit={(input) => update.mutate(input, { onSuccess: done })}
          />
        </EditPanel>
      ) : null}

      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text>
            {t("tours.detail.seats", { confirmed: data.seats.confirmed, count: data.seats.capacity })}
            {data.seats.waitlisted ? ` · ${t("tours.list.waiting", { count: data.seats.waitlisted })}` : ""}
            {data.signupOpen ? "" : ` · ${t("tours.detail.signupClosed")}`}
          </Text>
          {publicUrl && data.publicPath ? (
            <Group gap="xs">
              <Anchor component={Link} to={data.publicPath}>
                {t("tours.detail.publicPage")}
              </Anchor>
              <CopyButton value={publicUrl}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t("tours.detail.copied") : t("tours.detail.copyLink")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          ) : (
            <Text size="sm" c="gray.7">
              {t("tours.detail.notPublic")}
            </Text>
          )}
        </Group>
      </Paper>

      {data.days.length === 0 && editing?.kind !== "day" ? (
        <Paper withBorder p="lg">
          <Text c="gray.7">{data.abilities.compose ? t("tours.detail.noDayCompose") : t("tours.detail.noDay")}</Text>
        </Paper>
      ) : null}

      {data.days.map((day) =>
        editing?.kind === "day" && editing.dayId === day.id ? (
          <EditPanel key={day.id} title={t("tours.day.editTitle", { date: dayTitle(day.date, lang) })}>
            <DayEditor
              initial={dayValues(day, { date: day.date, startPlaceId: "" })}
              places={places.data ?? []}
              pending={saveDay.isPending}
              error={alertOf(saveDay.error)}
              serverFields={fieldsOf(saveDay.error)}
              submitLabel={t("tours.day.save")}
              onCancel={() => setEditing(null)}
              onSubmit={(input) => saveDay.mutate({ dayId: day.id, input }, { onSuccess: done })}
            />
          </EditPanel>
        ) : (
          <Paper key={day.id} withBorder p="lg" component="section" aria-labelledby={`day-${day.id}`}>
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Title order={2} size="h3" id={`day-${day.id}`}>
                    {dayTitle(day.date, lang)}
                  </Title>
                  <Text size="sm" c="gray.7">
                    {day.end
                      ? t("tours.detail.dayFromTo", {
                          start: day.start.label,
                          end: day.end.label,
                          time: clockText(day.startTime, lang),
                        })
                      : t("tours.detail.dayLoop", { start: day.start.label, time: clockText(day.startTime, lang) })}
                    {day.endBy ? ` · ${t("tours.detail.endBy", { time: clockText(day.endBy, lang) })}` : ""}
                  </Text>
                </Stack>
                {day.abilities.update && !editing ? (
                  <Group gap="xs">
                    <Button variant="default" size="sm" onClick={() => open({ kind: "day", dayId: day.id })}>
                      {t("tours.detail.editDay")}
                    </Button>
                    <Button variant="subtle" color="red" size="sm" onClick={() => setDayToRemove(day)}>
                      {t("tours.detail.removeDay")}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              <ItineraryView day={day} mapLabel={t("tours.itinerary.mapLabel", { date: dayTitle(day.date, lang) })} />
            </Stack>
          </Paper>
        ),
      )}

      {editing?.kind === "day" && editing.dayId === null ? (
        <EditPanel title={t("tours.day.newTitle")}>
          <DayEditor
            initial={dayValues(null, {
              date: data.days.at(-1)?.date ?? "",
              startPlaceId: data.days.at(-1)?.end?.placeId ?? data.days.at(-1)?.start.placeId ?? "",
            })}
            places={places.data ?? []}
            pending={saveDay.isPending}
            error={alertOf(saveDay.error)}
            serverFields={fieldsOf(saveDay.error)}
            submitLabel={t("tours.day.add")}
            onCancel={() => setEditing(null)}
            onSubmit={(input) => saveDay.mutate({ dayId: null, input }, { onSuccess: done })}
          />
        </EditPanel>
      ) : data.abilities.compose && !editing && data.days.length < LIMITS.tourDays ? (
        <Group>
          <Button variant="light" onClick={() => open({ kind: "day", dayId: null })}>
            {data.days.length ? t("tours.detail.addSecondDay") : t("tours.detail.addDay")}
          </Button>
        </Group>
      ) : null}

      {data.days.some((d) => d.stops.length) ? (
        editing?.kind === "travel" ? (
          <EditPanel title={t("tours.travel.title")}>
            <TravelEditor
              tour={data}
              pending={travel.isPending}
              error={alertOf(travel.error)}
              serverFields={fieldsOf(travel.error)}
              onCancel={() => setEditing(null)}
              onSubmit={(input) => travel.mutate(input, { onSuccess: done })}
            />
          </EditPanel>
        ) : (
          <Paper withBorder p="lg">
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Title order={2} size="h3">
                  {t("tours.travel.title")}
                </Title>
                <Text size="sm" c="gray.7">
                  {t("tours.travel.summary", {
                    factor: String(data.travel.roadFactor).replace(".", lang === "en" ? "." : ","),
                    speed: data.travel.speedKmh,
                    count: corrected,
                  })}
                </Text>
              </Stack>
              {data.abilities.compose && !editing ? (
                <Button variant="default" onClick={() => open({ kind: "travel" })}>
                  {t("tours.travel.edit")}
                </Button>
              ) : null}
            </Group>
          </Paper>
        )
      ) : null}

      <RegistrationsSection slug={slug} tour={data} />

      <ConfirmDialog
        opened={confirmDelete}
        title={t("tours.detail.deleteTitle")}
        message={t("tours.detail.deleteText", { count: data.seats.confirmed + data.seats.waitlisted })}
        confirmLabel={t("tours.detail.deleteConfirm")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate(data.id, { onSuccess: () => navigate(`/c/${slug}/tournees`) })}
      />
      <ConfirmDialog
        opened={dayToRemove !== null}
        title={t("tours.detail.removeDayTitle")}
        message={dayToRemove ? t("tours.detail.removeDayText", { date: dayTitle(dayToRemove.date, lang) }) : ""}
        confirmLabel={t("tours.detail.removeDayConfirm")}
        loading={deleteDay.isPending}
        error={deleteDay.error}
        onClose={() => setDayToRemove(null)}
        onConfirm={() => dayToRemove && deleteDay.mutate(dayToRemove.id, { onSuccess: () => setDayToRemove(null) })}
      />
    </PageLayout>
  );
}
