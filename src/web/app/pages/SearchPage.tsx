import { Anchor, Button, Group, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { SearchHit } from "../../../shared/contracts/directory.ts";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { useOrganizations } from "../../features/directory/api/organizations.ts";
import { useSearch } from "../../features/directory/api/people.ts";

const TYPES = ["organization", "place", "person"] as const;

export default function SearchPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [input, setInput] = useState(q);
  useEffect(() => setInput(q), [q]);
  const search = useSearch(slug, q);
  const partners = useOrganizations(slug, "partner");
  const partnerIds = new Set((partners.data ?? []).map((o) => o.id));

  const link = (hit: SearchHit) => {
    if (hit.type === "place") return `/c/${slug}/lieux/${hit.id}`;
    if (hit.type === "person") return `/c/${slug}/personnes/${hit.id}`;
    return partnerIds.has(hit.id) ? `/c/${slug}/partenaires` : `/c/${slug}/membres`;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(input.trim() ? { q: input.trim() } : {});
  }

  const tooShort = q.trim().length > 0 && q.trim().length < 2;
  return (
    <PageLayout title={t("search.title")} subtitle={<Text>{t("search.intro")}</Text>}>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too recent for the browsers our users keep; form[role=search] is read the same way. */}
      <form role="search" onSubmit={submit} aria-label={t("search.title")}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="search"
            label={t("search.field")}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            w={{ base: "100%", sm: 420 }}
          />
          <Button type="submit">{t("search.submit")}</Button>
        </Group>
      </form>
      {tooShort ? <Text>{t("search.tooShort")}</Text> : null}
      {q.trim().length >= 2 ? (
        search.isPending ? (
          <Loading />
        ) : search.isError ? (
          <ErrorAlert error={search.error} />
        ) : search.data.hits.length === 0 ? (
          <EmptyState message={t("search.noResults", { q })} />
        ) : (
          <Stack gap="lg">
            <Text aria-live="polite">{t("common.total", { count: search.data.hits.length })}</Text>
            {TYPES.map((type) => {
              const hits = search.data.hits.filter((h) => h.type === type);
              if (hits.length === 0) return null;
              return (
                <section key={type} aria-labelledby={`hits-${type}`}>
                  <Title order={2} size="h3" id={`hits-${type}`} mb="xs">
                    {t(`search.groups.${type}`)} ({hits.length})
                  </Title>
                  <List listStyleType="none" spacing="xs">
                    {hits.map((h) => (
                      <List.Item key={h.id}>
                        <Anchor component={Link} to={link(h)} fw={600}>
                          {h.title}
                        </Anchor>
                        {h.subtitle ? <Text size="sm">{h.subtitle}</Text> : null}
                      </List.Item>
                    ))}
                  </List>
                </section>
              );
            })}
          </Stack>
        )
      ) : null}
    </PageLayout>
  );
}
