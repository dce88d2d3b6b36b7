import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CreateSpaceInput, type PlaceDto, type SpaceDto } from "../../../../shared/contracts/directory.ts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { useCreateSpace, useDeleteSpace, useUpdateSpace } from "../api/places.ts";
import { AccessibilityCheckboxes } from "./AccessibilityCheckboxes.tsx";

function SpaceForm({
  slug,
  place,
  space,
  onDone,
}: {
  slug: string;
  place: PlaceDto;
  space: SpaceDto | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSpace(slug, place.id);
  const update = useUpdateSpace(slug);
  const pending = create.isPending || update.isPending;
  const form = useFormState({
    name: space?.name ?? "",
    capacity: (space?.capacity ?? "") as number | string,
    equipment: space?.equipment ?? ([] as string[]),
    accessibility: space?.accessibility ?? ([] as string[]),
    description: space?.description ?? "",
  });
  const v = form.values;

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = form.check(CreateSpaceInput, { ...v, capacity: v.capacity === "" ? null : Number(v.capacity) });
    if (!data) return;
    const handlers = { onSuccess: onDone, onError: (e: unknown) => form.handleError(e) };
    if (space) update.mutate({ id: space.id, input: data }, handlers);
    else create.mutate(data, handlers);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={space ? t("spaces.editTitle") : t("spaces.addTitle")}>
      <Stack gap="sm">
        <TextInput
          label={t("spaces.fields.name")}
          required
          value={v.name}
          onChange={(e) => form.set("name", e.currentTarget.value)}
          error={form.errors.name}
        />
        <NumberInput
          label={t("spaces.fields.capacity")}
          min={1}
          allowDecimal={false}
          value={v.capacity}
          onChange={(value) => form.set("capacity", value)}
          error={form.errors.capacity}
        />
        <TagsInput
          label={t("spaces.fields.equipment")}
          description={t("common.tagsHint")}
          value={v.equipment}
          onChange={(value) => form.set("equipment", value)}
          error={form.errors.equipment}
        />
        <AccessibilityCheckboxes
          label={t("spaces.fields.accessibility")}
          value={v.accessibility}
          onChange={(value) => form.set("accessibility", value)}
        />
        <Textarea
          label={t("spaces.fields.description")}
          autosize
          minRows={2}
          value={v.description}
          onChange={(e) => form.set("description", e.currentTarget.value)}
          error={form.errors.description}
        />
        <FormActions
          error={form.formError}
          pending={pending}
          submitLabel={space ? t("common.save") : t("spaces.add")}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

export function SpacesSection({ slug, place }: { slug: string; place: PlaceDto }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SpaceDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<SpaceDto | null>(null);
  const remove = useDeleteSpace(slug);
  const canAdd = Boolean(place.abilities.manageSpaces);

  return (
    <section aria-labelledby="spaces-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="spaces-title">
          {t("spaces.title")}
        </Title>
        {canAdd && place.spaces.length > 0 ? <Button onClick={() => setEditing("new")}>{t("spaces.add")}</Button> : null}
      </Group>
      {place.spaces.length === 0 ? (
        <EmptyState
          message={t("spaces.empty")}
          action={canAdd ? <Button onClick={() => setEditing("new")}>{t("spaces.add")}</Button> : undefined}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {place.spaces.map((s) => (
            <Paper key={s.id} withBorder p="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Title order={3} size="h5">
                    {s.name}
                  </Title>
                  {s.capacity ? <Badge color="gray.8">{t("spaces.capacity", { count: s.capacity })}</Badge> : null}
                </Group>
                {s.description ? <Text size="sm">{s.description}</Text> : null}
                {s.equipment.length ? (
                  <Text size="sm">
                    <strong>{t("spaces.fields.equipment")} :</strong> {s.equipment.join(", ")}
                  </Text>
                ) : null}
                {s.accessibility.length ? (
                  <Text size="sm">
                    <strong>{t("spaces.fields.accessibility")} :</strong>{" "}
                    {s.accessibility.map((a) => t(`accessibility.${a}`)).join(", ")}
                  </Text>
                ) : null}
                <Group gap="xs">
                  {s.abilities.update ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(s)}
                      aria-label={t("spaces.editNamed", { name: s.name })}
                    >
                      {t("common.edit")}
                    </Button>
                  ) : null}
                  {s.abilities.delete ? (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => setDeleting(s)}
                      aria-label={t("spaces.deleteNamed", { name: s.name })}
                    >
                      {t("common.delete")}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("spaces.addTitle") : t("spaces.editTitle")}
        size="lg"
      >
        {editing !== null ? (
          <SpaceForm slug={slug} place={place} space={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t("spaces.deleteTitle")}
        message={t("spaces.deleteConfirm", { name: deleting?.name ?? "" })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </section>
  );
}
