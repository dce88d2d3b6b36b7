import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api-client.ts";

/** Turns any error into a sentence for people. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t("errors.network");
      const known = t(`errors.codes.${error.code}`, { defaultValue: "" });
      if (known && !["VALIDATION", "CONFLICT", "NOT_FOUND"].includes(error.code)) return known;
      if (error.fields._) return error.fields._;
      return error.message || known || t("errors.generic");
    }
    return t("errors.generic");
  };
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="outline" title={title ?? t("errors.title")} role="alert">
      {message(error)}
    </Alert>
  );
}
