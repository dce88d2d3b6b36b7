import { Alert, Button, Container, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { PublicHeader } from "../../../components/ui/PublicHeader.tsx";
import { useCancelByToken } from "../../../features/tours/api/tours.ts";

/** The link of the confirmation e-mail: the guest confirms, and the seat goes to the first in line. */
export default function CancelRegistrationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const cancel = useCancelByToken();

  return (
    <>
      <PublicHeader />
      <Container component="main" id="main" tabIndex={-1} size="sm" py="lg">
        <PageLayout title={t("tours.cancel.title")}>
          <Paper withBorder p="lg">
            {cancel.isSuccess ? (
              <Alert color="teal.9" role="status" title={t("tours.cancel.doneTitle")}>
                {cancel.data.alreadyCancelled
                  ? t("tours.cancel.already", { tour: cancel.data.tourName })
                  : t("tours.cancel.done", { tour: cancel.data.tourName })}
              </Alert>
            ) : (
              <Stack gap="md">
                <Text>{t("tours.cancel.text")}</Text>
                <ErrorAlert error={cancel.error} />
                <Group>
                  <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate(token)}>
                    {t("tours.cancel.confirm")}
                  </Button>
                </Group>
              </Stack>
            )}
          </Paper>
        </PageLayout>
      </Container>
    </>
  );
}
