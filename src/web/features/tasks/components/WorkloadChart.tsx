import { useId } from "react";
import type { LoadRowDto } from "../../../../shared/contracts/tasks.ts";

const ROW = 28;
const LABEL = 200;
const BAR = 420;
const VALUE = 70;
const WIDTH = LABEL + BAR + VALUE;
const TOP = 22;

interface Props {
  title: string;
  description: string;
  rows: LoadRowDto[];
  threshold: number;
  thresholdLabel: string;
  formatShare: (share: number) => string;
}

/**
 * Each one's share as a horizontal bar, with the alert threshold as a dashed line: whoever crosses it carries too
 * much. The same figures are in the table below, for screen readers and for checking by hand.
 */
export function WorkloadChart({ title, description, rows, threshold, thresholdLabel, formatShare }: Props) {
  const id = useId();
  const max = Math.min(1, Math.max(threshold * 1.25, ...rows.map((r) => r.share)));
  const x = (share: number) => LABEL + (share / max) * BAR;
  const height = TOP + rows.length * ROW + 6;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: "block" }}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        const name = r.name.length > 28 ? `${r.name.slice(0, 27)}…` : r.name;
        return (
          <g key={r.id}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="13" fill="#212529">
              {name}
            </text>
            <rect
              x={LABEL}
              y={y + 5}
              width={Math.max(1, x(r.share) - LABEL)}
              height={ROW - 10}
              rx="3"
              fill={r.overloaded ? "#c92a2a" : "#3b5bdb"}
            />
            <text x={x(r.share) + 6} y={y + ROW / 2 + 4} fontSize="13" fill="#212529" fontWeight={r.overloaded ? 700 : 400}>
              {formatShare(r.share)}
            </text>
          </g>
        );
      })}
      <line
        x1={x(threshold)}
        x2={x(threshold)}
        y1={TOP - 4}
        y2={height - 2}
        stroke="#862e9c"
        strokeWidth="2"
        strokeDasharray="6 4"
      />
      <text x={x(threshold)} y={TOP - 8} textAnchor="middle" fontSize="12" fill="#862e9c" fontWeight={700}>
        {thresholdLabel}
      </text>
    </svg>
  );
}
