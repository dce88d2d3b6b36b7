import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shows the other language, in that language. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === "en" ? "fr" : "en";
  return (
    <Button variant="default" size="xs" lang={next} onClick={() => void i18n.changeLanguage(next)}>
      {next === "en" ? "English" : "Français"}
    </Button>
  );
}
