import { Alert, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useMe } from "../../features/auth/api/session.ts";
import { useAcceptInvitation, useInvitationPreview } from "../../features/consortium/api/consortium.ts";
import { withNext } from "../../lib/navigation.ts";

export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const here = `/invitation/${encodeURIComponent(token)}`;

  if (preview.isPending || me.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <PageLayout title={t("invitation.title")}>
        <ErrorAlert error={preview.error} />
      </PageLayout>
    );
  }
  const inv = preview.data;
  const signedIn = Boolean(me.data?.user);
  return (
    <PageLayout title={t("invitation.title")}>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Text>{t("invitation.text", { consortium: inv.consortiumName, role: t(`roles.consortium.${inv.role}`) })}</Text>
          <Text>{t("invitation.forEmail", { email: inv.email })}</Text>
          {inv.status !== "pending" ? (
            <Alert color="red" variant="outline" role="alert">
              {t(`invitation.status.${inv.status}`)}
            </Alert>
          ) : signedIn ? (
            <>
              {me.data?.user && me.data.user.email.toLowerCase() !== inv.email.toLowerCase() ? (
                <Alert color="indigo" variant="outline">
                  {t("invitation.otherEmail", { email: me.data.user.email })}
                </Alert>
              ) : null}
              <ErrorAlert error={accept.error} />
              <Group>
                <Button
                  loading={accept.isPending}
                  disabled={accept.isPending}
                  onClick={() => accept.mutate(undefined, { onSuccess: (r) => navigate(`/c/${r.slug}`) })}
                >
                  {t("invitation.accept")}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text>{t("invitation.signInFirst")}</Text>
              <Group>
                <Button component={Link} to={withNext("/connexion", here)}>
                  {t("invitation.signIn")}
                </Button>
                <Button component={Link} variant="default" to={withNext("/inscription", here)}>
                  {t("invitation.signUp")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </PageLayout>
  );
}
