import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { ResetPasswordForm } from "../../features/auth/components/PasswordResetForms.tsx";

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <PageLayout title={t("auth.reset.title")}>
      <Paper withBorder p="lg">
        <ResetPasswordForm token={params.get("token")} invalid={Boolean(params.get("error"))} />
      </Paper>
    </PageLayout>
  );
}
