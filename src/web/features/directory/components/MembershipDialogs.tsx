import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationDto } from "../../../../shared/contracts/directory.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { today } from "../../../lib/format.ts";
import { useAddRepresentative, useJoinOrganization, useLeaveOrganization } from "../api/organizations.ts";
import { usePeople } from "../api/people.ts";

/** Ends or reopens a membership at a chosen date (ending asks for confirmation: it is destructive). */
export function MembershipDateDialog({
  slug,
  organization,
  mode,
  onClose,
}: {
  slug: string;
  organization: OrganizationDto | null;
  mode: "leave" | "join";
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [day, setDay] = useState(today());
  const [error, setError] = useState<string | undefined>();
  const leave = useLeaveOrganization(slug);
  const join = useJoinOrganization(slug);
  const mutation = mode === "leave" ? leave : join;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!organization) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setError(t("members.dateRequired"));
      return;
    }
    const done = {
      onSuccess: () => {
        mutation.reset();
        onClose();
      },
      onError: (e: unknown) =>
        setError((e as { fields?: Record<string, string> }).fields?.[mode === "leave" ? "leftOn" : "joinedOn"]),
    };
    if (mode === "leave") leave.mutate({ id: organization.id, leftOn: day }, done);
    else join.mutate({ id: organization.id, joinedOn: day }, done);
  }
  const close = () => {
    mutation.reset();
    setError(undefined);
    onClose();
  };
  return (
    <Modal
      opened={organization !== null}
      onClose={close}
      title={mode === "leave" ? t("members.leaveTitle") : t("members.joinTitle")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>
            {mode === "leave"
              ? t("members.leaveConfirm", { name: organization?.name ?? "" })
              : t("members.joinText", { name: organization?.name ?? "" })}
          </Text>
          <TextInput
            type="date"
            label={mode === "leave" ? t("members.leftOn") : t("organization.fields.joinedOn")}
            required
            value={day}
            onChange={(e) => {
              setDay(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
          />
          {error ? null : <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={mode === "leave" ? "red" : undefined} loading={mutation.isPending}>
              {mode === "leave" ? t("members.leave") : t("members.join")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function AddRepresentativeDialog({
  slug,
  organization,
  onClose,
}: {
  slug: string;
  organization: OrganizationDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState("");
  const [since, setSince] = useState(today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddRepresentative(slug);
  const people = usePeople(slug, { organizationId: organization?.id, pageSize: 100 }, organization !== null);
  const everyone = usePeople(slug, { pageSize: 100 }, organization !== null);
  const inOrg = people.data?.items ?? [];
  const others = (everyone.data?.items ?? []).filter((p) => !inOrg.some((q) => q.id === p.id));
  const choices = [...inOrg, ...others].map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` }));
  const close = () => {
    add.reset();
    setPersonId("");
    setErrors({});
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!organization) return;
    if (!personId) {
      setErrors({ personId: t("members.representatives.choosePerson") });
      return;
    }
    add.mutate(
      { id: organization.id, personId, since: since || undefined },
      { onSuccess: close, onError: (e) => setErrors((e as { fields?: Record<string, string> }).fields ?? {}) },
    );
  }
  return (
    <Modal
      opened={organization !== null}
      onClose={close}
      title={t("members.representatives.addTitle", { name: organization?.name ?? "" })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t("members.representatives.person")}
            required
            data={[{ value: "", label: t("members.representatives.choosePerson") }, ...choices]}
            value={personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
            error={errors.personId}
          />
          {choices.length === 0 && !people.isPending ? <Text size="sm">{t("members.representatives.noPeople")}</Text> : null}
          <TextInput
            type="date"
            label={t("members.representatives.since")}
            value={since}
            onChange={(e) => setSince(e.currentTarget.value)}
            error={errors.since}
          />
          <ErrorAlert error={Object.keys(errors).length ? null : add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("members.representatives.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
