import { Box, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RotationDto } from "../../../../shared/contracts/rotations.ts";
import { decimal, percentOf, signed } from "../lib/format.ts";

type Row = RotationDto["fairness"][number];

const PAST = "#91a7ff"; // indigo.3
const PLANNED = "#364fc7"; // indigo.8
const TARGET = "#212529"; // dark.7
const GRID = "#ced4da"; // gray.4
const INK = "#343a40"; // gray.8

/** A gap worth saying: more than half a turn away from the share. */
const off = (r: Row) => Math.abs(r.deviation) > 0.5;

function ticksUpTo(max: number): number[] {
  const step = max <= 10 ? 1 : max <= 25 ? 5 : 10;
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Turns (past, then planned) against the target of each host, as horizontal bars with the target as a mark.
 * The figure is an image with a summary for screen readers; the table next to it holds every figure.
 */
function FairnessChart({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const labelWidth = 190;
  const barWidth = 420;
  const rowHeight = 34;
  const top = 8;
  const axis = 26;
  const max = Math.max(1, Math.ceil(Math.max(...rows.map((r) => Math.max(r.pastTurns + r.turns, r.target)))));
  const x = (v: number) => labelWidth + (v / max) * barWidth;
  const height = top + rows.length * rowHeight + axis;
  const width = labelWidth + barWidth + 24;
  const summary = t("rotations.fairness.chartLabel", {
    hosts: rows
      .map((r) =>
        t("rotations.fairness.chartHost", {
          host: r.hostName,
          total: decimal(r.pastTurns + r.turns, lang),
          target: decimal(r.target, lang),
        }),
      )
      .join(" ; "),
  });

  return (
    <Stack gap={6}>
      <Box style={{ maxWidth: width }}>
        <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ display: "block" }}>
          {ticksUpTo(max).map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={top - 4} y2={top + rows.length * rowHeight} stroke={GRID} strokeWidth={1} />
              <text x={x(v)} y={top + rows.length * rowHeight + 18} textAnchor="middle" fontSize={12} fill={INK}>
                {v}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = top + i * rowHeight;
            const mid = y + rowHeight / 2;
            return (
              <g key={r.personId ?? r.organizationId}>
                <text x={labelWidth - 10} y={mid + 4} textAnchor="end" fontSize={13} fill={INK}>
                  {truncate(r.hostName, 26)}
                </text>
                {r.pastTurns > 0 ? <rect x={x(0)} y={mid - 8} width={x(r.pastTurns) - x(0)} height={16} fill={PAST} /> : null}
                {r.turns > 0 ? (
                  <rect
                    x={x(r.pastTurns)}
                    y={mid - 8}
                    width={x(r.pastTurns + r.turns) - x(r.pastTurns)}
                    height={16}
                    fill={PLANNED}
                  />
                ) : null}
                <line x1={x(r.target)} x2={x(r.target)} y1={mid - 13} y2={mid + 13} stroke={TARGET} strokeWidth={3} />
              </g>
            );
          })}
        </svg>
      </Box>
      {/* The legend is plain text: the colours are not the only way to tell past from planned. */}
      <Group gap="lg" aria-hidden="true">
        <Group gap={6}>
          <Box w={14} h={14} bg={PAST} />
          <Text size="sm">{t("rotations.fairness.legendPast")}</Text>
        </Group>
        <Group gap={6}>
          <Box w={14} h={14} bg={PLANNED} />
          <Text size="sm">{t("rotations.fairness.legendPlanned")}</Text>
        </Group>
        <Group gap={6}>
          <Box w={3} h={16} bg={TARGET} />
          <Text size="sm">{t("rotations.fairness.legendTarget")}</Text>
        </Group>
      </Group>
    </Stack>
  );
}

/** How evenly the turns are shared: per host, its share, its turns and how far they are from the target. */
export function FairnessSection({ rotation }: { rotation: RotationDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = rotation.fairness;
  const weighted = rotation.fields.weighting === "weighted";
  if (rows.length === 0) return null;

  return (
    <Stack gap="md" component="section" aria-labelledby="rotation-fairness">
      <div>
        <Title order={2} size="h3" id="rotation-fairness">
          {t("rotations.fairness.title")}
        </Title>
        <Text size="sm" c="gray.7">
          {weighted ? t("rotations.fairness.introWeighted") : t("rotations.fairness.introEqual")}
        </Text>
      </div>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" captionSide="top" id="rotation-fairness-table">
          <Table.Caption>{t("rotations.fairness.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rotations.fairness.host")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {weighted ? t("rotations.fairness.weightShare") : t("rotations.fairness.share")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("rotations.fairness.pastTurns")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("rotations.fairness.turns")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("rotations.fairness.target")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("rotations.fairness.deviation")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.personId ?? r.organizationId}>
                <Table.Th scope="row" fw={500}>
                  {r.hostName}
                </Table.Th>
                <Table.Td ta="right">
                  {weighted ? `${decimal(r.weight, lang)} (${percentOf(r.share, lang)})` : percentOf(r.share, lang)}
                </Table.Td>
                <Table.Td ta="right">{r.pastTurns}</Table.Td>
                <Table.Td ta="right">{r.turns}</Table.Td>
                <Table.Td ta="right">{decimal(r.target, lang)}</Table.Td>
                <Table.Td ta="right" fw={off(r) ? 700 : undefined}>
                  {signed(r.deviation, lang)}
                  {off(r) ? (
                    <Text span size="xs" display="block" fw={400}>
                      {r.deviation > 0 ? t("rotations.fairness.above") : t("rotations.fairness.below")}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="gray.7">
        {t("rotations.fairness.deviationHint")}
      </Text>
      <FairnessChart rows={rows} />
    </Stack>
  );
}
