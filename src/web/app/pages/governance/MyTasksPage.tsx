import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useMyTasks } from "../../../features/tasks/api/tasks.ts";
import { TaskTable } from "../../../features/tasks/components/TaskTable.tsx";

/** « Mes tâches »: what is given to the signed-in person here, and for a referent what their organisation carries. */
export default function MyTasksPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const mine = useMyTasks(slug);
  const [notice, setNotice] = useState("");

  return (
    <PageLayout
      title={t("tasks.mine.title")}
      subtitle={<Text c="gray.7">{t("tasks.mine.subtitle")}</Text>}
      actions={
        <Anchor component={Link} to={`/c/${slug}/gouvernance/taches`}>
          {t("tasks.mine.allTasks")}
        </Anchor>
      }
    >
      <Text role="status" c="green.9" fw={600} aria-live="polite">
        {notice}
      </Text>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} />
      ) : (
        <Stack gap="xl">
          {!mine.data.person ? (
            <Alert color="blue" variant="light">
              {t("tasks.mine.noPerson")}
            </Alert>
          ) : mine.data.mine.length === 0 ? (
            <EmptyState message={t("tasks.mine.empty")} />
          ) : (
            <TaskTable
              slug={slug}
              tasks={mine.data.mine}
              caption={t("tasks.list.caption", { count: mine.data.mine.length })}
              onNotice={setNotice}
            />
          )}
          {mine.data.organization ? (
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t("tasks.mine.organizationTitle", { name: mine.data.organization.name })}
              </Title>
              {mine.data.ofOrganization.length === 0 ? (
                <Text c="gray.7">{t("tasks.mine.organizationEmpty")}</Text>
              ) : (
                <TaskTable
                  slug={slug}
                  tasks={mine.data.ofOrganization}
                  caption={t("tasks.list.caption", { count: mine.data.ofOrganization.length })}
                  onNotice={setNotice}
                />
              )}
            </Stack>
          ) : null}
        </Stack>
      )}
    </PageLayout>
  );
}
