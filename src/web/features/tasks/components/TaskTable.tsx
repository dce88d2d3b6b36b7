import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TaskDto } from "../../../../shared/contracts/tasks.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { formatDay } from "../../../lib/format.ts";
import { type TaskAction, useDeleteTask, useTaskAction } from "../api/tasks.ts";

// Dark enough for a striped row (#f8f9fa) too.
const STATUS_COLOR = { open: "indigo.9", done: "teal.9", cancelled: "gray.7" } as const;

interface Props {
  slug: string;
  tasks: TaskDto[];
  caption: string;
  onEdit?: (task: TaskDto) => void;
  onNotice: (message: string) => void;
}

/** Tasks as a table; each row offers only what the signed-in person may do with it (abilities). */
export function TaskTable({ slug, tasks, caption, onEdit, onNotice }: Props) {
  const { t } = useTranslation();
  const act = useTaskAction(slug);
  const remove = useDeleteTask(slug);
  const [deleting, setDeleting] = useState<TaskDto | null>(null);
  const notices: Record<TaskAction, string> = {
    done: t("tasks.list.doneNotice"),
    reopen: t("tasks.list.reopened"),
    cancel: t("tasks.list.cancelledNotice"),
  };
  const run = (task: TaskDto, action: TaskAction) =>
    act.mutate({ id: task.id, action }, { onSuccess: () => onNotice(notices[action]) });

  return (
    <>
      <ErrorAlert error={act.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="sm" captionSide="top">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("tasks.list.colTask")}</Table.Th>
              <Table.Th scope="col">{t("tasks.list.colWho")}</Table.Th>
              <Table.Th scope="col">{t("tasks.list.colEffort")}</Table.Th>
              <Table.Th scope="col">{t("tasks.list.colDue")}</Table.Th>
              <Table.Th scope="col">{t("tasks.list.colStatus")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => {
              const a = task.abilities;
              const more = (onEdit && a.update) || a.cancel || a.delete || (task.status !== "open" && a.reopen);
              return (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={600}>{task.title}</Text>
                      {task.body ? (
                        <Text size="sm" c="gray.7">
                          {t("tasks.list.group", { name: task.body.name })}
                        </Text>
                      ) : null}
                      {task.decision ? (
                        <Text size="sm" c="gray.7">
                          {t("tasks.list.decision", { title: task.decision.title })}
                        </Text>
                      ) : null}
                      {task.skills.length ? (
                        <Group gap={4}>
                          {task.skills.map((s) => (
                            <Badge key={s} variant="outline" color="gray.8" size="sm" tt="none">
                              {s}
                            </Badge>
                          ))}
                        </Group>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {task.person ? (
                      <Text>{task.person.name}</Text>
                    ) : (
                      <Badge variant="filled" color="grape.9">
                        {t("tasks.list.unassigned")}
                      </Badge>
                    )}
                    {task.organization ? (
                      <Text size="sm" c="gray.7">
                        {task.organization.name}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {task.effortHours !== null ? t("tasks.list.hours", { hours: task.effortHours }) : t("tasks.list.noEffort")}
                  </Table.Td>
                  <Table.Td>
                    {task.dueOn ? (
                      <Stack gap={2}>
                        <Text>{formatDay(task.dueOn)}</Text>
                        {task.overdue ? (
                          <Badge variant="filled" color="red.9">
                            {t("tasks.list.overdue")}
                          </Badge>
                        ) : null}
                      </Stack>
                    ) : (
                      <Text c="gray.7">{t("tasks.list.noDue")}</Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm" fw={700} c={STATUS_COLOR[task.status]}>
                      {t(`tasks.status.${task.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {task.status === "open" && a.complete ? (
                        <Button size="compact-sm" variant="default" onClick={() => run(task, "done")}>
                          {t("tasks.actions.done")}
                        </Button>
                      ) : null}
                      {more ? (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="default" aria-label={t("tasks.actions.label", { title: task.title })}>
                              <span aria-hidden="true">⋯</span>
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {onEdit && a.update ? (
                              <Menu.Item onClick={() => onEdit(task)}>{t("tasks.actions.edit")}</Menu.Item>
                            ) : null}
                            {task.status !== "open" && (task.status === "cancelled" ? a.cancel : a.reopen) ? (
                              <Menu.Item onClick={() => run(task, "reopen")}>{t("tasks.actions.reopen")}</Menu.Item>
                            ) : null}
                            {task.status !== "cancelled" && a.cancel ? (
                              <Menu.Item onClick={() => run(task, "cancel")}>{t("tasks.actions.cancel")}</Menu.Item>
                            ) : null}
                            {a.delete ? (
                              <Menu.Item color="red.9" onClick={() => setDeleting(task)}>
                                {t("tasks.actions.delete")}
                              </Menu.Item>
                            ) : null}
                          </Menu.Dropdown>
                        </Menu>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={deleting !== null}
        title={t("tasks.actions.deleteTitle")}
        message={t("tasks.actions.deleteMessage", { title: deleting?.title ?? "" })}
        confirmLabel={t("tasks.actions.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              onNotice(t("tasks.list.deleted"));
            },
          })
        }
      />
    </>
  );
}
