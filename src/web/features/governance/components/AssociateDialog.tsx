import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CollegeDto, ShareRowDto } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { ToolModal } from "../../agenda-tools/components/ToolDialog.tsx";
import { useUpdateAssociate } from "../api/colleges.ts";
import { centsOf } from "../lib/format.ts";

/** Changes an associate's capital, college or public status; the server checks the public cap (SCIC-03). */
export function AssociateDialog({
  slug,
  row,
  colleges,
  onClose,
  onDone,
}: {
  slug: string;
  row: ShareRowDto;
  colleges: CollegeDto[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAssociate(slug);
  const [capital, setCapital] = useState(String(row.capitalCents / 100).replace(".", ","));
  const [collegeId, setCollegeId] = useState(row.collegeId ?? "");
  const [publicTerritorial, setPublic] = useState(row.publicTerritorial);
  const [capitalError, setCapitalError] = useState<string | null>(null);
  const fields = update.error instanceof ApiError ? update.error.fields : {};
  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsOf(capital);
    if (cents === null || cents < 0) return setCapitalError(t("governance.shares.capitalInvalid"));
    update.mutate(
      { id: row.associateId, capitalCents: cents, collegeId: collegeId || null, publicTerritorial },
      {
        onSuccess: () => {
          onDone();
          onClose();
        },
      },
    );
  }
  const shown = ["capitalCents", "collegeId"];
  const other = update.error && !Object.keys(fields).every((k) => shown.includes(k)) ? update.error : null;
  return (
    <ToolModal opened onClose={onClose} title={t("governance.shares.editTitle", { name: row.name })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("governance.shares.capitalEuros")}
            inputMode="decimal"
            value={capital}
            onChange={(e) => {
              setCapital(e.currentTarget.value);
              setCapitalError(null);
            }}
            error={capitalError ?? fields.capitalCents}
          />
          <NativeSelect
            label={t("governance.shares.collegeField")}
            value={collegeId}
            onChange={(e) => setCollegeId(e.currentTarget.value)}
            data={[
              { value: "", label: t("governance.shares.noCollege") },
              ...colleges.map((c) => ({ value: c.id, label: c.name })),
            ]}
            error={fields.collegeId}
          />
          <Checkbox
            label={t("governance.shares.publicTerritorial")}
            checked={publicTerritorial}
            onChange={(e) => setPublic(e.currentTarget.checked)}
          />
          <ErrorAlert error={other ?? (Object.keys(fields).length === 0 ? update.error : null)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </ToolModal>
  );
}
