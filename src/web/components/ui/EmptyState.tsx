import { Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="md">
        <Text ta="center" c="gray.7">
          {message}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}
