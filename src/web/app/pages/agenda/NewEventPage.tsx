import { Anchor, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useCreateEvent } from "../../../features/agenda/api/agenda.ts";
import { EventForm, newEventValues } from "../../../features/agenda/components/EventForm.tsx";
import { todayInParis } from "../../../features/agenda/lib/calendar.ts";
import { useConsortium } from "../../../features/consortium/api/consortium.ts";
import { useOrganizations } from "../../../features/directory/api/organizations.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";

/** A new event; the address may carry a date, or a whole slot from "suggest a date". */
export default function NewEventPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const consortium = useConsortium(slug);
  const places = usePlaces(slug);
  const organizations = useOrganizations(slug);
  const create = useCreateEvent(slug);
  const back = `/c/${slug}/agenda${params.get("date") ? `?date=${params.get("date")}` : ""}`;

  const pending = consortium.isPending || places.isPending || organizations.isPending;
  const error = consortium.error ?? places.error ?? organizations.error;
  const role = consortium.data?.myRole;
  const canCreate = consortium.data?.abilities.createEvent === true;
  // A referent publishes for their organisation: the one organisation they may edit.
  const own = role === "referent" ? organizations.data?.find((o) => o.abilities.update) : undefined;

  return (
    <PageLayout
      title={t("agenda.newTitle")}
      before={
        <Anchor component={Link} to={back} size="sm">
          ← {t("agenda.backToCalendar")}
        </Anchor>
      }
    >
      {pending ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !canCreate ? (
        <EmptyState message={t("agenda.cannotCreate")} />
      ) : (
        <Paper withBorder p="lg">
          <EventForm
            slug={slug}
            initial={newEventValues(
              {
                date: params.get("date") ?? undefined,
                start: params.get("debut") ?? undefined,
                end: params.get("fin") ?? undefined,
                placeId: params.get("lieu") ?? undefined,
                spaceId: params.get("espace") ?? undefined,
                audience: params.get("public") ?? undefined,
                theme: params.get("theme") ?? undefined,
                organizerId: own?.id,
              },
              todayInParis(),
            )}
            places={places.data ?? []}
            organizations={organizations.data ?? []}
            submitLabel={t("agenda.form.create")}
            pending={create.isPending}
            onCancel={() => navigate(back)}
            onSubmit={({ payload, onError }) =>
              create.mutate(payload, {
                onSuccess: (event) => navigate(`/c/${slug}/agenda/evenements/${event.id}?cree=1`),
                onError,
              })
            }
          />
        </Paper>
      )}
    </PageLayout>
  );
}
