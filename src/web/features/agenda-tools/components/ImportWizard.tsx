import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportPreviewDto, ImportSourceInput } from "../../../../shared/contracts/agenda.ts";
import type { OrganizationDto, PlaceDto } from "../../../../shared/contracts/directory.ts";
import { LIMITS } from "../../../../shared/limits.ts";
import { EVENT_VISIBILITIES } from "../../../../shared/vocabulary.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type ImportResult, useImportCommit, useImportPreview } from "../api/agenda-tools.ts";
import { ImportPreviewTable } from "./ImportPreviewTable.tsx";

type Mode = "file" | "url";
type FieldErrors = Partial<Record<"organizerId" | "placeId" | "content" | "url" | "visibility", string>>;

interface ImportWizardProps {
  slug: string;
  /** The organisations this person may import for. */
  organizers: OrganizationDto[];
  places: PlaceDto[];
}

/** Choose a source, see what it would do, leave rows out, then import: nothing is written before the last step. */
export function ImportWizard({ slug, organizers, places }: ImportWizardProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const previewMutation = useImportPreview(slug);
  const commit = useImportCommit(slug);

  const [organizerId, setOrganizerId] = useState(organizers.length === 1 ? (organizers[0]?.id ?? "") : "");
  const [placeId, setPlaceId] = useState("");
  const [visibility, setVisibility] = useState<(typeof EVENT_VISIBILITIES)[number]>("consortium");
  const [mode, setMode] = useState<Mode>("file");
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState("");
  const [subscribe, setSubscribe] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<{ source: ImportSourceInput; data: ImportPreviewDto } | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(() => new Set());
  const [result, setResult] = useState<{ result: ImportResult; subscribed: boolean } | null>(null);

  const busy = reading || previewMutation.isPending || commit.isPending;
  const chosenCount = preview ? preview.data.rows.filter((r) => r.action !== "skip" && !excluded.has(r.uid)).length : 0;
  // Subscribing is worth it even when nothing is new yet: later changes of the calendar will come in.
  const subscribing = Boolean(preview && "url" in preview.source && preview.source.url && subscribe);

  function showError(error: unknown) {
    if (error instanceof ApiError && Object.keys(error.fields).length) {
      const { organizerId: o, placeId: p, content: c, url: u, visibility: v } = error.fields;
      setErrors({ organizerId: o, placeId: p, content: c, url: u, visibility: v });
    }
  }

  async function readFile(f: File): Promise<string | null> {
    if (f.size > LIMITS.icsBytes) {
      setErrors({ content: t("agendaTools.import.errors.tooLarge") });
      return null;
    }
    setReading(true);
    try {
      const text = await f.text();
      if (!/BEGIN:VCALENDAR/i.test(text)) {
        setErrors({ content: t("agendaTools.import.errors.notIcs") });
        return null;
      }
      return text;
    } catch {
      setErrors({ content: t("agendaTools.import.errors.unreadable") });
      return null;
    } finally {
      setReading(false);
    }
  }

  async function submitPreview(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    commit.reset();
    const missing: FieldErrors = {};
    if (!organizerId) missing.organizerId = t("agendaTools.import.errors.organizer");
    if (mode === "file" && !file) missing.content = t("agendaTools.import.errors.noFile");
    if (mode === "url") {
      const trimmed = url.trim();
      if (!trimmed) missing.url = t("agendaTools.import.errors.noUrl");
      else if (!/^(https?|webcal):\/\/\S+$/i.test(trimmed)) missing.url = t("agendaTools.import.errors.badUrl");
    }
    setErrors(missing);
    if (Object.keys(missing).length) return;
    let source: ImportSourceInput;
    const common = { organizerId, placeId: placeId || null, visibility };
    if (mode === "file" && file) {
      const content = await readFile(file);
      if (content === null) return;
      source = { ...common, content };
    } else {
      source = { ...common, url: url.trim() };
    }
    previewMutation.mutate(source, {
      onSuccess: (data) => {
        // Probable duplicates start unticked: importing them would create the very doublons the agenda hunts.
        setExcluded(new Set(data.rows.filter((r) => r.action !== "skip" && r.duplicates.length > 0).map((r) => r.uid)));
        setPreview({ source, data });
      },
      onError: showError,
    });
  }

  function runImport() {
    if (!preview) return;
    commit.mutate(
      { ...preview.source, skipUids: [...excluded], subscribe: subscribing },
      {
        onSuccess: (data) => {
          setResult({ result: data, subscribed: data.subscriptionId !== null });
          setPreview(null);
          setFile(null);
          if (fileInput.current) fileInput.current.value = "";
        },
        onError: showError,
      },
    );
  }

  const progress = reading
    ? t("agendaTools.import.progress.reading")
    : previewMutation.isPending
      ? t(mode === "url" ? "agendaTools.import.progress.fetching" : "agendaTools.import.progress.parsing")
      : commit.isPending
        ? t("agendaTools.import.progress.importing", { count: chosenCount })
        : "";

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="import-source">
        <form onSubmit={submitPreview} noValidate>
          <fieldset disabled={preview !== null || busy} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <Title order={2} size="h3" id="import-source">
                {t("agendaTools.import.sourceTitle")}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <NativeSelect
                  label={t("agendaTools.import.organizer")}
                  description={t("agendaTools.import.organizerHint")}
                  required
                  value={organizerId}
                  onChange={(e) => {
                    setOrganizerId(e.currentTarget.value);
                    setErrors((x) => ({ ...x, organizerId: undefined }));
                  }}
                  data={[
                    ...(organizers.length > 1 ? [{ value: "", label: t("agendaTools.import.choose") }] : []),
                    ...organizers.map((o) => ({ value: o.id, label: o.name })),
                  ]}
                  error={errors.organizerId}
                />
                <NativeSelect
                  label={t("agendaTools.import.place")}
                  description={t("agendaTools.import.placeHint")}
                  value={placeId}
                  onChange={(e) => setPlaceId(e.currentTarget.value)}
                  data={[
                    { value: "", label: t("agendaTools.import.noPlace") },
                    ...places.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  error={errors.placeId}
                />
                <NativeSelect
                  label={t("agendaTools.import.visibility")}
                  description={t("agendaTools.import.visibilityHint")}
                  value={visibility}
                  onChange={(e) => setVisibility(e.currentTarget.value as (typeof EVENT_VISIBILITIES)[number])}
                  data={EVENT_VISIBILITIES.map((v) => ({ value: v, label: t(`agendaTools.visibilities.${v}`) }))}
                  error={errors.visibility}
                />
              </SimpleGrid>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="import-mode">
                  {t("agendaTools.import.mode")}
                </Text>
                <SegmentedControl
                  aria-labelledby="import-mode"
                  value={mode}
                  onChange={(v) => {
                    setMode(v as Mode);
                    setErrors({});
                  }}
                  data={[
                    { value: "file", label: t("agendaTools.import.modes.file") },
                    { value: "url", label: t("agendaTools.import.modes.url") },
                  ]}
                  style={{ alignSelf: "flex-start" }}
                />
              </Stack>
              {mode === "file" ? (
                <Input.Wrapper
                  label={t("agendaTools.import.file")}
                  description={t("agendaTools.import.fileHint")}
                  error={errors.content}
                  id={fileId}
                >
                  <input
                    ref={fileInput}
                    id={fileId}
                    type="file"
                    accept=".ics,text/calendar"
                    aria-invalid={errors.content ? true : undefined}
                    aria-describedby={errors.content ? `${fileId}-error` : `${fileId}-description`}
                    onChange={(e) => {
                      setFile(e.currentTarget.files?.[0] ?? null);
                      setErrors((x) => ({ ...x, content: undefined }));
                    }}
                    style={{ display: "block", marginTop: 6 }}
                  />
                </Input.Wrapper>
              ) : (
                <Stack gap="xs">
                  <TextInput
                    label={t("agendaTools.import.url")}
                    description={t("agendaTools.import.urlHint")}
                    placeholder="https://…/agenda.ics"
                    type="url"
                    required
                    value={url}
                    onChange={(e) => {
                      setUrl(e.currentTarget.value);
                      setErrors((x) => ({ ...x, url: undefined }));
                    }}
                    error={errors.url}
                  />
                  <Checkbox
                    label={t("agendaTools.import.subscribe")}
                    description={t("agendaTools.import.subscribeHint")}
                    checked={subscribe}
                    onChange={(e) => setSubscribe(e.currentTarget.checked)}
                  />
                </Stack>
              )}
              {preview === null ? (
                <Group>
                  <Button type="submit" loading={reading || previewMutation.isPending}>
                    {t("agendaTools.import.preview")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </fieldset>
        </form>
        {preview === null && !errors.content && !errors.url ? <ErrorAlert error={previewMutation.error} /> : null}
      </Paper>

      <Text role="status" aria-live="polite" size="sm" c="gray.8" fw={500}>
        {progress}
      </Text>

      {result ? (
        <Alert color="indigo" variant="outline" title={t("agendaTools.import.doneTitle")} role="status">
          <Stack gap={6}>
            <Text>
              {t("agendaTools.import.done", {
                created: t("agendaTools.import.createdCount", { count: result.result.created }),
                updated: t("agendaTools.import.updatedCount", { count: result.result.updated }),
                skipped: t("agendaTools.import.skippedCount", { count: result.result.skipped }),
              })}
            </Text>
            {result.subscribed ? <Text>{t("agendaTools.import.subscribed")}</Text> : null}
            <Anchor component={Link} to={`/c/${slug}/agenda`}>
              {t("agendaTools.import.seeCalendar")}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}

      {preview ? (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="import-preview">
          <Stack gap="md">
            <Title order={2} size="h3" id="import-preview">
              {t("agendaTools.import.previewTitle")}
            </Title>
            <Text>
              {t("agendaTools.import.counts", {
                create: t("agendaTools.import.toCreate", { count: preview.data.counts.create }),
                update: t("agendaTools.import.toUpdate", { count: preview.data.counts.update }),
                skip: t("agendaTools.import.toSkip", { count: preview.data.counts.skip }),
              })}
            </Text>
            {preview.data.rows.some((r) => r.duplicates.length > 0) ? (
              <Alert color="orange" variant="outline" role="note">
                {t("agendaTools.import.duplicatesNote")}
              </Alert>
            ) : null}
            {preview.data.rows.length ? (
              <ImportPreviewTable
                slug={slug}
                preview={preview.data}
                excluded={excluded}
                disabled={commit.isPending}
                onToggle={(uid, include) =>
                  setExcluded((prev) => {
                    const next = new Set(prev);
                    if (include) next.delete(uid);
                    else next.add(uid);
                    return next;
                  })
                }
              />
            ) : (
              <Text c="gray.7">{t("agendaTools.import.nothing")}</Text>
            )}
            <ErrorAlert error={commit.error} />
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={commit.isPending}
                onClick={() => {
                  setPreview(null);
                  commit.reset();
                }}
              >
                {t("agendaTools.import.changeSource")}
              </Button>
              <Button onClick={runImport} loading={commit.isPending} disabled={chosenCount === 0 && !subscribing}>
                {t(subscribing ? "agendaTools.import.runAndSubscribe" : "agendaTools.import.run", { count: chosenCount })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
