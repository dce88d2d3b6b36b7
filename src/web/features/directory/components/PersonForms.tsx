import { NativeSelect, Radio, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  AddPersonRoleInput,
  CreatePersonInput,
  type PersonDto,
  UpdatePersonInput,
} from "../../../../shared/contracts/directory.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { type FieldErrors, useFormState } from "../../../lib/forms.ts";
import { options, PERSON_ROLE_VALUES, VISIBILITY_VALUES } from "../../../lib/labels.ts";
import { useAddPersonRole, useCreatePerson, useUpdatePerson } from "../api/people.ts";

type Option = { value: string; label: string };

function RoleInputs({
  values,
  onChange,
  errors,
  prefix,
  organizations,
}: {
  values: { organizationId: string; role: string; title: string };
  onChange: (v: { organizationId: string; role: string; title: string }) => void;
  errors: FieldErrors;
  prefix: string;
  organizations: Option[];
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NativeSelect
        label={t("people.fields.organization")}
        required
        data={[{ value: "", label: t("people.fields.chooseOrganization") }, ...organizations]}
        value={values.organizationId}
        onChange={(e) => onChange({ ...values, organizationId: e.currentTarget.value })}
        error={errors[`${prefix}organizationId`]}
      />
      <NativeSelect
        label={t("people.fields.role")}
        required
        data={options(t, "roles.person", PERSON_ROLE_VALUES)}
        value={values.role}
        onChange={(e) => onChange({ ...values, role: e.currentTarget.value })}
        error={errors[`${prefix}role`]}
      />
      <TextInput
        label={t("people.fields.title")}
        value={values.title}
        onChange={(e) => onChange({ ...values, title: e.currentTarget.value })}
        error={errors[`${prefix}title`]}
      />
    </SimpleGrid>
  );
}

type IdentityValues = { firstName: string; lastName: string; email: string; phone: string };

/** Name, e-mail and phone, shared by the create and edit forms; the contact inputs are left out when hidden from us. */
function PersonIdentityFields({
  values,
  onChange,
  errors,
  contactHidden,
}: {
  values: IdentityValues;
  onChange: (key: keyof IdentityValues, value: string) => void;
  errors: FieldErrors;
  contactHidden?: boolean;
}) {
  const { t } = useTranslation();
  const field = (key: keyof IdentityValues) => ({
    label: t(`people.fields.${key}`),
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => onChange(key, e.currentTarget.value),
    error: errors[key],
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput required {...field("firstName")} />
      <TextInput required {...field("lastName")} />
      {contactHidden ? null : (
        <>
          <TextInput type="email" {...field("email")} />
          <TextInput type="tel" {...field("phone")} />
        </>
      )}
    </SimpleGrid>
  );
}

function VisibilityRadio({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t("people.fields.contactVisibility")} value={value} onChange={onChange} error={error}>
      <Stack gap="xs" mt="xs">
        {options(t, "visibility", VISIBILITY_VALUES).map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

export function CreatePersonForm({
  slug,
  organizations,
  defaultOrganizationId = "",
  defaultRole = "staff",
  onDone,
}: {
  slug: string;
  organizations: Option[];
  defaultOrganizationId?: string;
  defaultRole?: string;
  onDone: (person: PersonDto | null) => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePerson(slug);
  const form = useFormState({
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    contactVisibility: "consortium",
    role: { organizationId: defaultOrganizationId, role: defaultRole, title: "" },
  });
  const v = form.values;
  function submit(event: FormEvent) {
    event.preventDefault();
    const data = form.check(CreatePersonInput, v);
    if (!data) return;
    create.mutate(data, { onSuccess: (p) => onDone(p), onError: (e) => form.handleError(e) });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t("people.addTitle")}>
      <Stack gap="sm">
        <PersonIdentityFields values={v} onChange={form.set} errors={form.errors} />
        <RoleInputs
          values={v.role}
          onChange={(role) => form.set("role", role)}
          errors={form.errors}
          prefix="role."
          organizations={organizations}
        />
        <VisibilityRadio
          value={v.contactVisibility}
          onChange={(value) => form.set("contactVisibility", value)}
          error={form.errors.contactVisibility}
        />
        <FormActions
          error={form.formError}
          pending={create.isPending}
          submitLabel={t("people.add")}
          onCancel={() => onDone(null)}
        />
      </Stack>
    </form>
  );
}

export function EditPersonForm({ slug, person, onDone }: { slug: string; person: PersonDto; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(slug, person.id);
  const form = useFormState({
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email ?? "",
    phone: person.phone ?? "",
    bio: person.bio ?? "",
    skills: person.skills,
    offers: person.offers ?? "",
    needs: person.needs ?? "",
    contactVisibility: person.contactVisibility as string,
  });
  const v = form.values;
  function submit(event: FormEvent) {
    event.preventDefault();
    // Hidden contact details are not ours to erase.
    const { email, phone, ...rest } = v;
    const data = form.check(UpdatePersonInput, person.contactHidden ? rest : v);
    if (!data) return;
    update.mutate(data, { onSuccess: () => onDone(true), onError: (e) => form.handleError(e) });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t("people.editTitle")}>
      <Stack gap="sm">
        <PersonIdentityFields values={v} onChange={form.set} errors={form.errors} contactHidden={person.contactHidden} />
        <Textarea
          label={t("people.fields.bio")}
          autosize
          minRows={2}
          value={v.bio}
          onChange={(e) => form.set("bio", e.currentTarget.value)}
          error={form.errors.bio}
        />
        <TagsInput
          label={t("people.fields.skills")}
          description={t("common.tagsHint")}
          value={v.skills}
          onChange={(value) => form.set("skills", value)}
          error={form.errors.skills}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t("people.fields.offers")}
            autosize
            minRows={2}
            value={v.offers}
            onChange={(e) => form.set("offers", e.currentTarget.value)}
            error={form.errors.offers}
          />
          <Textarea
            label={t("people.fields.needs")}
            autosize
            minRows={2}
            value={v.needs}
            onChange={(e) => form.set("needs", e.currentTarget.value)}
            error={form.errors.needs}
          />
        </SimpleGrid>
        <VisibilityRadio
          value={v.contactVisibility}
          onChange={(value) => form.set("contactVisibility", value)}
          error={form.errors.contactVisibility}
        />
        <FormActions
          error={form.formError}
          pending={update.isPending}
          submitLabel={t("common.save")}
          onCancel={() => onDone(false)}
        />
      </Stack>
    </form>
  );
}

export function AddRoleForm({
  slug,
  personId,
  organizations,
  onDone,
}: {
  slug: string;
  personId: string;
  organizations: Option[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddPersonRole(slug, personId);
  const form = useFormState({ role: { organizationId: "", role: "staff", title: "" }, since: "" });
  function submit(event: FormEvent) {
    event.preventDefault();
    const payload = { ...form.values.role, ...(form.values.since ? { since: form.values.since } : {}) };
    const result = AddPersonRoleInput.safeParse(payload);
    if (!result.success) {
      const errors: FieldErrors = {};
      for (const issue of result.error.issues) errors[`role.${issue.path.join(".")}`] ??= issue.message;
      form.setErrors(errors);
      return;
    }
    add.mutate(result.data, {
      onSuccess: onDone,
      onError: (e) => {
        form.handleError(e);
        const fields = (e as { fields?: FieldErrors }).fields;
        if (fields)
          form.setErrors(Object.fromEntries(Object.entries(fields).map(([k, m]) => [k === "since" ? k : `role.${k}`, m])));
      },
    });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t("people.roles.addTitle")}>
      <Stack gap="sm">
        <RoleInputs
          values={form.values.role}
          onChange={(role) => form.set("role", role)}
          errors={form.errors}
          prefix="role."
          organizations={organizations}
        />
        <TextInput
          type="date"
          label={t("people.roles.since")}
          value={form.values.since}
          onChange={(e) => form.set("since", e.currentTarget.value)}
          error={form.errors.since ?? form.errors["role.since"]}
        />
        <FormActions error={form.formError} pending={add.isPending} submitLabel={t("people.roles.add")} onCancel={onDone} />
      </Stack>
    </form>
  );
}
