import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageLayout } from "../../components/ui/PageLayout.tsx";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("notFound.title")}>
      <Text>{t("notFound.text")}</Text>
      <Anchor component={Link} to="/">
        {t("notFound.home")}
      </Anchor>
    </PageLayout>
  );
}
