import { Button, Group, Stack, Text, Textarea, TextInput, VisuallyHidden } from "@mantine/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Feed addresses may come relative; calendar applications need them whole. */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}

async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not a secure context): fall back on selecting the text.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

interface CopyFieldProps {
  label: string;
  value: string;
  /** Shown after the copy button: a subscribe link, an "open" link… */
  extra?: ReactNode;
  description?: ReactNode;
  multiline?: boolean;
}

/** A read-only address or snippet with a copy button; when copying is refused the text is selected instead. */
export function CopyField({ label, value, extra, description, multiline }: CopyFieldProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "select">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => setState((await copyText(value, ref.current)) ? "copied" : "select");
  const field = multiline ? (
    <Textarea
      ref={ref}
      label={label}
      description={description}
      value={value}
      readOnly
      autosize
      minRows={3}
      styles={{ input: { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 13 } }}
      onFocus={(e) => e.currentTarget.select()}
    />
  ) : (
    <TextInput
      ref={ref}
      label={label}
      description={description}
      value={value}
      readOnly
      style={{ flex: 1, minWidth: 260 }}
      styles={{ input: { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 13 } }}
      onFocus={(e) => e.currentTarget.select()}
    />
  );
  const buttons = (
    <Group gap="xs" wrap="nowrap">
      <Button variant={state === "copied" ? "filled" : "default"} color={state === "copied" ? "teal" : undefined} onClick={copy}>
        {state === "copied" ? t("agendaTools.copy.copied") : t("agendaTools.copy.copy")}
        <VisuallyHidden> {label}</VisuallyHidden>
      </Button>
      {extra}
    </Group>
  );
  return (
    <Stack gap={4}>
      {multiline ? (
        <>
          {field}
          {buttons}
        </>
      ) : (
        <Group gap="xs" align="flex-end" wrap="wrap">
          {field}
          {buttons}
        </Group>
      )}
      <Text size="xs" c="gray.7" role="status" mih={0}>
        {state === "copied" ? t("agendaTools.copy.copiedStatus") : state === "select" ? t("agendaTools.copy.selectStatus") : ""}
      </Text>
    </Stack>
  );
}
