import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { TaskDto } from "../../../../shared/contracts/tasks.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { SimplePagination } from "../../../components/ui/SimplePagination.tsx";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { type TaskFilters, useTasks } from "../../../features/tasks/api/tasks.ts";
import { TaskDialog } from "../../../features/tasks/components/TaskDialog.tsx";
import { TaskTable } from "../../../features/tasks/components/TaskTable.tsx";

const PAGE_SIZE = 25;

/** Every task of the consortium, filtered by state, person, organisation or working group. */
export default function TasksPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [filters, setFilters] = useState<TaskFilters>({ status: "open", page: 1, pageSize: PAGE_SIZE });
  const list = useTasks(slug, filters);
  const [target, setTarget] = useState<"new" | TaskDto | null>(null);
  const [notice, setNotice] = useState("");
  const choices = list.data?.choices;
  const filter = (key: keyof TaskFilters) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters((f) => ({ ...f, [key]: e.currentTarget.value || undefined, page: 1 }));

  return (
    <PageLayout
      before={<GovernanceTabs />}
      title={t("tasks.list.title")}
      subtitle={<Text c="gray.7">{t("tasks.list.subtitle")}</Text>}
      actions={
        list.data?.abilities.create ? (
          <Button
            onClick={() => {
              setNotice("");
              setTarget("new");
            }}
          >
            {t("tasks.list.new")}
          </Button>
        ) : undefined
      }
    >
      <Text role="status" c="green.9" fw={600} aria-live="polite">
        {notice}
      </Text>
      {choices ? (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
            {t("tasks.list.filters")}
          </legend>
          <Group gap="sm" wrap="wrap" align="flex-end">
            <NativeSelect
              label={t("tasks.list.status")}
              value={filters.status ?? ""}
              onChange={filter("status")}
              data={[
                { value: "", label: t("tasks.list.allStatuses") },
                ...(["open", "done", "cancelled"] as const).map((s) => ({ value: s, label: t(`tasks.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t("tasks.list.person")}
              value={filters.personId ?? ""}
              onChange={filter("personId")}
              data={[
                { value: "", label: t("tasks.list.anyPerson") },
                ...choices.people.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <NativeSelect
              label={t("tasks.list.organization")}
              value={filters.organizationId ?? ""}
              onChange={filter("organizationId")}
              data={[
                { value: "", label: t("tasks.list.anyOrganization") },
                ...choices.organizations.filter((o) => o.kind !== "partner").map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <NativeSelect
              label={t("tasks.list.body")}
              value={filters.bodyId ?? ""}
              onChange={filter("bodyId")}
              data={[
                { value: "", label: t("tasks.list.anyBody") },
                ...choices.bodies.map((b) => ({ value: b.id, label: b.name })),
              ]}
            />
          </Group>
        </fieldset>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyState message={t("tasks.list.empty")} />
      ) : (
        <>
          <TaskTable
            slug={slug}
            tasks={list.data.items}
            caption={t("tasks.list.caption", { count: list.data.total })}
            onEdit={(task) => {
              setNotice("");
              setTarget(task);
            }}
            onNotice={setNotice}
          />
          <SimplePagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
          />
        </>
      )}
      {choices ? (
        <TaskDialog
          slug={slug}
          choices={choices}
          target={target}
          onClose={() => setTarget(null)}
          onDone={(message) => {
            setTarget(null);
            setNotice(message);
          }}
        />
      ) : null}
    </PageLayout>
  );
}
