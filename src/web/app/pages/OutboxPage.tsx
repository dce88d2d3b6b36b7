import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useOutbox } from "../../features/admin/api/outbox.ts";
import { OutboxList } from "../../features/admin/components/OutboxList.tsx";

export default function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  return (
    <PageLayout
      title={t("outbox.title")}
      subtitle={<Text>{t("outbox.intro")}</Text>}
      actions={
        <Button variant="default" onClick={() => void outbox.refetch()} loading={outbox.isFetching}>
          {t("outbox.refresh")}
        </Button>
      }
    >
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <ErrorAlert error={outbox.error} />
      ) : (
        <OutboxList messages={outbox.data} />
      )}
    </PageLayout>
  );
}
