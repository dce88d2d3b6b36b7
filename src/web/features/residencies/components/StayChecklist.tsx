import { Button, Checkbox, Group, Progress, Stack, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { AddChecklistItemInput, type ChecklistItemDto, type StayDto } from "../../../../shared/contracts/residencies.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { validate } from "../../../lib/forms.ts";
import { ConfirmToolDialog } from "../../agenda-tools/components/ToolDialog.tsx";
import { useAddChecklistItem, useDeleteChecklistItem, useUpdateChecklistItem } from "../api/residencies.ts";

const when = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" }).format(
    new Date(iso),
  );

/** One item: its box, who ticked it, and (for the host) rename and remove. */
function Item({
  item,
  shownDone,
  editing,
  pending,
  onTick,
  onRename,
  onRemove,
}: {
  item: ChecklistItemDto;
  /** Ticked as the user just asked, while the server confirms. */
  shownDone: boolean;
  /** The list is being edited: rename and remove show. */
  editing: boolean;
  pending: boolean;
  onTick: (done: boolean) => void;
  onRename: (label: string, onError: (error: unknown) => void, onDone: () => void) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(item.label);
  const [error, setError] = useState<string | undefined>();

  function rename(event: FormEvent) {
    event.preventDefault();
    const checked = validate(AddChecklistItemInput, { label });
    if (!checked.ok) return setError(checked.fields.label);
    onRename(
      label,
      (e) => setError(e instanceof ApiError ? (e.fields.label ?? e.message) : t("errors.generic")),
      () => setRenaming(false),
    );
  }

  if (renaming)
    return (
      <form onSubmit={rename} noValidate>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t("residencies.checklist.renameLabel", { label: item.label })}
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            style={{ flex: 1 }}
            size="sm"
            data-autofocus
          />
          <Button type="submit" size="sm" loading={pending}>
            {t("common.save")}
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => {
              setRenaming(false);
              setLabel(item.label);
              setError(undefined);
            }}
          >
            {t("common.cancel")}
          </Button>
        </Group>
      </form>
    );

  const doneText =
    item.done && item.doneAt
      ? item.doneByName
        ? t("residencies.checklist.doneBy", { name: item.doneByName, date: when(item.doneAt, i18n.language) })
        : t("residencies.checklist.doneOn", { date: when(item.doneAt, i18n.language) })
      : undefined;

  // Someone who may not tick reads where the hand-over stands, not a form they cannot use.
  if (!item.abilities.tick)
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text span fw={700} c={item.done ? "teal.9" : "gray.6"} w={18} ta="center" aria-hidden>
          {item.done ? "✓" : "○"}
        </Text>
        <div>
          <Text size="sm">
            {item.label}
            <VisuallyHidden> ({item.done ? t("residencies.checklist.done") : t("residencies.checklist.toDo")})</VisuallyHidden>
          </Text>
          {doneText ? (
            <Text size="xs" c="gray.7">
              {doneText}
            </Text>
          ) : null}
        </div>
      </Group>
    );

  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Checkbox
        checked={shownDone}
        disabled={pending}
        onChange={(e) => onTick(e.currentTarget.checked)}
        label={item.label}
        description={doneText}
        styles={item.done ? { label: { color: "var(--mantine-color-gray-8)" } } : undefined}
      />
      {editing && (item.abilities.update || item.abilities.delete) ? (
        <Group gap={4} wrap="nowrap">
          {item.abilities.update ? (
            <Button variant="subtle" size="compact-sm" onClick={() => setRenaming(true)}>
              {t("residencies.checklist.rename")}
              <VisuallyHidden> « {item.label} »</VisuallyHidden>
            </Button>
          ) : null}
          {item.abilities.delete ? (
            <Button variant="subtle" color="red" c="red.9" size="compact-sm" onClick={onRemove}>
              {t("residencies.checklist.remove")}
              <VisuallyHidden> « {item.label} »</VisuallyHidden>
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Group>
  );
}

/**
 * The hand-over checklist of one stay: what must be done before the artist moves on. The host's referents and
 * the coordination tick it; everyone else reads where it stands.
 */
export function StayChecklist({ slug, residencyId, stay }: { slug: string; residencyId: string; stay: StayDto }) {
  const { t } = useTranslation();
  const tick = useUpdateChecklistItem(slug, residencyId);
  const add = useAddChecklistItem(slug, residencyId);
  const remove = useDeleteChecklistItem(slug, residencyId);
  const [label, setLabel] = useState("");
  const [labelError, setLabelError] = useState<string | undefined>();
  const [removing, setRemoving] = useState<ChecklistItemDto | null>(null);
  // Renaming and removing are rarer than ticking: they show once the host asks to change the list.
  const [editing, setEditing] = useState(false);
  const canEdit = stay.abilities.editChecklist === true;
  const { done, total } = stay.progress;
  const headingId = `checklist-${stay.id}`;
  const busyItem = tick.isPending ? tick.variables?.itemId : undefined;
  // What the user just ticked shows at once, while the server confirms (or refuses, and it goes back).
  const [asked, setAsked] = useState<Record<string, boolean>>({});

  function addItem(event: FormEvent) {
    event.preventDefault();
    const checked = validate(AddChecklistItemInput, { label });
    if (!checked.ok) return setLabelError(checked.fields.label);
    add.mutate(
      { stayId: stay.id, label },
      {
        onSuccess: () => setLabel(""),
        onError: (e) => setLabelError(e instanceof ApiError ? (e.fields.label ?? e.message) : t("errors.generic")),
      },
    );
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h5" id={headingId}>
          {t("residencies.checklist.title")}
        </Title>
        <Text size="sm" fw={600} c={total > 0 && done === total ? "teal.9" : "gray.8"}>
          {t("residencies.checklist.progress", { done, total })}
        </Text>
      </Group>
      <Progress
        value={total ? (done / total) * 100 : 0}
        color={total > 0 && done === total ? "teal" : "indigo"}
        size="sm"
        aria-label={t("residencies.checklist.progressLong", { done, total })}
      />
      {stay.checklist.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("residencies.checklist.empty")}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {stay.checklist.map((item) => (
            <li key={item.id}>
              <Item
                item={item}
                shownDone={asked[item.id] ?? item.done}
                editing={editing}
                pending={busyItem === item.id}
                onTick={(value) => {
                  setAsked((m) => ({ ...m, [item.id]: value }));
                  tick.mutate(
                    { stayId: stay.id, itemId: item.id, done: value },
                    {
                      onSettled: () => setAsked((m) => Object.fromEntries(Object.entries(m).filter(([id]) => id !== item.id))),
                    },
                  );
                }}
                onRename={(next, onError, onDone) =>
                  tick.mutate({ stayId: stay.id, itemId: item.id, label: next }, { onSuccess: onDone, onError })
                }
                onRemove={() => {
                  remove.reset();
                  setRemoving(item);
                }}
              />
            </li>
          ))}
        </Stack>
      )}
      {tick.error && !(tick.error instanceof ApiError && tick.error.fields.label) ? <ErrorAlert error={tick.error} /> : null}
      {canEdit && !editing ? (
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t("residencies.checklist.edit")}
            <VisuallyHidden> — {stay.placeName}</VisuallyHidden>
          </Button>
        </Group>
      ) : null}
      {canEdit && editing ? (
        <form onSubmit={addItem} noValidate>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t("residencies.checklist.newItem")}
              placeholder={t("residencies.checklist.newItemPlaceholder")}
              value={label}
              onChange={(e) => {
                setLabel(e.currentTarget.value);
                setLabelError(undefined);
              }}
              error={labelError}
              size="sm"
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" size="sm" loading={add.isPending} mb={labelError ? 22 : 0}>
              {t("residencies.checklist.add")}
            </Button>
          </Group>
          <Group justify="flex-end" mt="xs">
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => {
                setEditing(false);
                setLabel("");
                setLabelError(undefined);
              }}
            >
              {t("residencies.checklist.doneEditing")}
            </Button>
          </Group>
        </form>
      ) : null}
      <ConfirmToolDialog
        opened={removing !== null}
        title={t("residencies.checklist.removeTitle")}
        message={t("residencies.checklist.removeConfirm", { label: removing?.label ?? "", place: stay.placeName })}
        confirmLabel={t("residencies.checklist.remove")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate({ stayId: stay.id, itemId: removing.id }, { onSuccess: () => setRemoving(null) })
        }
      />
    </Stack>
  );
}
