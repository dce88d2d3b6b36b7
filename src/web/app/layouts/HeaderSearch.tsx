import { TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

export function HeaderSearch({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    navigate(`/c/${slug}/recherche?q=${encodeURIComponent(q.trim())}`);
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too recent for the browsers our users keep; form[role=search] is read the same way.
    <form role="search" onSubmit={onSubmit} aria-label={t("search.headerLabel")}>
      <TextInput
        type="search"
        size="xs"
        aria-label={t("search.headerLabel")}
        placeholder={t("search.placeholder")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: 140, sm: 240 }}
      />
    </form>
  );
}
