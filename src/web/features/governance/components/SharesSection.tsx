import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AssociateDto, CollegeDto, ShareRowDto, SharesDto } from "../../../../shared/contracts/governance.ts";
import { compare, parseFraction, sub, ZERO } from "../../../../shared/governance/fraction.ts";
import { describeShares, percent } from "../../../../shared/governance/labels.ts";
import { ConfirmToolDialog } from "../../agenda-tools/components/ToolDialog.tsx";
import { useRemoveAssociate } from "../api/colleges.ts";
import { euros } from "../lib/format.ts";
import { AddAssociateDialog } from "./AddAssociateDialog.tsx";
import { AssociateDialog } from "./AssociateDialog.tsx";
import { SharesChart } from "./SharesChart.tsx";

const gap = (r: ShareRowDto) => sub(parseFraction(r.capital.share) ?? ZERO, parseFraction(r.votes.share) ?? ZERO);

/** A share in the interface's language, with the exact value for whoever wants to check it by hand. */
function Share({ share, lang }: { share: string; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  const shown = percent(share, lang);
  return (
    <>
      {shown}
      {share.includes("/") ? (
        <Text span size="xs" c="gray.7" ml={6} title={t("governance.shares.exact", { share })}>
          ({share})
        </Text>
      ) : null}
    </>
  );
}

/**
 * Capital next to votes: the college totals with their chart, then every associate. The associate whose capital
 * most exceeds its vote is named first, since that is the case people ask about.
 */
export function SharesSection({
  slug,
  shares,
  colleges,
  associates,
  canEdit,
}: {
  slug: string;
  shares: SharesDto;
  colleges: CollegeDto[];
  /** The register, to leave those already in it out of the new associate's pickers. */
  associates: AssociateDto[];
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const [editing, setEditing] = useState<ShareRowDto | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ShareRowDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useRemoveAssociate(slug);
  const confirmRemove = (r: ShareRowDto) =>
    remove.mutate(r.associateId, {
      onSuccess: () => {
        setRemoving(null);
        setNotice(t("governance.shares.removed", { name: r.name }));
      },
    });
  const focus = [...shares.rows].sort((a, b) => compare(gap(b), gap(a)))[0];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="shares-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="shares-title">
              {t("governance.shares.title")}
            </Title>
            <Text size="sm" c="gray.7">
              {t("governance.shares.intro")}
            </Text>
          </Stack>
          {canEdit ? (
            <Button
              onClick={() => {
                setNotice(null);
                setAdding(true);
              }}
            >
              {t("governance.shares.add")}
            </Button>
          ) : null}
        </Group>
        {notice ? (
          <Alert
            color="indigo.9"
            variant="outline"
            role="status"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={t("common.close")}
          >
            {notice}
          </Alert>
        ) : null}
        {shares.rows.length === 0 ? (
          <Text>{t("governance.shares.empty")}</Text>
        ) : (
          <>
            {focus && compare(gap(focus), ZERO) > 0 ? (
              <Text fw={600}>
                {t("governance.shares.focus", {
                  name: focus.name,
                  shares: describeShares(
                    {
                      associateId: focus.associateId,
                      name: focus.name,
                      collegeId: focus.collegeId,
                      capitalShare: focus.capital.share,
                      votingShare: focus.votes.share,
                      collegeWeight: null,
                      collegeSize: 0,
                    },
                    lang,
                  ),
                })}
              </Text>
            ) : null}
            <Text size="sm">{t("governance.shares.publicCapital", { share: percent(shares.publicCapital.share, lang) })}</Text>
            {shares.issues.length > 0 ? (
              <Alert color="orange" variant="outline" title={t("governance.shares.issuesTitle")}>
                <List size="sm">
                  {shares.issues.map((i) => (
                    <List.Item key={i}>{i}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            {shares.colleges.length > 0 ? (
              <>
                <SharesChart colleges={shares.colleges} />
                <Table.ScrollContainer minWidth={600}>
                  <Table striped verticalSpacing="xs" captionSide="top">
                    <Table.Caption>{t("governance.shares.collegesCaption")}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("governance.shares.college")}</Table.Th>
                        <Table.Th scope="col">{t("governance.shares.members")}</Table.Th>
                        <Table.Th scope="col">{t("governance.shares.capitalAmount")}</Table.Th>
                        <Table.Th scope="col">{t("governance.shares.capitalShare")}</Table.Th>
                        <Table.Th scope="col">{t("governance.shares.votingShare")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shares.colleges.map((c) => (
                        <Table.Tr key={c.collegeId}>
                          <Table.Th scope="row">{c.name}</Table.Th>
                          <Table.Td>{c.associateCount}</Table.Td>
                          <Table.Td>{euros(c.capitalCents, lang)}</Table.Td>
                          <Table.Td>
                            <Share share={c.capital.share} lang={lang} />
                          </Table.Td>
                          <Table.Td>
                            <Share share={c.votes.share} lang={lang} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            ) : null}
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
                <Table.Caption>{t("governance.shares.associatesCaption", { count: shares.rows.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("governance.shares.associate")}</Table.Th>
                    <Table.Th scope="col">{t("governance.shares.college")}</Table.Th>
                    <Table.Th scope="col">{t("governance.shares.capitalAmount")}</Table.Th>
                    <Table.Th scope="col">{t("governance.shares.capitalShare")}</Table.Th>
                    <Table.Th scope="col">{t("governance.shares.votingShare")}</Table.Th>
                    {canEdit ? <Table.Th scope="col">{t("governance.body.actions")}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shares.rows.map((r) => (
                    <Table.Tr key={r.associateId}>
                      <Table.Th scope="row" fw={500}>
                        {r.name}
                      </Table.Th>
                      <Table.Td>{r.collegeName ?? t("governance.shares.noCollege")}</Table.Td>
                      <Table.Td>{euros(r.capitalCents, lang)}</Table.Td>
                      <Table.Td>
                        <Share share={r.capital.share} lang={lang} />
                      </Table.Td>
                      <Table.Td>
                        <Share share={r.votes.share} lang={lang} />
                      </Table.Td>
                      {canEdit ? (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="subtle"
                              onClick={() => {
                                setNotice(null);
                                setEditing(r);
                              }}
                              aria-label={t("governance.shares.editAria", { name: r.name })}
                            >
                              {t("governance.shares.edit")}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                setNotice(null);
                                remove.reset();
                                setRemoving(r);
                              }}
                              aria-label={t("governance.shares.removeAria", { name: r.name })}
                            >
                              {t("governance.shares.remove")}
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
      {editing ? (
        <AssociateDialog
          slug={slug}
          row={editing}
          colleges={colleges}
          onClose={() => setEditing(null)}
          onDone={() => setNotice(t("governance.shares.updated"))}
        />
      ) : null}
      {adding ? (
        <AddAssociateDialog
          slug={slug}
          colleges={colleges}
          registered={associates}
          onClose={() => setAdding(false)}
          onDone={(name) => setNotice(t("governance.shares.added", { name }))}
        />
      ) : null}
      <ConfirmToolDialog
        opened={removing !== null}
        title={t("governance.shares.removeTitle", { name: removing?.name ?? "" })}
        message={
          removing ? t("governance.shares.removeText", { name: removing.name, amount: euros(removing.capitalCents, lang) }) : ""
        }
        confirmLabel={t("governance.shares.removeConfirm")}
        onConfirm={() => removing && confirmRemove(removing)}
        onClose={() => setRemoving(null)}
        loading={remove.isPending}
        error={remove.error}
      />
    </Paper>
  );
}
