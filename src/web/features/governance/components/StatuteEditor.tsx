import { ActionIcon, Alert, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { COLLEGE_WEIGHTINGS, type CollegesDto, type CollegeWeighting } from "../../../../shared/contracts/governance.ts";
import { add, equals, parseFraction, ZERO } from "../../../../shared/governance/fraction.ts";
import { percent } from "../../../../shared/governance/labels.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useReplaceColleges } from "../api/colleges.ts";

interface Row {
  key: string;
  id?: string;
  name: string;
  weight: string;
  associateCount: number;
}

const lang2 = (lang: string) => (lang === "en" ? "en" : "fr");

/** A stored weight as people type it: « 40 % » when that is exact, the fraction (« 1/3 ») otherwise. */
function weightText(weight: string | null, lang: string): string {
  if (!weight) return "";
  const shown = percent(weight, lang2(lang));
  const exact = parseFraction(weight);
  const back = parseFraction(shown.replace(",", "."));
  return exact && back && equals(exact, back) ? shown : weight;
}

let counter = 0;

/**
 * The college statute: how votes are shared and the colleges with their weights. The server checks the rules
 * (validateColleges) and answers every problem next to its college; the total here is only a help.
 */
export function StatuteEditor({ slug, statute }: { slug: string; statute: CollegesDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const save = useReplaceColleges(slug);
  const canEdit = statute.abilities.update === true;
  const [weighting, setWeighting] = useState<CollegeWeighting>(statute.weighting);
  const rowsOf = (dto: CollegesDto): Row[] =>
    dto.colleges.map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      weight: weightText(c.weight, lang),
      associateCount: c.associateCount,
    }));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(statute));
  const [saved, setSaved] = useState(false);
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const change = (key: string, patch: Partial<Row>) => {
    setSaved(false);
    save.reset();
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const weights = rows.map((r) => parseFraction(r.weight));
  const total = weights.every((w) => w !== null) ? weights.reduce((s, w) => add(s, w ?? ZERO), ZERO) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      {
        weighting,
        colleges: rows.map((r) => ({ id: r.id, name: r.name, weight: weighting === "set" ? r.weight : null })),
      },
      {
        onSuccess: (dto) => {
          // New colleges now have ids: the next save must update them, not add them again.
          setRows(rowsOf(dto));
          setSaved(true);
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="statute-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="statute-title">
            {t("governance.colleges.statuteTitle")}
          </Title>
          <Radio.Group
            label={t("governance.colleges.weighting")}
            description={t("governance.colleges.weightingHint")}
            value={weighting}
            onChange={(v) => {
              setSaved(false);
              setWeighting(v as CollegeWeighting);
            }}
          >
            <Stack gap={6} mt={6}>
              {COLLEGE_WEIGHTINGS.map((w) => (
                <Radio key={w} value={w} label={t(`governance.colleges.weightings.${w}`)} disabled={!canEdit} />
              ))}
            </Stack>
          </Radio.Group>
          {rows.length === 0 ? <Text c="gray.7">{t("governance.colleges.none")}</Text> : null}
          {rows.map((r, i) => (
            <Group key={r.key} align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label={t("governance.colleges.name", { n: i + 1 })}
                value={r.name}
                onChange={(e) => change(r.key, { name: e.currentTarget.value })}
                error={fields[`colleges.${i}.name`]}
                readOnly={!canEdit}
                style={{ flex: "2 1 220px" }}
                description={t("governance.colleges.associates", { count: r.associateCount })}
              />
              {weighting === "set" ? (
                <TextInput
                  label={t("governance.colleges.weight", { n: i + 1 })}
                  placeholder={t("governance.colleges.weightPlaceholder")}
                  value={r.weight}
                  onChange={(e) => change(r.key, { weight: e.currentTarget.value })}
                  error={fields[`colleges.${i}.weight`]}
                  readOnly={!canEdit}
                  style={{ flex: "1 1 140px" }}
                />
              ) : null}
              {canEdit ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  onClick={() => {
                    setSaved(false);
                    setRows((list) => list.filter((x) => x.key !== r.key));
                  }}
                  aria-label={t("governance.colleges.remove", { name: r.name || i + 1 })}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          ))}
          {weighting === "set" && rows.length > 0 ? (
            <Text fw={600}>
              {total
                ? t("governance.colleges.total", { total: percent(`${total.num}/${total.den}`, lang2(lang)) })
                : t("governance.colleges.totalUnreadable")}
            </Text>
          ) : null}
          {fields.colleges ? (
            <Text c="red.8" size="sm">
              {fields.colleges}
            </Text>
          ) : null}
          <ErrorAlert error={save.error} title={t("governance.colleges.refused")} />
          {saved ? (
            <Alert color="indigo" variant="outline" role="status">
              {t("governance.colleges.saved")}
            </Alert>
          ) : null}
          {canEdit ? (
            <Group justify="space-between">
              <Button
                variant="default"
                onClick={() => setRows((list) => [...list, { key: `new-${++counter}`, name: "", weight: "", associateCount: 0 }])}
              >
                {t("governance.colleges.add")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("governance.colleges.save")}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="gray.7">
              {t("governance.colleges.readOnly")}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
