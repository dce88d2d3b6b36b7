import { Button, Checkbox, Group, NativeSelect, Radio, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationDto } from "../../../../shared/contracts/directory.ts";
import { type AssociateDto, AssociateInput, type CollegeDto } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, validate } from "../../../lib/forms.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useOrganizations } from "../../directory/api/organizations.ts";
import { usePeople } from "../../directory/api/people.ts";
import { useAddAssociate } from "../api/colleges.ts";
import { centsOf } from "../lib/format.ts";

const SHOWN = ["organizationId", "personId", "collegeId", "capitalCents"];

/** Partners that are local authorities or public bodies: the box is ticked for them, and can still be unticked. */
const PUBLIC_PARTNERS = new Set(["commune", "intercommunalite", "departement", "region"]);
const looksPublic = (o: OrganizationDto | undefined) => o?.kind === "partner" && PUBLIC_PARTNERS.has(o.partnerType ?? "");

/**
 * Adds an organisation or a person of the directory to the associates' register, in a college, with its capital.
 * The public capital cap (SCIC-03) and the college rules are the server's: their refusals land on the fields.
 */
export function AddAssociateDialog({
  slug,
  colleges,
  registered,
  onClose,
  onDone,
}: {
  slug: string;
  colleges: CollegeDto[];
  /** Already on the register: not offered again. */
  registered: AssociateDto[];
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<"organization" | "person">("organization");
  const [search, setSearch] = useState("");
  const [values, setValues] = useState({
    organizationId: "",
    personId: "",
    collegeId: colleges.length === 1 ? colleges[0].id : "",
    capital: "",
    publicTerritorial: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const organizations = useOrganizations(slug);
  const people = usePeople(slug, { q: search.trim() || undefined, pageSize: 100 }, kind === "person");
  const add = useAddAssociate(slug);
  const served = add.error instanceof ApiError ? add.error.fields : {};
  const fieldError = (key: string) => errors[key] || served[key] || undefined;
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  };

  const takenOrganizations = new Set(registered.flatMap((a) => (a.organizationId ? [a.organizationId] : [])));
  const takenPeople = new Set(registered.flatMap((a) => (a.personId ? [a.personId] : [])));
  const organizationList = (organizations.data ?? []).filter((o) => !takenOrganizations.has(o.id));
  const personList = (people.data?.items ?? []).filter((p) => !takenPeople.has(p.id));

  function chooseOrganization(id: string) {
    const organization = organizationList.find((o) => o.id === id);
    setValues((v) => ({ ...v, organizationId: id, publicTerritorial: looksPublic(organization) }));
    setErrors((e) => ({ ...e, organizationId: "" }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = values.capital.trim() === "" ? 0 : centsOf(values.capital);
    if (cents === null || cents < 0) return setErrors({ capitalCents: t("governance.shares.capitalInvalid") });
    const input = {
      organizationId: kind === "organization" ? values.organizationId || null : null,
      personId: kind === "person" ? values.personId || null : null,
      collegeId: values.collegeId || null,
      capitalCents: cents,
      publicTerritorial: values.publicTerritorial,
    };
    const checked = validate(AssociateInput, input);
    if (!checked.ok) {
      // The schema names organizationId for "choose one"; point at the picker that is on screen.
      const { organizationId, ...rest } = checked.fields;
      return setErrors(organizationId ? { ...rest, [kind === "person" ? "personId" : "organizationId"]: organizationId } : rest);
    }
    const name =
      kind === "organization"
        ? (organizationList.find((o) => o.id === input.organizationId)?.name ?? "")
        : (() => {
            const p = personList.find((x) => x.id === input.personId);
            return p ? `${p.firstName} ${p.lastName}` : "";
          })();
    add.mutate(input, {
      onSuccess: () => {
        onDone(name);
        onClose();
      },
    });
  }

  const unknownField = Object.keys(served).some((k) => !SHOWN.includes(k));
  const alert = add.error && (Object.keys(served).length === 0 || unknownField) ? add.error : null;
  return (
    <ToolModal opened onClose={onClose} title={t("governance.associateForm.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group
            label={t("governance.associateForm.holderKind")}
            value={kind}
            onChange={(v) => {
              setKind(v as typeof kind);
              setErrors({});
            }}
          >
            <Group gap="lg" mt={4}>
              <Radio value="organization" label={t("governance.associateForm.organization")} />
              <Radio value="person" label={t("governance.associateForm.person")} />
            </Group>
          </Radio.Group>
          {kind === "organization" ? (
            <NativeSelect
              label={t("governance.associateForm.organizationField")}
              required
              value={values.organizationId}
              onChange={(e) => chooseOrganization(e.currentTarget.value)}
              data={[{ value: "", label: "—" }, ...organizationList.map((o) => ({ value: o.id, label: o.name }))]}
              error={fieldError("organizationId")}
            />
          ) : (
            <>
              <TextInput
                label={t("governance.associateForm.personSearch")}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              <NativeSelect
                label={t("governance.associateForm.personField")}
                required
                value={values.personId}
                onChange={(e) => set("personId", e.currentTarget.value)}
                data={[
                  { value: "", label: "—" },
                  ...personList.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` })),
                ]}
                error={fieldError("personId")}
              />
            </>
          )}
          <NativeSelect
            label={t("governance.shares.collegeField")}
            value={values.collegeId}
            onChange={(e) => set("collegeId", e.currentTarget.value)}
            data={[
              { value: "", label: t("governance.shares.noCollege") },
              ...colleges.map((c) => ({ value: c.id, label: c.name })),
            ]}
            error={fieldError("collegeId")}
          />
          <TextInput
            label={t("governance.shares.capitalEuros")}
            description={t("governance.associateForm.capitalHint")}
            inputMode="decimal"
            value={values.capital}
            onChange={(e) => set("capital", e.currentTarget.value)}
            error={fieldError("capitalCents")}
          />
          <Checkbox
            label={t("governance.shares.publicTerritorial")}
            description={t("governance.associateForm.publicHint")}
            checked={values.publicTerritorial}
            onChange={(e) => set("publicTerritorial", e.currentTarget.checked)}
          />
          <ErrorAlert error={alert} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("governance.associateForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}
