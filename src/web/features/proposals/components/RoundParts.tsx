import { Badge, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Objection, Turn } from "../../../../shared/governance/rounds.ts";

/** Who has spoken in a round and what they said; the others are « à entendre ». Consent and election share it. */
export function RoundRoster(props: { roster: string[]; turns: Turn[]; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      {props.roster.map((r) => {
        const turn = props.turns.find((x) => x.by === r);
        return (
          <List.Item key={r}>
            <Text span fw={500} size="sm">
              {props.nameOf(r)}
            </Text>{" "}
            —{" "}
            {turn
              ? `${t(`proposals.consent.kinds.${turn.kind}`)}${turn.text ? ` : « ${turn.text} »` : ""}${turn.answer ? ` → « ${turn.answer} »` : ""}`
              : t("proposals.consent.waiting")}
          </List.Item>
        );
      })}
    </List>
  );
}

/** The objections raised so far with their status; a standing one can be lifted by (or for) its author. */
export function ObjectionList(props: {
  objections: Objection[];
  nameOf: (id: string) => string;
  /** Offers « Lever l'objection » on a standing objection when this says its author may act now. */
  canLift: (o: Objection) => boolean;
  onLift: (o: Objection) => void;
}) {
  const { t } = useTranslation();
  if (props.objections.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t("proposals.consent.objections")}
      </Title>
      {props.objections.map((o) => (
        <Group key={o.id} gap="xs" wrap="wrap">
          <Text size="sm">{t("proposals.consent.objectionLine", { by: props.nameOf(o.by), argument: o.argument })}</Text>
          <Badge variant="outline" color={o.status === "standing" ? "red.9" : "gray.9"}>
            {t(`proposals.consent.objectionStatus.${o.status}`)}
          </Badge>
          {o.status === "standing" && props.canLift(o) ? (
            <Button size="compact-sm" variant="default" onClick={() => props.onLift(o)}>
              {t("proposals.consent.lift", { name: props.nameOf(o.by) })}
            </Button>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}
