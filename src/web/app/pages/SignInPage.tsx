import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useMe } from "../../features/auth/api/session.ts";
import { SignInForm } from "../../features/auth/components/SignInForm.tsx";
import { safeNext } from "../../lib/navigation.ts";

export default function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  if (me.data?.user && params.get("reset") !== "ok") return <Navigate to={safeNext(params.get("next"))} replace />;
  return (
    <PageLayout title={t("auth.signIn.title")}>
      <Paper withBorder p="lg">
        <SignInForm />
      </Paper>
    </PageLayout>
  );
}
