import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * What a module's list shows while it is empty: what the thing is, how Maillage helps, then the action, or who can
 * take it when the reader cannot.
 */
export function ModuleIntro({
  title,
  what,
  how,
  action,
  askOthers,
}: {
  title: string;
  what: string;
  how: string;
  action?: ReactNode;
  askOthers: string;
}) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="md" maw={640} mx="auto">
        <Title order={2} size="h4" ta="center">
          {title}
        </Title>
        <Text ta="center">{what}</Text>
        <Text ta="center" c="gray.7">
          {how}
        </Text>
        {action ?? (
          <Text ta="center" c="gray.7" size="sm">
            {askOthers}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
