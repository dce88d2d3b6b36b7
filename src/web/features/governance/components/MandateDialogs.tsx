import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays } from "../../../../shared/agenda/time.ts";
import {
  EndMandateInput,
  MANDATE_ROLES,
  type MandateDto,
  MandateInput,
  type MandateRole,
  RenewMandateInput,
} from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { todayInParis } from "../../agenda/lib/calendar.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useOrganizations } from "../../directory/api/organizations.ts";
import { usePeople } from "../../directory/api/people.ts";
import { useAddMandate, useEndMandate, useRenewMandate } from "../api/bodies.ts";

/** 422 fields on the inputs; anything else (or a field the form does not show) in the alert. */
function splitError(error: unknown, shown: string[]): { fields: FieldErrors; alert: unknown } {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const unknown = Object.keys(error.fields).some((k) => !shown.includes(k));
    return { fields: error.fields, alert: unknown ? error : null };
  }
  return { fields: {}, alert: error };
}

function Actions({
  onClose,
  label,
  pending,
  danger,
}: {
  onClose: () => void;
  label: string;
  pending: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={pending} color={danger ? "red" : undefined}>
        {label}
      </Button>
    </Group>
  );
}

const ADD_FIELDS = ["personId", "organizationId", "role", "title", "startsOn", "endsOn"];

/** Gives someone a seat: a person (possibly for an organisation) or an organisation, with a role and dates. */
export function AddMandateDialog({
  slug,
  bodyId,
  opened,
  onClose,
  onDone,
}: {
  slug: string;
  bodyId: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<"person" | "organization">("person");
  const [search, setSearch] = useState("");
  const [values, setValues] = useState({
    personId: "",
    organizationId: "",
    role: "member" as MandateRole,
    title: "",
    startsOn: todayInParis(),
    endsOn: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const people = usePeople(slug, { q: search.trim() || undefined, pageSize: 100 }, opened && kind === "person");
  const organizations = useOrganizations(slug);
  const add = useAddMandate(slug, bodyId);
  const set = (key: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  };
  const served = splitError(add.error, ADD_FIELDS);
  const fieldError = (key: string) => errors[key] || served.fields[key] || undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      personId: kind === "person" ? values.personId || null : null,
      organizationId: values.organizationId || null,
      role: values.role,
      title: values.title,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
    };
    const checked = validate(MandateInput, input);
    if (!checked.ok) {
      setErrors(
        kind === "organization" && checked.fields.personId ? { organizationId: checked.fields.personId } : checked.fields,
      );
      return;
    }
    add.mutate(input, {
      onSuccess: () => {
        onDone();
        onClose();
      },
    });
  }

  const personOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` }));
  const organizationOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <ToolModal opened={opened} onClose={onClose} title={t("governance.mandate.addTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group label={t("governance.mandate.holderKind")} value={kind} onChange={(v) => setKind(v as typeof kind)}>
            <Group gap="lg" mt={4}>
              <Radio value="person" label={t("governance.mandate.person")} />
              <Radio value="organization" label={t("governance.mandate.organization")} />
            </Group>
          </Radio.Group>
          {kind === "person" ? (
            <>
              <TextInput
                label={t("governance.mandate.personSearch")}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                type="search"
              />
              <NativeSelect
                label={t("governance.mandate.personField")}
                required
                value={values.personId}
                onChange={(e) => set("personId", e.currentTarget.value)}
                data={[{ value: "", label: "—" }, ...personOptions]}
                error={fieldError("personId")}
              />
            </>
          ) : null}
          <NativeSelect
            label={kind === "person" ? t("governance.mandate.forOrganization") : t("governance.mandate.organizationField")}
            required={kind === "organization"}
            value={values.organizationId}
            onChange={(e) => set("organizationId", e.currentTarget.value)}
            data={[{ value: "", label: "—" }, ...organizationOptions]}
            error={fieldError("organizationId")}
          />
          <NativeSelect
            label={t("governance.mandate.role")}
            value={values.role}
            onChange={(e) => set("role", e.currentTarget.value)}
            data={MANDATE_ROLES.map((r) => ({ value: r, label: t(`governance.roles.${r}`) }))}
            error={fieldError("role")}
          />
          <TextInput
            label={t("governance.mandate.title")}
            description={t("governance.mandate.titleHint")}
            value={values.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={fieldError("title")}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("governance.mandate.startsOn")}
              required
              value={values.startsOn}
              onChange={(e) => set("startsOn", e.currentTarget.value)}
              error={fieldError("startsOn")}
            />
            <TextInput
              type="date"
              label={t("governance.mandate.endsOn")}
              description={t("governance.mandate.endsOnHint")}
              value={values.endsOn}
              onChange={(e) => set("endsOn", e.currentTarget.value)}
              error={fieldError("endsOn")}
            />
          </Group>
          <ErrorAlert error={served.alert} />
          <Actions onClose={onClose} label={t("governance.mandate.add")} pending={add.isPending} />
        </Stack>
      </form>
    </ToolModal>
  );
}

/** Asks before ending a mandate early: its last day and the reason, both kept in the history. */
export function EndMandateDialog({
  slug,
  bodyId,
  mandate,
  onClose,
  onDone,
}: {
  slug: string;
  bodyId: string;
  mandate: MandateDto | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [endsOn, setEndsOn] = useState(todayInParis());
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const end = useEndMandate(slug, bodyId);
  const served = splitError(end.error, ["endsOn", "reason"]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!mandate) return;
    const checked = validate(EndMandateInput, { endsOn, reason });
    if (!checked.ok) return setErrors(checked.fields);
    end.mutate(
      { mandateId: mandate.id, endsOn, reason },
      {
        onSuccess: () => {
          onDone();
          onClose();
        },
      },
    );
  }
  return (
    <ToolModal
      opened={mandate !== null}
      onClose={onClose}
      title={t("governance.mandate.endTitle", { name: mandate?.holderName ?? "" })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text>{t("governance.mandate.endText")}</Text>
          <TextInput
            type="date"
            label={t("governance.mandate.endOn")}
            required
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={errors.endsOn || served.fields.endsOn}
          />
          <TextInput
            label={t("governance.mandate.reason")}
            description={t("governance.mandate.reasonHint")}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason || served.fields.reason}
          />
          <ErrorAlert error={served.alert} />
          <Actions onClose={onClose} label={t("governance.mandate.confirmEnd")} pending={end.isPending} danger />
        </Stack>
      </form>
    </ToolModal>
  );
}

/** A new term after the old one: it starts the day after by default, and the old mandate stays as it was. */
export function RenewMandateDialog({
  slug,
  bodyId,
  mandate,
  onClose,
  onDone,
}: {
  slug: string;
  bodyId: string;
  mandate: MandateDto | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const renew = useRenewMandate(slug, bodyId);
  const dayAfter = mandate?.endsOn ? addDays(mandate.endsOn, 1) : todayInParis();
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [endsOn, setEndsOn] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const served = splitError(renew.error, ["startsOn", "endsOn"]);
  const start = startsOn ?? dayAfter;
  function close() {
    setStartsOn(null);
    setEndsOn("");
    setErrors({});
    onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!mandate) return;
    const input = { startsOn: start, endsOn: endsOn || null };
    const checked = validate(RenewMandateInput, input);
    if (!checked.ok) return setErrors(checked.fields);
    renew.mutate(
      { mandateId: mandate.id, ...input },
      {
        onSuccess: () => {
          onDone();
          close();
        },
      },
    );
  }
  return (
    <ToolModal
      opened={mandate !== null}
      onClose={close}
      title={t("governance.mandate.renewTitle", { name: mandate?.holderName ?? "" })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text>{t("governance.mandate.renewText")}</Text>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("governance.mandate.renewStarts")}
              required
              value={start}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn || served.fields.startsOn}
            />
            <TextInput
              type="date"
              label={t("governance.mandate.renewEnds")}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={errors.endsOn || served.fields.endsOn}
            />
          </Group>
          <ErrorAlert error={served.alert} />
          <Actions onClose={close} label={t("governance.mandate.confirmRenew")} pending={renew.isPending} />
        </Stack>
      </form>
    </ToolModal>
  );
}
