import { Fieldset, Group, NativeSelect, Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { QuorumBasis, QuorumRuleInput } from "../../../../shared/contracts/governance.ts";

/** The shares statutes usually write; the API takes any fraction, so a body set otherwise keeps its own. */
const COMMON_SHARES = ["1/5", "1/4", "1/3", "1/2", "2/3", "3/4"];

/** The form's state: "" is a call without quorum (a select cannot hold null). */
export interface QuorumValues {
  firstCall: string;
  secondCall: string;
  basis: QuorumBasis;
}

export const quorumValuesOf = (rule: { firstCall: string | null; secondCall: string | null; basis: QuorumBasis } | null) => ({
  firstCall: rule?.firstCall ?? "",
  secondCall: rule?.secondCall ?? "",
  basis: rule?.basis ?? "headcount",
});

/** What the contract takes: no share on either call is no quorum at all. */
export const quorumInputOf = (v: QuorumValues): QuorumRuleInput | null =>
  v.firstCall === "" && v.secondCall === ""
    ? null
    : { firstCall: v.firstCall || null, secondCall: v.secondCall || null, basis: v.basis };

/**
 * The quorum of a body: the share needed on first call, on a second call, and how members count. Weighted counting
 * is offered only when the statutes weigh the colleges (the server refuses it otherwise).
 */
export function QuorumFieldset({
  values,
  onChange,
  error,
  weightedAvailable,
}: {
  values: QuorumValues;
  onChange: (key: keyof QuorumValues, value: string) => void;
  /** The error of a field, by its contract key ("quorum.firstCall"). */
  error: (key: string) => string | undefined;
  weightedAvailable: boolean;
}) {
  const { t } = useTranslation();
  const options = (current: string) => [
    { value: "", label: t("governance.bodyForm.noQuorum") },
    ...(current && !COMMON_SHARES.includes(current) ? [current] : []).map((s) => ({ value: s, label: s })),
    ...COMMON_SHARES.map((s) => ({ value: s, label: s })),
  ];
  return (
    <Fieldset legend={t("governance.bodyForm.quorumLegend")} variant="filled">
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {t("governance.bodyForm.quorumHint")}
        </Text>
        <Group grow align="flex-end">
          <NativeSelect
            label={t("governance.bodyForm.firstCall")}
            value={values.firstCall}
            onChange={(e) => onChange("firstCall", e.currentTarget.value)}
            data={options(values.firstCall)}
            error={error("quorum.firstCall")}
          />
          <NativeSelect
            label={t("governance.bodyForm.secondCall")}
            description={t("governance.bodyForm.secondCallHint")}
            value={values.secondCall}
            onChange={(e) => onChange("secondCall", e.currentTarget.value)}
            data={options(values.secondCall)}
            error={error("quorum.secondCall")}
          />
        </Group>
        <Radio.Group
          label={t("governance.bodyForm.basis")}
          value={values.basis}
          onChange={(value) => onChange("basis", value)}
          error={error("quorum.basis")}
        >
          <Group gap="lg" mt={6}>
            <Radio value="headcount" label={t("governance.bodyForm.headcount")} />
            <Radio
              value="weighted"
              label={t("governance.bodyForm.weighted")}
              description={weightedAvailable ? undefined : t("governance.bodyForm.weightedUnavailable")}
              disabled={!weightedAvailable && values.basis !== "weighted"}
            />
          </Group>
        </Radio.Group>
      </Stack>
    </Fieldset>
  );
}
