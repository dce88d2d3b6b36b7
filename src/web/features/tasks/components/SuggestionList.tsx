import { Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SuggestionDto } from "../../../../shared/contracts/tasks.ts";

/** The sentence in the interface's language: the server phrases each reason in both (labels.ts). */
export const inLanguage = (s: { fr: string; en: string }, language: string) => (language.startsWith("en") ? s.en : s.fr);

/** People who could take a task, best first, each with why; a button gives the task to them when offered. */
export function SuggestionList({ items, onAssign }: { items: SuggestionDto[]; onAssign?: (personId: string) => void }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Text size="sm">{t("tasks.suggestions.none")}</Text>;
  return (
    <List listStyleType="none" spacing="sm" aria-label={t("tasks.suggestions.title")}>
      {items.map((s) => (
        <List.Item key={s.personId}>
          <Stack gap={2}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{s.name}</Text>
              <Text size="sm" c="gray.8">
                {t("tasks.suggestions.load", { load: Math.round(s.load * 10) / 10 })}
              </Text>
              {s.overloaded ? (
                <Badge variant="filled" color="red.9">
                  {t("tasks.suggestions.overloaded")}
                </Badge>
              ) : null}
              {onAssign ? (
                <Button size="compact-sm" variant="light" onClick={() => onAssign(s.personId)}>
                  {t("tasks.suggestions.assign", { name: s.name })}
                </Button>
              ) : null}
            </Group>
            {s.reasons.map((r) => (
              <Text key={r.fr} size="sm" c="gray.7">
                {inLanguage(r, i18n.language)}
              </Text>
            ))}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
