import { useTranslation } from "react-i18next";
import type { CollegeShareDto } from "../../../../shared/contracts/governance.ts";
import { parseFraction, toNumber } from "../../../../shared/governance/fraction.ts";
import { percent } from "../../../../shared/governance/labels.ts";

const CAPITAL = "#3b5bdb";
const VOTES = "#d9480f";

/**
 * Two bars per college, capital and votes, on the same 0–100 % scale, so the gap between what a college put in
 * and what it weighs in the vote shows at a glance. The numbers are in the table next to it.
 */
export function SharesChart({ colleges }: { colleges: CollegeShareDto[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const label = 170;
  const width = 640;
  const bar = 14;
  const rowHeight = 2 * bar + 22;
  const scale = width - label - 70;
  const height = 30 + colleges.length * rowHeight;
  const value = (text: string) => toNumber(parseFraction(text) ?? { num: 0n, den: 1n });
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-labelledby="shares-chart-title shares-chart-desc"
    >
      <title id="shares-chart-title">{t("governance.shares.chartTitle")}</title>
      <desc id="shares-chart-desc">{t("governance.shares.chartDesc")}</desc>
      <g fontSize="12" fill="#212529">
        <rect x={label} y={4} width={12} height={12} fill={CAPITAL} />
        <text x={label + 18} y={14}>
          {t("governance.shares.capital")}
        </text>
        <rect x={label + 110} y={4} width={12} height={12} fill={VOTES} />
        <text x={label + 128} y={14}>
          {t("governance.shares.votes")}
        </text>
      </g>
      {colleges.map((c, i) => {
        const y = 30 + i * rowHeight;
        const capital = value(c.capital.share);
        const votes = value(c.votes.share);
        return (
          <g key={c.collegeId} fontSize="12" fill="#212529">
            <text x={label - 8} y={y + bar + 4} textAnchor="end">
              {c.name.length > 24 ? `${c.name.slice(0, 23)}…` : c.name}
            </text>
            <rect x={label} y={y} width={Math.max(1, capital * scale)} height={bar} fill={CAPITAL} rx={2} />
            <text x={label + capital * scale + 6} y={y + bar - 3}>
              {percent(c.capital.share, lang)}
            </text>
            <rect x={label} y={y + bar + 2} width={Math.max(1, votes * scale)} height={bar} fill={VOTES} rx={2} />
            <text x={label + votes * scale + 6} y={y + 2 * bar - 1}>
              {percent(c.votes.share, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
