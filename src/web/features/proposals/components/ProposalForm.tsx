import { Alert, Group, Paper, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MANDATE_ROLES, type MandateRole } from "../../../../shared/contracts/governance.ts";
import {
  ABSTENTION_RULES,
  BASES,
  COUNTINGS,
  CreateProposalInput,
  PROPOSAL_METHODS,
  type ProposalListDto,
  SECRECIES,
  SILENT_COLLEGE_RULES,
  THRESHOLD_KEYS,
} from "../../../../shared/contracts/proposals.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { fieldError, useFormState } from "../../../lib/forms.ts";

type Method = (typeof PROPOSAL_METHODS)[number];

interface Values extends Record<string, unknown> {
  bodyId: string;
  title: string;
  text: string;
  method: Method;
  threshold: (typeof THRESHOLD_KEYS)[number];
  base: (typeof BASES)[number];
  abstentions: (typeof ABSTENTION_RULES)[number];
  counting: (typeof COUNTINGS)[number];
  silentCollege: (typeof SILENT_COLLEGE_RULES)[number];
  secrecy: (typeof SECRECIES)[number];
  carrierId: string;
  facilitatorId: string;
  /** Election: one criterion, one accountability per line. */
  criteria: string;
  accountabilities: string;
  mandateRole: MandateRole;
  mandateStart: string;
  mandateEnd: string;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** One explicit setting: a radio list where each option says, in plain words, what it does to the result. */
function Setting<K extends string>(props: {
  label: string;
  help?: string;
  value: K;
  options: readonly K[];
  labelOf: (k: K) => string;
  onChange: (k: K) => void;
}) {
  return (
    <Radio.Group label={props.label} description={props.help} value={props.value} onChange={(v) => props.onChange(v as K)}>
      <Stack gap={6} mt={6}>
        {props.options.map((o) => (
          <Radio key={o} value={o} label={props.labelOf(o)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** A new proposal: the body, the text, and the method with each of its settings stated. */
export function ProposalForm(props: {
  bodies: ProposalListDto["bodies"];
  pending: boolean;
  onSubmit: (input: CreateProposalInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormState<Values>({
    bodyId: "",
    title: "",
    text: "",
    method: "majority",
    threshold: "simple",
    base: "cast",
    abstentions: "excluded",
    counting: "proportional",
    silentCollege: "excluded",
    secrecy: "open",
    carrierId: "",
    facilitatorId: "",
    criteria: "",
    accountabilities: "",
    mandateRole: "referent",
    mandateStart: "",
    mandateEnd: "",
  });
  const v = f.values;
  const body = props.bodies.find((b) => b.id === v.bodyId);
  const memberOptions = (body?.members ?? []).map((m) => ({ value: m.mandateId, label: m.name }));
  const isVote = v.method === "majority" || v.method === "colleges";
  const isElection = v.method === "election";
  /** An election field: its error is keyed under `election.` by the contract, so clear that one as it changes. */
  const setRole = <K extends "criteria" | "accountabilities" | "mandateStart" | "mandateEnd">(key: K, value: Values[K]) => {
    f.set(key, value);
    f.setErrors(({ [`election.${key}`]: _gone, election: _role, ...rest }) => rest);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      bodyId: v.bodyId,
      title: v.title,
      text: v.text,
      method: v.method,
      rule: isVote
        ? {
            threshold: v.threshold,
            base: v.base,
            abstentions: v.abstentions,
            counting: v.counting,
            silentCollege: v.silentCollege,
          }
        : null,
      secrecy: v.secrecy,
      carrierId: v.method === "consent" || v.method === "advice" ? v.carrierId || null : null,
      facilitatorId: v.method === "consent" || isElection ? v.facilitatorId || null : null,
      election: isElection
        ? {
            criteria: lines(v.criteria),
            accountabilities: lines(v.accountabilities),
            mandateRole: v.mandateRole,
            mandateStart: v.mandateStart,
            mandateEnd: v.mandateEnd,
          }
        : null,
    };
    if (!f.check(CreateProposalInput, input)) return;
    try {
      await props.onSubmit(input);
    } catch (error) {
      f.handleError(error, [
        "bodyId",
        "title",
        "text",
        "method",
        "rule",
        "carrierId",
        "facilitatorId",
        "election.criteria",
        "election.mandateStart",
        "election.mandateEnd",
      ]);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t("proposals.form.body")}
          placeholder={t("proposals.form.bodyPlaceholder")}
          data={props.bodies.map((b) => ({ value: b.id, label: b.name }))}
          value={v.bodyId || null}
          onChange={(id) => f.set("bodyId", id ?? "")}
          error={fieldError(f.errors, "bodyId")}
          required
        />
        <TextInput
          label={isElection ? t("proposals.election.form.role") : t("proposals.form.titleLabel")}
          value={v.title}
          onChange={(e) => f.set("title", e.currentTarget.value)}
          error={fieldError(f.errors, "title")}
          required
        />
        <Textarea
          label={isElection ? t("proposals.election.form.mission") : t("proposals.form.text")}
          value={v.text}
          onChange={(e) => f.set("text", e.currentTarget.value)}
          error={fieldError(f.errors, "text")}
          autosize
          minRows={3}
          required
        />
        <Setting
          label={t("proposals.form.method")}
          value={v.method}
          options={PROPOSAL_METHODS}
          labelOf={(m) => `${t(`proposals.methods.${m}`)} — ${t(`proposals.methodHelp.${m}`)}`}
          onChange={(m) => f.set("method", m)}
        />
        {v.method === "colleges" && body && !body.collegesReady ? (
          <Alert color="orange" variant="outline">
            {t("proposals.form.collegesUnavailable")}
          </Alert>
        ) : null}
        {isVote ? (
          <>
            <Setting
              label={t("proposals.form.threshold")}
              help={t("proposals.form.thresholdHelp")}
              value={v.threshold}
              options={THRESHOLD_KEYS}
              labelOf={(k) => t(`proposals.form.thresholds.${k}`)}
              onChange={(k) => f.set("threshold", k)}
            />
            <Setting
              label={t("proposals.form.base")}
              help={t("proposals.form.baseHelp")}
              value={v.base}
              options={BASES}
              labelOf={(k) => t(`proposals.form.bases.${k}`)}
              onChange={(k) => f.set("base", k)}
            />
            <Setting
              label={t("proposals.form.abstentions")}
              help={t("proposals.form.abstentionsHelp")}
              value={v.abstentions}
              options={ABSTENTION_RULES}
              labelOf={(k) => t(`proposals.form.abstentionRules.${k}`)}
              onChange={(k) => f.set("abstentions", k)}
            />
            {v.method === "colleges" ? (
              <>
                <Setting
                  label={t("proposals.form.counting")}
                  help={t("proposals.form.countingHelp")}
                  value={v.counting}
                  options={COUNTINGS}
                  labelOf={(k) => t(`proposals.form.countings.${k}`)}
                  onChange={(k) => f.set("counting", k)}
                />
                <Setting
                  label={t("proposals.form.silentCollege")}
                  value={v.silentCollege}
                  options={SILENT_COLLEGE_RULES}
                  labelOf={(k) => t(`proposals.form.silentColleges.${k}`)}
                  onChange={(k) => f.set("silentCollege", k)}
                />
              </>
            ) : null}
            <Setting
              label={t("proposals.form.secrecy")}
              help={t("proposals.form.secrecyHelp")}
              value={v.secrecy}
              options={SECRECIES}
              labelOf={(k) => t(`proposals.secrecy.${k}`)}
              onChange={(k) => f.set("secrecy", k)}
            />
            {fieldError(f.errors, "rule") ? (
              <Text c="red.8" size="sm">
                {fieldError(f.errors, "rule")}
              </Text>
            ) : null}
          </>
        ) : isElection ? (
          <>
            <Select
              label={t("proposals.form.facilitator")}
              description={t("proposals.election.form.facilitatorHelp")}
              data={memberOptions}
              value={v.facilitatorId || null}
              onChange={(id) => f.set("facilitatorId", id ?? "")}
              error={fieldError(f.errors, "facilitatorId")}
              searchable
              required
            />
            <Textarea
              label={t("proposals.election.form.criteria")}
              description={t("proposals.election.form.criteriaHelp")}
              value={v.criteria}
              onChange={(e) => setRole("criteria", e.currentTarget.value)}
              error={fieldError(f.errors, "election.criteria") ?? fieldError(f.errors, "election")}
              autosize
              minRows={2}
              required
            />
            <Textarea
              label={t("proposals.election.form.accountabilities")}
              description={t("proposals.election.form.accountabilitiesHelp")}
              value={v.accountabilities}
              onChange={(e) => setRole("accountabilities", e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Select
              label={t("proposals.election.form.mandateRole")}
              data={MANDATE_ROLES.map((r) => ({ value: r, label: t(`governance.roles.${r}`) }))}
              value={v.mandateRole}
              onChange={(r) => f.set("mandateRole", (r ?? "other") as MandateRole)}
              allowDeselect={false}
            />
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t("proposals.election.form.mandateStart")}
                value={v.mandateStart}
                onChange={(e) => setRole("mandateStart", e.currentTarget.value)}
                error={fieldError(f.errors, "election.mandateStart")}
                required
              />
              <TextInput
                type="date"
                label={t("proposals.election.form.mandateEnd")}
                value={v.mandateEnd}
                onChange={(e) => setRole("mandateEnd", e.currentTarget.value)}
                error={fieldError(f.errors, "election.mandateEnd")}
                required
              />
            </Group>
          </>
        ) : (
          <>
            <Select
              label={v.method === "advice" ? t("proposals.form.author") : t("proposals.form.carrier")}
              description={v.method === "advice" ? t("proposals.form.authorHelp") : t("proposals.form.carrierHelp")}
              data={memberOptions}
              value={v.carrierId || null}
              onChange={(id) => f.set("carrierId", id ?? "")}
              error={fieldError(f.errors, "carrierId")}
              searchable
              required
            />
            {v.method === "consent" ? (
              <Select
                label={t("proposals.form.facilitator")}
                description={t("proposals.form.facilitatorHelp")}
                data={memberOptions}
                value={v.facilitatorId || null}
                onChange={(id) => f.set("facilitatorId", id ?? "")}
                error={fieldError(f.errors, "facilitatorId")}
                searchable
                required
              />
            ) : null}
          </>
        )}
        <FormActions
          error={f.formError}
          pending={props.pending}
          submitLabel={t("proposals.form.submit")}
          onCancel={props.onCancel}
        />
      </Stack>
    </Paper>
  );
}
