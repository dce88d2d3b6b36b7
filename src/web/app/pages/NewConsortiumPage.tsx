import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { CreateConsortiumForm } from "../../features/consortium/components/CreateConsortiumForm.tsx";

export default function NewConsortiumPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("consortium.create.title")} subtitle={<Text>{t("consortium.create.intro")}</Text>}>
      <Paper withBorder p="lg" maw={760}>
        <CreateConsortiumForm />
      </Paper>
    </PageLayout>
  );
}
