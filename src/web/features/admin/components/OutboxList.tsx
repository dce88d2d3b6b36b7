import { Accordion, Anchor, Badge, Group, Text } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxMessageDto } from "../../../../shared/contracts/consortium.ts";
import { EmptyState } from "../../../components/ui/EmptyState.tsx";
import { formatDateTime } from "../../../lib/format.ts";

/** Turns the URLs of a plain-text e-mail into links. */
function linkify(text: string): ReactNode[] {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts.map((part, i) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: static split of one text
      <Anchor key={i} href={part}>
        {part}
      </Anchor>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: static split of one text
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export function OutboxList({ messages }: { messages: OutboxMessageDto[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <EmptyState message={t("outbox.empty")} />;
  return (
    <Accordion variant="separated" multiple>
      {messages.map((m) => (
        <Accordion.Item key={m.id} value={m.id}>
          <Accordion.Control>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>{m.subject}</Text>
                <Text size="sm">
                  {t("outbox.to")} {m.to}
                </Text>
              </div>
              <Group gap="xs">
                {m.error ? <Badge color="red.9">{t("outbox.failed")}</Badge> : null}
                <Text size="sm">{formatDateTime(m.createdAt)}</Text>
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            {m.error ? (
              <Text c="red.9" size="sm" mb="xs">
                {m.error}
              </Text>
            ) : null}
            <pre className="pre-wrap">{linkify(m.text)}</pre>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
