import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonDto, PlaceDto } from "../../../../shared/contracts/directory.ts";
import { CreateStayInput, type ResidencyDto, type StayDto, UpdateStayInput } from "../../../../shared/contracts/residencies.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { usePeople } from "../../directory/api/people.ts";
import { useAddStay, useUpdateStay } from "../api/residencies.ts";
import { stayRange } from "../lib/format.ts";

const SHOWN = ["placeId", "from", "to", "referentId", "summary"];

interface Props {
  slug: string;
  residency: ResidencyDto;
  places: PlaceDto[];
  /** "add" opens an empty stay; a stay opens it for editing; null closes. */
  target: "add" | StayDto | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

interface Values {
  placeId: string;
  from: string;
  to: string;
  referentId: string;
  summary: string;
}

const nameOf = (p: PersonDto) => `${p.firstName} ${p.lastName}`;

/**
 * Adds a stay to the route or changes one. The coordination sets the place and the days; the host's referent
 * (who may not move the stay) sees them read-only and says who welcomes the artist and what they do.
 */
export function StayDialog({ slug, residency, places, target, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stay = target && target !== "add" ? target : null;
  const add = useAddStay(slug, residency.id);
  const update = useUpdateStay(slug, residency.id);
  const request = stay ? update : add;
  const canMove = stay ? stay.abilities.update === true : residency.abilities.addStay === true;
  const [values, setValues] = useState<Values>({ placeId: "", from: "", to: "", referentId: "", summary: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // The answer sits under the fields: a long dialog brings it into view.
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [failure]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (!target) return;
    const last = residency.stays.at(-1);
    setValues(
      stay
        ? {
            placeId: stay.placeId,
            from: stay.from,
            to: stay.to,
            referentId: stay.referent?.id ?? "",
            summary: stay.summary ?? "",
          }
        : // A new stay is most often the next one: the day after the last stay ends is a fair guess.
          { placeId: "", from: last ? nextDay(last.to) : "", to: "", referentId: "", summary: "" },
    );
    setErrors({});
    setFailure(null);
    add.reset();
    update.reset();
  }, [target]);

  const place = places.find((p) => p.id === values.placeId);
  const hostId = place?.organizationId ?? stay?.organizationId ?? "";
  const hostPeople = usePeople(slug, { organizationId: hostId, pageSize: 100 }, Boolean(target) && Boolean(hostId));
  const everyone = usePeople(slug, { pageSize: 100 }, Boolean(target));

  const referentOptions = useMemo(() => {
    const hosts = hostPeople.data?.items ?? [];
    const hostIds = new Set(hosts.map((p) => p.id));
    const others = (everyone.data?.items ?? []).filter((p) => !hostIds.has(p.id));
    const known = new Set([...hostIds, ...others.map((p) => p.id)]);
    const byName = (a: PersonDto, b: PersonDto) => nameOf(a).localeCompare(nameOf(b), "fr");
    // The current referent may lie beyond the first page of the directory: keep them choosable.
    const current =
      stay?.referent && !known.has(stay.referent.id) ? [{ value: stay.referent.id, label: stay.referent.name }] : [];
    return [
      { value: "", label: t("residencies.stay.noReferent") },
      ...current,
      ...(hosts.length && place
        ? [{ group: place.organizationName, items: [...hosts].sort(byName).map((p) => ({ value: p.id, label: nameOf(p) })) }]
        : []),
      ...(others.length
        ? [
            {
              group: t("residencies.stay.otherPeople"),
              items: [...others].sort(byName).map((p) => ({ value: p.id, label: nameOf(p) })),
            },
          ]
        : []),
    ];
  }, [hostPeople.data, everyone.data, place, stay, t]);

  const placeOptions = useMemo(
    () => [
      { value: "", label: t("residencies.stay.choosePlace") },
      ...[...places]
        .sort((a, b) => a.name.localeCompare(b.name, "fr"))
        .map((p) => ({
          value: p.id,
          label: p.name === p.organizationName ? p.name : `${p.name} (${p.organizationName})`,
        })),
    ],
    [places, t],
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  }

  function onError(error: unknown) {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      setErrors(error.fields);
      const rest = Object.entries(error.fields).filter(([k]) => !SHOWN.includes(k));
      setFailure(rest.length ? error : null);
      return;
    }
    setFailure(error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const referentId = values.referentId || null;
    if (!stay) {
      const body = { placeId: values.placeId, from: values.from, to: values.to, referentId, summary: values.summary };
      const checked = validate(CreateStayInput, body);
      if (!checked.ok) return setErrors(checked.fields);
      add.mutate(body, { onSuccess: () => onDone(t("residencies.stay.added")), onError });
      return;
    }
    // Only what changed is sent: a host's referent may not send the place or the days at all.
    const body = {
      ...(canMove && values.placeId !== stay.placeId ? { placeId: values.placeId } : {}),
      ...(canMove && values.from !== stay.from ? { from: values.from } : {}),
      ...(canMove && values.to !== stay.to ? { to: values.to } : {}),
      // Sent with a new place too: the server would otherwise leave the new host without a referent.
      ...(referentId !== (stay.referent?.id ?? null) || (canMove && values.placeId !== stay.placeId) ? { referentId } : {}),
      ...(values.summary.trim() !== (stay.summary ?? "") ? { summary: values.summary } : {}),
    };
    if (Object.keys(body).length === 0) return onDone(t("residencies.stay.unchanged"));
    const checked = validate(UpdateStayInput, body);
    if (!checked.ok) return setErrors(checked.fields);
    update.mutate({ stayId: stay.id, ...body }, { onSuccess: () => onDone(t("residencies.stay.saved")), onError });
  }

  const conflict = failure instanceof ApiError && failure.status === 409;

  return (
    <ToolModal
      opened={target !== null}
      onClose={onClose}
      title={stay ? t("residencies.stay.editTitle", { place: stay.placeName }) : t("residencies.stay.addTitle")}
    >
      {target ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {canMove ? (
              <>
                <NativeSelect
                  label={t("residencies.stay.place")}
                  description={t("residencies.stay.placeHint")}
                  required
                  data={placeOptions}
                  value={values.placeId}
                  onChange={(e) => {
                    const next = places.find((p) => p.id === e.currentTarget.value);
                    // The previous host's person does not follow the stay to another host.
                    const ofOldHost = (hostPeople.data?.items ?? []).some((p) => p.id === values.referentId);
                    set("placeId", e.currentTarget.value);
                    if (ofOldHost && next?.organizationId !== hostId) setValues((v) => ({ ...v, referentId: "" }));
                  }}
                  error={errors.placeId || undefined}
                />
                <SimpleGrid cols={{ base: 1, xs: 2 }}>
                  <TextInput
                    type="date"
                    label={t("residencies.stay.from")}
                    required
                    value={values.from}
                    onChange={(e) => set("from", e.currentTarget.value)}
                    error={errors.from || undefined}
                  />
                  <TextInput
                    type="date"
                    label={t("residencies.stay.to")}
                    description={t("residencies.stay.toHint")}
                    required
                    min={values.from || undefined}
                    value={values.to}
                    onChange={(e) => set("to", e.currentTarget.value)}
                    error={errors.to || undefined}
                  />
                </SimpleGrid>
              </>
            ) : stay ? (
              <Text size="sm">
                {t("residencies.stay.fixed", { place: stay.placeName, dates: stayRange(stay.from, stay.to, lang) })}
              </Text>
            ) : null}
            <NativeSelect
              label={t("residencies.stay.referent")}
              description={t("residencies.stay.referentHint")}
              data={referentOptions}
              value={values.referentId}
              onChange={(e) => set("referentId", e.currentTarget.value)}
              error={errors.referentId || undefined}
            />
            <Textarea
              label={t("residencies.stay.summary")}
              description={t("residencies.stay.summaryHint")}
              autosize
              minRows={2}
              value={values.summary}
              onChange={(e) => set("summary", e.currentTarget.value)}
              error={errors.summary || undefined}
            />
            {!stay ? (
              <Text size="sm" c="gray.7">
                {t("residencies.stay.checklistNote")}
              </Text>
            ) : null}
            {failure ? (
              <div ref={failureRef}>
                {conflict ? (
                  <Alert color="red.9" variant="outline" role="alert" title={t("residencies.stay.overlapTitle")}>
                    <Text fw={600}>{(failure as ApiError).message}</Text>
                  </Alert>
                ) : (
                  <ErrorAlert error={failure} />
                )}
              </div>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={request.isPending}>
                {stay ? t("common.save") : t("residencies.stay.add")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ToolModal>
  );
}

/** The calendar day after `day` ("YYYY-MM-DD"). */
function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
