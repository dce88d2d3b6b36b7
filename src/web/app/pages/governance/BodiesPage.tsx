import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { BODY_KINDS } from "../../../../shared/contracts/governance.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { useBodies } from "../../../features/governance/api/bodies.ts";
import { GovernanceTabs } from "../../../features/governance/components/GovernanceTabs.tsx";
import { NewBodyDialog } from "../../../features/governance/components/NewBodyDialog.tsx";
import { RenewalsCard } from "../../../features/governance/components/RenewalsCard.tsx";
import { dayText } from "../../../features/governance/lib/format.ts";

/** The consortium's bodies grouped by kind, with their current members, and the mandates due for renewal. */
export default function BodiesPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const list = useBodies(slug);
  const [creating, setCreating] = useState(false);
  const lang = i18n.language;

  return (
    <PageLayout
      before={<GovernanceTabs />}
      title={t("governance.bodies.title")}
      subtitle={<Text c="gray.7">{t("governance.bodies.subtitle")}</Text>}
      actions={
        list.data?.abilities.create ? <Button onClick={() => setCreating(true)}>{t("governance.bodies.new")}</Button> : undefined
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <RenewalsCard slug={slug} list={list.data} />
          {list.data.items.length === 0 ? <Text>{t("governance.bodies.empty")}</Text> : null}
          {BODY_KINDS.map((kind) => {
            const items = list.data.items.filter((b) => b.kind === kind);
            if (items.length === 0) return null;
            return (
              <Stack key={kind} gap="sm" component="section" aria-labelledby={`kind-${kind}`}>
                <Title order={2} size="h3" id={`kind-${kind}`}>
                  {t(`governance.kindGroups.${kind}`)}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  {items.map((b) => (
                    <Paper key={b.id} withBorder p="md" radius="md" component="article" aria-labelledby={`body-${b.id}`}>
                      <Stack gap={6}>
                        <Group justify="space-between" wrap="nowrap" align="flex-start">
                          <Anchor
                            component={Link}
                            to={`/c/${slug}/gouvernance/instances/${b.id}`}
                            fw={600}
                            size="lg"
                            id={`body-${b.id}`}
                          >
                            {b.name}
                          </Anchor>
                          {b.archived ? (
                            <Badge color="gray.8" variant="outline" radius="sm">
                              {t("governance.bodies.archived")}
                            </Badge>
                          ) : b.renewalsDue > 0 ? (
                            <Badge color="indigo.9" variant="outline" radius="sm">
                              {t("governance.bodies.renewalsDue", { count: b.renewalsDue })}
                            </Badge>
                          ) : null}
                        </Group>
                        {b.description ? (
                          <Text size="sm" c="gray.7" lineClamp={2}>
                            {b.description}
                          </Text>
                        ) : null}
                        <Text size="sm">
                          {b.memberCount > 0
                            ? t("governance.bodies.members", { count: b.memberCount })
                            : t("governance.bodies.noMembers")}
                          {b.nextEnd
                            ? ` · ${t("governance.bodies.nextEnd", { date: dayText(b.nextEnd.endsOn, lang), count: b.nextEnd.count })}`
                            : ""}
                        </Text>
                      </Stack>
                    </Paper>
                  ))}
                </SimpleGrid>
              </Stack>
            );
          })}
        </>
      )}
      <NewBodyDialog
        slug={slug}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(body) => navigate(`/c/${slug}/gouvernance/instances/${body.id}`)}
      />
    </PageLayout>
  );
}
