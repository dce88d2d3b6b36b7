import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { StayDto } from "../../../../shared/contracts/residencies.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { ConfirmToolDialog } from "../../../features/agenda-tools/components/ToolDialog.tsx";
import { useConfig } from "../../../features/auth/api/session.ts";
import { usePlaces } from "../../../features/directory/api/places.ts";
import { useDeleteResidency, useDeleteStay, useResidency } from "../../../features/residencies/api/residencies.ts";
import { LazyRouteMap } from "../../../features/residencies/components/LazyRouteMap.tsx";
import { StayDialog } from "../../../features/residencies/components/StayDialog.tsx";
import { StayTimeline } from "../../../features/residencies/components/StayTimeline.tsx";
import { focusStay, routeStops, stayRange, stayRangeTitle } from "../../../features/residencies/lib/format.ts";

/** One residency: its route as a timeline of stays, each with its hand-over, and the route on a map. */
export default function ResidencyPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const residency = useResidency(slug, id);
  const places = usePlaces(slug);
  const config = useConfig();
  const removeStay = useDeleteStay(slug, id);
  const remove = useDeleteResidency(slug, id);
  const [dialog, setDialog] = useState<"add" | StayDto | null>(null);
  const [deletingStay, setDeletingStay] = useState<StayDto | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const lang = i18n.language;
  const list = `/c/${slug}/residences`;

  if (residency.isPending) return <Loading />;
  if (residency.isError)
    return (
      <PageLayout title={t("residencies.detail.notFound")}>
        <ErrorAlert error={residency.error} />
        <Anchor component={Link} to={list}>
          {t("residencies.backToList")}
        </Anchor>
      </PageLayout>
    );
  const r = residency.data;
  const stops = routeStops(r.stays, lang);
  const publicPath = `/residences/${slug}/${r.id}`;

  function dropParam(name: string) {
    const next = new URLSearchParams(params);
    next.delete(name);
    setParams(next, { replace: true });
  }
  function done(message: string) {
    setDialog(null);
    setDeletingStay(null);
    setNotice(message);
    for (const name of ["cree", "enregistre"]) if (params.get(name)) dropParam(name);
  }
  const addButton = r.abilities.addStay ? (
    <Button
      onClick={() => {
        setNotice(null);
        setDialog("add");
      }}
    >
      {t("residencies.stay.add")}
    </Button>
  ) : null;

  return (
    <PageLayout
      title={r.name}
      subtitle={
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} c="indigo.9">
              {[r.artist, r.discipline].filter(Boolean).join(" · ")}
            </Text>
            <Badge variant="outline" color={r.visibility === "public" ? "teal.9" : "gray.8"} radius="sm">
              {t(`agenda.visibility.${r.visibility}`)}
            </Badge>
          </Group>
          {r.span ? (
            <Text size="sm" c="gray.8">
              {stayRangeTitle(r.span.from, r.span.to, lang)} · {t("residencies.list.stays", { count: r.stays.length })}
            </Text>
          ) : null}
          {r.description ? (
            <Text c="gray.8" maw={760}>
              {r.description}
            </Text>
          ) : null}
        </Stack>
      }
      before={
        <Anchor component={Link} to={list} size="sm">
          ← {t("residencies.backToList")}
        </Anchor>
      }
      actions={
        <>
          {addButton}
          {r.visibility === "public" ? (
            <Button variant="light" component={Link} to={publicPath}>
              {t("residencies.detail.publicPage")}
            </Button>
          ) : null}
          {r.abilities.update ? (
            <Button variant="default" component={Link} to={`${list}/${r.id}/modifier`}>
              {t("common.edit")}
            </Button>
          ) : null}
          {r.abilities.delete ? (
            <Button
              variant="default"
              color="red.9"
              onClick={() => {
                remove.reset();
                setConfirmingDelete(true);
              }}
            >
              {t("common.delete")}
            </Button>
          ) : null}
        </>
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
          {t("residencies.detail.created")}
        </Alert>
      ) : null}
      {params.get("enregistre") ? (
        <Alert
          color="indigo"
          variant="outline"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => dropParam("enregistre")}
        >
          {t("common.saved")}
        </Alert>
      ) : null}
      {notice ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      ) : null}
      {r.visibility !== "public" && r.abilities.update ? (
        <Text size="sm" c="gray.7">
          {t("residencies.detail.publicHint")}
        </Text>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" component="section" aria-labelledby="residency-route">
            <Title order={2} size="h3" id="residency-route">
              {t("residencies.detail.route")}
            </Title>
            {r.stays.length ? (
              <StayTimeline slug={slug} residency={r} onEdit={setDialog} onDelete={(s) => setDeletingStay(s)} />
            ) : (
              <Paper withBorder p="xl" radius="md">
                <Stack align="center" gap="md">
                  <Text ta="center" c="gray.7" maw={520}>
                    {r.abilities.addStay ? t("residencies.detail.emptyCanAdd") : t("residencies.detail.empty")}
                  </Text>
                  {addButton}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md" component="section" aria-labelledby="residency-map" style={{ position: "sticky", top: 76 }}>
            <Title order={2} size="h3" id="residency-map">
              {t("residencies.detail.map")}
            </Title>
            {stops.length && !config.isPending ? (
              <LazyRouteMap
                stops={stops}
                tileUrl={config.data?.mapTileUrl ?? null}
                label={t("residencies.detail.mapLabel", { name: r.name })}
                onSelect={focusStay}
              />
            ) : (
              <Text size="sm" c="gray.7">
                {r.stays.length ? t("residencies.detail.noCoordinates") : t("residencies.detail.mapEmpty")}
              </Text>
            )}
            {stops.length && stops.length < r.stays.length ? (
              <Text size="sm" c="gray.7">
                {t("residencies.detail.someWithoutCoordinates")}
              </Text>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>

      <StayDialog
        slug={slug}
        residency={r}
        places={places.data ?? []}
        target={dialog}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <ConfirmToolDialog
        opened={deletingStay !== null}
        title={t("residencies.stay.deleteTitle")}
        message={
          deletingStay
            ? t("residencies.stay.deleteConfirm", {
                place: deletingStay.placeName,
                dates: stayRange(deletingStay.from, deletingStay.to, lang),
              })
            : ""
        }
        confirmLabel={t("residencies.stay.delete")}
        loading={removeStay.isPending}
        error={removeStay.error}
        onClose={() => setDeletingStay(null)}
        onConfirm={() =>
          deletingStay &&
          removeStay.mutate(deletingStay.id, {
            onSuccess: () => done(t("residencies.stay.deleted", { place: deletingStay.placeName })),
          })
        }
      />
      <ConfirmToolDialog
        opened={confirmingDelete}
        title={t("residencies.detail.deleteTitle")}
        message={t("residencies.detail.deleteConfirm", { name: r.name, count: r.stays.length })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setConfirmingDelete(false);
              navigate(list, { replace: true });
            },
          })
        }
      />
    </PageLayout>
  );
}
