import { Anchor, Badge, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { ModuleIntro } from "../../../components/ui/ModuleIntro.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useTours } from "../../../features/tours/api/tours.ts";
import { dayTitle } from "../../../features/tours/lib/route.ts";

/** The consortium's learning tours, each with its organiser, dates and seats. */
export default function ToursPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const list = useTours(slug);
  const newButton = list.data?.abilities.create ? (
    <Button component={Link} to={`/c/${slug}/tournees/nouvelle`}>
      {t("tours.new")}
    </Button>
  ) : undefined;

  return (
    <PageLayout
      title={t("tours.title")}
      subtitle={<Text c="gray.7">{t("tours.subtitle")}</Text>}
      actions={list.data?.items.length ? newButton : undefined}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <ModuleIntro
          title={t("tours.empty.title")}
          what={t("tours.empty.what")}
          how={t("tours.empty.how")}
          action={newButton}
          askOthers={t("tours.empty.askCoordination")}
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t("tours.list.caption", { count: list.data.items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("tours.list.name")}</Table.Th>
                <Table.Th scope="col">{t("tours.list.dates")}</Table.Th>
                <Table.Th scope="col">{t("tours.list.organizer")}</Table.Th>
                <Table.Th scope="col">{t("tours.list.seats")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((tour) => (
                <Table.Tr key={tour.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/c/${slug}/tournees/${tour.id}`} fw={600}>
                      {tour.name}
                    </Anchor>{" "}
                    {tour.visibility === "public" ? null : (
                      <Badge size="sm" variant="outline" radius="sm" color="gray.8">
                        {t(`agenda.visibility.${tour.visibility}`)}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">
                      {tour.dates.length ? tour.dates.map((d) => dayTitle(d, i18n.language)).join(", ") : t("tours.list.noDate")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{tour.organizerName}</Text>
                    {tour.rotationName ? (
                      <Text size="xs" c="gray.7">
                        {t("tours.list.byRotation", { rotation: tour.rotationName })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t("tours.list.seatsValue", { confirmed: tour.seats.confirmed, capacity: tour.seats.capacity })}
                      {tour.seats.waitlisted ? ` · ${t("tours.list.waiting", { count: tour.seats.waitlisted })}` : ""}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PageLayout>
  );
}
