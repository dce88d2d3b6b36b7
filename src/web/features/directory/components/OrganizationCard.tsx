import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationDto } from "../../../../shared/contracts/directory.ts";
import { formatDay } from "../../../lib/format.ts";

interface Props {
  organization: OrganizationDto;
  onEdit?: () => void;
  onLeave?: () => void;
  onJoin?: () => void;
  onAddRepresentative?: () => void;
  onEndRepresentative?: (rep: OrganizationDto["representatives"][number]) => void;
  children?: ReactNode;
  showMembership?: boolean;
  headingOrder?: 2 | 3;
}

export function OrganizationCard({
  organization: o,
  onEdit,
  onLeave,
  onJoin,
  onAddRepresentative,
  onEndRepresentative,
  children,
  showMembership = true,
  headingOrder = 3,
}: Props) {
  const { t } = useTranslation();
  const activeReps = o.representatives.filter((r) => !r.until);
  const pastReps = o.representatives.filter((r) => r.until);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`org-${o.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={headingOrder} size="h4" id={`org-${o.id}`}>
              {o.name}
            </Title>
            <Group gap={6}>
              {o.isCarrier ? <Badge color="indigo">{t("members.carrierBadge")}</Badge> : null}
              {o.partnerType ? <Badge color="indigo">{t(`partnerTypes.${o.partnerType}`)}</Badge> : null}
              {showMembership && o.kind !== "partner" ? (
                o.isCurrentMember ? (
                  <Badge color="gray.8">{t("members.current")}</Badge>
                ) : o.kind === "member" ? (
                  <Badge color="gray.8" variant="outline">
                    {t("members.former")}
                  </Badge>
                ) : null
              ) : null}
              {o.legalForm ? <Text size="sm">{o.legalForm}</Text> : null}
            </Group>
          </Stack>
          <Group gap="xs">
            {onEdit && o.abilities.update ? (
              <Button size="xs" variant="default" onClick={onEdit} aria-label={t("organization.editNamed", { name: o.name })}>
                {t("common.edit")}
              </Button>
            ) : null}
            {onLeave && o.abilities.manageMembership && o.isCurrentMember && o.kind === "member" ? (
              <Button size="xs" variant="default" onClick={onLeave} aria-label={t("members.leaveNamed", { name: o.name })}>
                {t("members.leave")}
              </Button>
            ) : null}
            {onJoin && o.abilities.manageMembership && !o.isCurrentMember && o.kind === "member" ? (
              <Button size="xs" variant="default" onClick={onJoin} aria-label={t("members.joinNamed", { name: o.name })}>
                {t("members.join")}
              </Button>
            ) : null}
          </Group>
        </Group>
        {o.description ? <Text size="sm">{o.description}</Text> : null}
        <Group gap="md">
          {o.siret ? <Text size="sm">SIRET {o.siret}</Text> : null}
          {o.website ? (
            <Anchor href={o.website} size="sm" target="_blank" rel="noreferrer">
              {o.website}
            </Anchor>
          ) : null}
          {o.email ? (
            <Anchor href={`mailto:${o.email}`} size="sm">
              {o.email}
            </Anchor>
          ) : null}
          {o.phone ? <Text size="sm">{o.phone}</Text> : null}
          {o.kind !== "partner" ? <Text size="sm">{t("members.placeCount", { count: o.placeCount })}</Text> : null}
        </Group>
        {showMembership && o.periods.length > 0 ? (
          <div>
            <Text fw={600} size="sm">
              {t("members.periods")}
            </Text>
            <List size="sm">
              {o.periods.map((p) => (
                <List.Item key={p.id}>
                  {p.leftOn
                    ? t("common.period", { from: formatDay(p.joinedOn), to: formatDay(p.leftOn) })
                    : t("common.since", { date: formatDay(p.joinedOn) })}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {showMembership ? (
          <div>
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {t("members.representatives.title")}
              </Text>
              {onAddRepresentative && o.abilities.manageRepresentatives ? (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={onAddRepresentative}
                  aria-label={t("members.representatives.addNamed", { name: o.name })}
                >
                  {t("members.representatives.add")}
                </Button>
              ) : null}
            </Group>
            {activeReps.length === 0 ? (
              <Text size="sm">{t("members.representatives.none")}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {activeReps.map((r) => (
                  <List.Item key={r.id}>
                    <Group gap="xs">
                      <span>
                        {r.personName} ({t("common.since", { date: formatDay(r.since) })})
                      </span>
                      {onEndRepresentative && o.abilities.manageRepresentatives ? (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => onEndRepresentative(r)}
                          aria-label={t("members.representatives.endNamed", { name: r.personName })}
                        >
                          {t("members.representatives.end")}
                        </Button>
                      ) : null}
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {pastReps.length ? (
              <Text size="sm" mt={4}>
                {t("members.representatives.past")}{" "}
                {pastReps
                  .map((r) => `${r.personName} (${t("common.period", { from: formatDay(r.since), to: formatDay(r.until) })})`)
                  .join(" ; ")}
              </Text>
            ) : null}
          </div>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}
