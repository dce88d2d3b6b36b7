import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { ForgotPasswordForm } from "../../features/auth/components/PasswordResetForms.tsx";

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("auth.forgot.title")}>
      <Paper withBorder p="lg">
        <ForgotPasswordForm />
      </Paper>
    </PageLayout>
  );
}
