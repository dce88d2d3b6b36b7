import {
  Button,
  Group,
  NativeSelect,
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
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CreateTaskInput,
  HOURS_PER_POINT,
  type TaskChoicesDto,
  type TaskDto,
  UpdateTaskInput,
} from "../../../../shared/contracts/tasks.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useCreateTask, useSuggestions, useUpdateTask } from "../api/tasks.ts";
import { SuggestionList } from "./SuggestionList.tsx";

const SHOWN = ["title", "description", "personId", "organizationId", "effortHours", "dueOn", "bodyId", "decisionId", "skills"];

interface Values {
  title: string;
  description: string;
  personId: string;
  organizationId: string;
  effortHours: number | string;
  dueOn: string;
  bodyId: string;
  decisionId: string;
  skills: string[];
}

const empty: Values = {
  title: "",
  description: "",
  personId: "",
  organizationId: "",
  effortHours: "",
  dueOn: "",
  bodyId: "",
  decisionId: "",
  skills: [],
};

interface Props {
  slug: string;
  choices: TaskChoicesDto;
  /** "new" opens an empty task; a task opens it for editing; null closes. */
  target: "new" | TaskDto | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * Creates or edits a task. While nobody carries it, the people who could take it are suggested from the skills
 * typed (most skills first, then the lightest load), and one click gives it to them.
 */
export function TaskDialog({ slug, choices, target, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const task = target && target !== "new" ? target : null;
  const create = useCreateTask(slug);
  const update = useUpdateTask(slug);
  const request = task ? update : create;
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (!target) return;
    setValues(
      task
        ? {
            title: task.title,
            description: task.description ?? "",
            personId: task.person?.id ?? "",
            organizationId: task.organization?.id ?? "",
            effortHours: task.effortHours ?? "",
            dueOn: task.dueOn ?? "",
            bodyId: task.body?.id ?? "",
            decisionId: task.decision?.id ?? "",
            skills: task.skills,
          }
        : empty,
    );
    setErrors({});
    setFailure(null);
    create.reset();
    update.reset();
  }, [target]);

  const suggestions = useSuggestions(slug, values.skills, target !== null && values.personId === "");

  const personOptions = useMemo(() => {
    const orgName = new Map(choices.organizations.map((o) => [o.id, o.name]));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const p of choices.people) {
      const group = (p.organizationId && orgName.get(p.organizationId)) || t("tasks.form.otherPeople");
      groups.set(group, [...(groups.get(group) ?? []), { value: p.id, label: p.name }]);
    }
    return [
      { value: "", label: t("tasks.form.noPerson") },
      ...[...groups.entries()].sort(([a], [b]) => a.localeCompare(b, "fr")).map(([group, items]) => ({ group, items })),
    ];
  }, [choices, t]);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  }

  function onError(error: unknown) {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      setErrors(error.fields);
      setFailure(Object.keys(error.fields).some((k) => !SHOWN.includes(k)) ? error : null);
      return;
    }
    setFailure(error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const body = {
      title: values.title,
      description: values.description,
      personId: values.personId || null,
      effortHours: values.effortHours === "" ? null : Number(values.effortHours),
      dueOn: values.dueOn || null,
      bodyId: values.bodyId || null,
      decisionId: values.decisionId || null,
      skills: values.skills,
      // Empty: the server takes the person's organisation (or a referent's own); sent only when chosen.
      ...(values.organizationId ? { organizationId: values.organizationId } : task ? { organizationId: null } : {}),
    };
    if (!task) {
      const checked = validate(CreateTaskInput, body);
      if (!checked.ok) return setErrors(checked.fields);
      create.mutate(body, { onSuccess: () => onDone(t("tasks.list.created")), onError });
      return;
    }
    const checked = validate(UpdateTaskInput, body);
    if (!checked.ok) return setErrors(checked.fields);
    update.mutate({ id: task.id, ...body }, { onSuccess: () => onDone(t("tasks.list.saved")), onError });
  }

  return (
    <ToolModal opened={target !== null} onClose={onClose} title={task ? t("tasks.form.editTitle") : t("tasks.form.newTitle")}>
      {target ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("tasks.form.title")}
              required
              value={values.title}
              onChange={(e) => set("title", e.currentTarget.value)}
              error={errors.title || undefined}
            />
            <Textarea
              label={t("tasks.form.description")}
              autosize
              minRows={2}
              value={values.description}
              onChange={(e) => set("description", e.currentTarget.value)}
              error={errors.description || undefined}
            />
            <TagsInput
              label={t("tasks.form.skills")}
              description={t("tasks.form.skillsHint")}
              value={values.skills}
              onChange={(v) => set("skills", v)}
              error={errors.skills || undefined}
            />
            <NativeSelect
              label={t("tasks.form.person")}
              description={t("tasks.form.personHint")}
              data={personOptions}
              value={values.personId}
              onChange={(e) => set("personId", e.currentTarget.value)}
              error={errors.personId || undefined}
            />
            {values.personId === "" ? (
              <Paper withBorder p="sm" radius="md" bg="gray.0">
                <Stack gap="xs">
                  <Title order={3} size="h5">
                    {t("tasks.suggestions.title")}
                  </Title>
                  <Text size="sm" c="gray.7">
                    {t("tasks.suggestions.intro")}
                  </Text>
                  <SuggestionList items={suggestions.data?.items ?? []} onAssign={(personId) => set("personId", personId)} />
                </Stack>
              </Paper>
            ) : null}
            <NativeSelect
              label={t("tasks.form.organization")}
              description={t("tasks.form.organizationHint")}
              data={[
                { value: "", label: t("tasks.form.defaultOrganization") },
                ...choices.organizations.map((o) => ({ value: o.id, label: o.name })),
              ]}
              value={values.organizationId}
              onChange={(e) => set("organizationId", e.currentTarget.value)}
              error={errors.organizationId || undefined}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                label={t("tasks.form.effort")}
                description={t("tasks.form.effortHint", { hours: HOURS_PER_POINT })}
                min={0}
                max={1000}
                step={1}
                decimalScale={1}
                decimalSeparator=","
                value={values.effortHours}
                onChange={(v) => set("effortHours", v)}
                error={errors.effortHours || undefined}
              />
              <TextInput
                type="date"
                label={t("tasks.form.due")}
                value={values.dueOn}
                onChange={(e) => set("dueOn", e.currentTarget.value)}
                error={errors.dueOn || undefined}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NativeSelect
                label={t("tasks.form.body")}
                data={[
                  { value: "", label: t("tasks.form.noBody") },
                  ...choices.bodies.map((b) => ({ value: b.id, label: b.name })),
                ]}
                value={values.bodyId}
                onChange={(e) => set("bodyId", e.currentTarget.value)}
                error={errors.bodyId || undefined}
              />
              <NativeSelect
                label={t("tasks.form.decision")}
                data={[
                  { value: "", label: t("tasks.form.noDecision") },
                  ...choices.decisions.map((d) => ({ value: d.id, label: d.title })),
                ]}
                value={values.decisionId}
                onChange={(e) => set("decisionId", e.currentTarget.value)}
                error={errors.decisionId || undefined}
              />
            </SimpleGrid>
            <ErrorAlert error={failure} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={request.isPending}>
                {task ? t("common.save") : t("tasks.form.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}
