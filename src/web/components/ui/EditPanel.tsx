import { Paper, Title } from "@mantine/core";
import { type ReactNode, useCallback, useState } from "react";

/** The bordered panel that replaces a detail page's content while the record is edited. */
export function EditPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * A detail page's edit state: `open()` shows the panel and clears the last « saved » notice,
 * `close(saved)` hides it and shows the notice when the change was saved.
 */
export function useEditPanel() {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const open = useCallback(() => {
    setSaved(false);
    setEditing(true);
  }, []);
  const close = useCallback((ok = false) => {
    setEditing(false);
    setSaved(ok);
  }, []);
  return { editing, saved, open, close };
}
