import { Group, Stack, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";

interface PageLayoutProps {
  title: string;
  /** Shown under the title. */
  subtitle?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  before?: ReactNode;
}

/** The top of every page: the only <h1>, its actions, then the content. */
export function PageLayout({ title, subtitle, actions, children, before }: PageLayoutProps) {
  useEffect(() => {
    document.title = title ? `${title} · Maillage` : "Maillage";
  }, [title]);
  return (
    <Stack gap="lg">
      {before}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {subtitle}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}
