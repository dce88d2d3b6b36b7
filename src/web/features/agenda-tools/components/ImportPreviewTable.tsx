import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportPreviewDto } from "../../../../shared/contracts/agenda.ts";
import { formatInstantRange } from "../lib/dates.ts";

type Row = ImportPreviewDto["rows"][number];

const ACTION_COLORS: Record<Row["action"], string> = { create: "teal", update: "blue", skip: "gray" };
/** Long calendars are shown in steps so that the page stays responsive. */
const STEP = 100;

interface ImportPreviewTableProps {
  slug: string;
  preview: ImportPreviewDto;
  excluded: Set<string>;
  onToggle: (uid: string, include: boolean) => void;
  disabled?: boolean;
}

/** What an import would do, row by row; rows that would be written can be left out. */
export function ImportPreviewTable({ slug, preview, excluded, onToggle, disabled }: ImportPreviewTableProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(STEP);
  const rows = preview.rows.slice(0, shown);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
          <Table.Caption>{t("agendaTools.import.previewCaption", { count: preview.rows.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("agendaTools.import.columns.include")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.import.columns.action")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.import.columns.title")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.import.columns.when")}</Table.Th>
              <Table.Th scope="col">{t("agendaTools.import.columns.notes")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const writable = row.action !== "skip";
              const included = writable && !excluded.has(row.uid);
              return (
                <Table.Tr key={row.uid} data-duplicate={row.duplicates.length > 0 || undefined}>
                  <Table.Td>
                    {writable ? (
                      <Checkbox
                        checked={included}
                        disabled={disabled}
                        onChange={(e) => onToggle(row.uid, e.currentTarget.checked)}
                        aria-label={t("agendaTools.import.includeRow", { title: row.title })}
                      />
                    ) : (
                      <Text size="sm" c="gray.7">
                        <span aria-hidden="true">—</span>
                        <VisuallyHidden>{t("agendaTools.import.notWritten")}</VisuallyHidden>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={ACTION_COLORS[row.action]} variant="light" c="dark.7" miw="max-content">
                      {t(`agendaTools.import.actions.${row.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.title}
                    </Text>
                    {row.recurring ? (
                      <Badge size="xs" variant="outline" color="gray" mt={2}>
                        {t("agendaTools.import.recurring")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatInstantRange(row.startsAt, row.endsAt, row.allDay)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {row.reason ? <Text size="sm">{row.reason}</Text> : null}
                      {row.duplicates.map((d) => (
                        <Text size="sm" key={d.other.eventId}>
                          <span aria-hidden="true">⚠ </span>
                          <strong>{t("agendaTools.import.probableDuplicate")}</strong> {d.explanation}{" "}
                          <Anchor
                            component={Link}
                            to={`/c/${slug}/agenda/evenements/${d.other.eventId}`}
                            size="sm"
                            underline="always"
                          >
                            {t("agendaTools.import.seeOther", { title: d.other.title })}
                          </Anchor>
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.rows.length > shown ? (
        <Group>
          <Button variant="default" onClick={() => setShown((n) => n + STEP * 5)}>
            {t("agendaTools.import.showMore", { count: preview.rows.length - shown })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
