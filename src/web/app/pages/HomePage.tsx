import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useMe } from "../../features/auth/api/session.ts";

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const first = me.data?.consortia[0];
  if (first) return <Navigate to={`/c/${first.slug}`} replace />;
  return (
    <PageLayout title={t("home.title", { name: me.data?.user?.name ?? "" })}>
      <Stack gap="md" maw={640}>
        <Text>{t("home.intro")}</Text>
        <Text>{t("home.invited")}</Text>
        <div>
          <Button component={Link} to="/nouveau-consortium">
            {t("home.create")}
          </Button>
        </div>
      </Stack>
    </PageLayout>
  );
}
