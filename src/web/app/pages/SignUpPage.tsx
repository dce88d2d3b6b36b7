import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { SignUpForm } from "../../features/auth/components/SignUpForm.tsx";

export default function SignUpPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("auth.signUp.title")} subtitle={<Text>{t("auth.signUp.intro")}</Text>}>
      <Paper withBorder p="lg">
        <SignUpForm />
      </Paper>
    </PageLayout>
  );
}
