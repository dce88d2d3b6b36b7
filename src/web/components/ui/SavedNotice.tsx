import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The polite « saved » status shown after an edit succeeds; renders nothing until `shown`. */
export function SavedNotice({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Alert color="indigo" variant="outline" role="status">
      {t("common.saved")}
    </Alert>
  );
}
