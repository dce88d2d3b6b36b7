import { Alert, Checkbox, Container, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { GUEST_CATEGORIES, RegistrationInput, type RegistrationResultDto } from "../../../../shared/contracts/tours.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { PublicHeader } from "../../../components/ui/PublicHeader.tsx";
import { usePublicTour, useRegister } from "../../../features/tours/api/tours.ts";
import { ItineraryView } from "../../../features/tours/components/ItineraryView.tsx";
import { dayTitle } from "../../../features/tours/lib/route.ts";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";

/** The sign-up form: the seat is confirmed at once, or the guest learns their place in the waiting line. */
function SignUpForm({ slug, id, full }: { slug: string; id: string; full: boolean }) {
  const { t } = useTranslation();
  const register = useRegister(slug, id);
  const [v, setV] = useState({ name: "", email: "", organization: "", category: "", consent: false });
  const [local, setLocal] = useState<FieldErrors>({});
  const [result, setResult] = useState<RegistrationResultDto | null>(null);
  const server = register.error instanceof ApiError ? register.error.fields : {};
  const errors = { ...server, ...local };
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [k]: value }));

  if (result)
    return (
      <Alert
        color={result.status === "confirmed" ? "teal.9" : "indigo"}
        variant="outline"
        title={t(`tours.public.result_${result.status}`)}
        role="status"
      >
        {result.status === "confirmed"
          ? t("tours.public.confirmedText", { email: v.email })
          : t("tours.public.waitlistedText", { position: result.position, email: v.email })}
      </Alert>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...v, category: v.category || undefined, consent: v.consent || undefined };
    const checked = validate(RegistrationInput, input);
    if (!checked.ok) {
      setLocal(checked.fields);
      return;
    }
    setLocal({});
    register.mutate(checked.data, { onSuccess: setResult });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {full ? (
          <Alert color="indigo" variant="outline">
            {t("tours.public.fullNotice")}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("tours.public.name")}
            required
            autoComplete="name"
            value={v.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t("tours.public.email")}
            type="email"
            required
            autoComplete="email"
            value={v.email}
            onChange={(e) => set("email", e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t("tours.public.organization")}
            description={t("tours.public.organizationHint")}
            autoComplete="organization"
            value={v.organization}
            onChange={(e) => set("organization", e.currentTarget.value)}
            error={errors.organization}
          />
          <NativeSelect
            label={t("tours.public.category")}
            required
            value={v.category}
            onChange={(e) => set("category", e.currentTarget.value)}
            data={[
              { value: "", label: t("tours.public.chooseCategory") },
              ...GUEST_CATEGORIES.map((c) => ({ value: c, label: t(`tours.category.${c}`) })),
            ]}
            error={errors.category}
          />
        </SimpleGrid>
        <Checkbox
          label={t("tours.public.consent")}
          checked={v.consent}
          onChange={(e) => set("consent", e.currentTarget.checked)}
          error={errors.consent}
        />
        <FormActions
          error={register.error instanceof ApiError && Object.keys(register.error.fields).length ? null : register.error}
          pending={register.isPending}
          submitLabel={full ? t("tours.public.joinWaitlist") : t("tours.public.submit")}
        />
      </Stack>
    </form>
  );
}

/** A public tour: the programme of each day with its timed route and map, and the sign-up form. */
export default function PublicTourPage() {
  const { t, i18n } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const tour = usePublicTour(slug, id);
  const notFound = tour.error instanceof ApiError && tour.error.status === 404;
  const data = tour.data;

  return (
    <>
      <PublicHeader />
      <Container component="main" id="main" tabIndex={-1} size="xl" py="lg">
        {tour.isPending ? (
          <Loading />
        ) : notFound ? (
          <PageLayout title={t("tours.public.notFound")}>
            <Text>{t("tours.public.notFoundText")}</Text>
          </PageLayout>
        ) : !data ? (
          <PageLayout title={t("tours.title")}>
            <ErrorAlert error={tour.error} />
          </PageLayout>
        ) : (
          <PageLayout
            title={data.name}
            subtitle={
              <Stack gap={4}>
                <Text c="gray.8">
                  {t("tours.public.by", { organizer: data.organizerName, consortium: data.consortiumName })} ·{" "}
                  {data.days.map((d) => dayTitle(d.date, i18n.language)).join(", ")}
                </Text>
                {data.description ? <Text>{data.description}</Text> : null}
              </Stack>
            }
          >
            {data.days.map((day) => (
              <Paper key={day.date} withBorder p="lg" component="section" aria-labelledby={`day-${day.date}`}>
                <Stack gap="md">
                  <Title order={2} size="h3" id={`day-${day.date}`}>
                    {dayTitle(day.date, i18n.language)}
                  </Title>
                  <ItineraryView
                    day={day}
                    mapLabel={t("tours.itinerary.mapLabel", { date: dayTitle(day.date, i18n.language) })}
                  />
                </Stack>
              </Paper>
            ))}
            <Paper withBorder p="lg" component="section" aria-labelledby="signup">
              <Stack gap="sm">
                <Title order={2} size="h3" id="signup">
                  {t("tours.public.signupTitle")}
                </Title>
                {data.signupOpen ? (
                  <>
                    <Text c="gray.8">
                      {data.seatsLeft > 0
                        ? t("tours.public.seatsLeft", { count: data.seatsLeft })
                        : t("tours.public.full", { count: data.waitlisted })}
                    </Text>
                    <SignUpForm slug={slug} id={id} full={data.seatsLeft === 0} />
                  </>
                ) : (
                  <Text c="gray.8">{t("tours.public.closed")}</Text>
                )}
              </Stack>
            </Paper>
          </PageLayout>
        )}
      </Container>
    </>
  );
}
