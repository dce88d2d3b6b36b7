import { Alert, Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConsortiumDto, UpdateConsortiumInput } from "../../../../shared/contracts/consortium.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { options, SCALE_VALUES } from "../../../lib/labels.ts";
import { useOrganizations } from "../../directory/api/organizations.ts";
import { useUpdateConsortium } from "../api/consortium.ts";

export function ConsortiumSettingsForm({ consortium }: { consortium: ConsortiumDto }) {
  const { t } = useTranslation();
  const update = useUpdateConsortium(consortium.slug);
  const organizations = useOrganizations(consortium.slug);
  const [saved, setSaved] = useState(false);
  const form = useFormState({
    name: consortium.name,
    territory: consortium.territory,
    scale: consortium.scale as string,
    description: consortium.description ?? "",
    carrierModel: consortium.carrierModel as string,
    carrierOrganizationId: consortium.carrier?.id ?? "",
  });
  const v = form.values;
  const candidates = (organizations.data ?? [])
    .filter((o) => (v.carrierModel === "member-lead" ? o.kind === "member" && o.isCurrentMember : o.kind !== "partner"))
    .map((o) => ({ value: o.id, label: o.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const { carrierOrganizationId, ...rest } = v;
    const data = form.check(UpdateConsortiumInput, carrierOrganizationId ? v : rest);
    if (!data) return;
    update.mutate(data, { onSuccess: () => setSaved(true), onError: (e) => form.handleError(e) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("settings.general")}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("consortium.fields.name")}
            required
            value={v.name}
            onChange={(e) => form.set("name", e.currentTarget.value)}
            error={form.errors.name}
          />
          <TextInput
            label={t("consortium.fields.territory")}
            required
            value={v.territory}
            onChange={(e) => form.set("territory", e.currentTarget.value)}
            error={form.errors.territory}
          />
        </SimpleGrid>
        <NativeSelect
          label={t("consortium.fields.scale")}
          data={options(t, "scales", SCALE_VALUES)}
          value={v.scale}
          onChange={(e) => form.set("scale", e.currentTarget.value)}
          error={form.errors.scale}
        />
        <Textarea
          label={t("consortium.fields.description")}
          autosize
          minRows={3}
          value={v.description}
          onChange={(e) => form.set("description", e.currentTarget.value)}
          error={form.errors.description}
        />
        <Radio.Group
          label={t("consortium.fields.carrierModel")}
          value={v.carrierModel}
          onChange={(value) => form.set("carrierModel", value)}
          error={form.errors.carrierModel}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="member-lead" label={t("carrierModels.member-lead")} />
            <Radio value="external-carrier" label={t("carrierModels.external-carrier")} />
          </Stack>
        </Radio.Group>
        <NativeSelect
          label={t("consortium.fields.carrierOrganization")}
          data={[{ value: "", label: t("settings.chooseCarrier") }, ...candidates]}
          value={v.carrierOrganizationId}
          onChange={(e) => form.set("carrierOrganizationId", e.currentTarget.value)}
          error={form.errors.carrierOrganizationId}
        />
        {saved ? (
          <Alert color="indigo" variant="outline" role="status">
            {t("common.saved")}
          </Alert>
        ) : null}
        <ErrorAlert error={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
