import { Anchor, Badge, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { EmptyState } from "../../components/ui/EmptyState.tsx";
import { ErrorAlert } from "../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { PageLayout } from "../../components/ui/PageLayout.tsx";
import { SimplePagination } from "../../components/ui/SimplePagination.tsx";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { useOrganizations } from "../../features/directory/api/organizations.ts";
import { usePeople } from "../../features/directory/api/people.ts";
import { PersonContact } from "../../features/directory/components/PersonContact.tsx";
import { CreatePersonForm } from "../../features/directory/components/PersonForms.tsx";
import { options, PERSON_ROLE_VALUES } from "../../lib/labels.ts";

const PAGE_SIZE = 25;

export default function PeoplePage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const organizationId = params.get("organisation") ?? "";
  const role = params.get("role") ?? "";
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const [adding, setAdding] = useState(false);
  const consortium = useConsortium(slug);
  const organizations = useOrganizations(slug);
  const people = usePeople(slug, {
    q: debouncedQ.trim() || undefined,
    organizationId: organizationId || undefined,
    role: role || undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const orgOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const canCreate = Boolean(consortium.data?.abilities.createPerson);
  const addButton = canCreate ? <Button onClick={() => setAdding(true)}>{t("people.add")}</Button> : undefined;
  const filtered = Boolean(debouncedQ.trim() || organizationId || role);

  return (
    <PageLayout title={t("people.title")} actions={addButton}>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too recent for the browsers our users keep; form[role=search] is read the same way. */}
      <form role="search" aria-label={t("people.filters")} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="search"
            label={t("people.searchLabel")}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setParam("q", e.currentTarget.value);
            }}
          />
          <NativeSelect
            label={t("people.fields.organization")}
            data={[{ value: "", label: t("people.allOrganizations") }, ...orgOptions]}
            value={organizationId}
            onChange={(e) => setParam("organisation", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("people.fields.role")}
            data={[{ value: "", label: t("people.allRoles") }, ...options(t, "roles.person", PERSON_ROLE_VALUES)]}
            value={role}
            onChange={(e) => setParam("role", e.currentTarget.value)}
          />
        </SimpleGrid>
      </form>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorAlert error={people.error} />
      ) : people.data.items.length === 0 ? (
        <EmptyState message={filtered ? t("people.noMatch") : t("people.empty")} action={filtered ? undefined : addButton} />
      ) : (
        <Stack gap="sm">
          <Text aria-live="polite">{t("common.total", { count: people.data.total })}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption>{t("people.tableCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("people.columns.name")}</Table.Th>
                  <Table.Th scope="col">{t("people.columns.roles")}</Table.Th>
                  <Table.Th scope="col">{t("people.columns.skills")}</Table.Th>
                  <Table.Th scope="col">{t("people.columns.contact")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/c/${slug}/personnes/${p.id}`} fw={600}>
                        {p.firstName} {p.lastName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {p.roles
                          .filter((r) => !r.until)
                          .map((r) => (
                            <Text key={r.id} size="sm">
                              {t(`roles.person.${r.role}`)} · {r.organizationName}
                            </Text>
                          ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.skills.slice(0, 4).map((s) => (
                          <Badge key={s} variant="outline" color="gray.8" size="sm">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <PersonContact person={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SimplePagination
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            onChange={(n) => setParam("page", String(n))}
          />
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t("people.addTitle")} size="lg">
        {adding ? (
          <CreatePersonForm
            slug={slug}
            organizations={orgOptions}
            onDone={(p) => {
              setAdding(false);
              if (p) navigate(`/c/${slug}/personnes/${p.id}`);
            }}
          />
        ) : null}
      </Modal>
    </PageLayout>
  );
}
