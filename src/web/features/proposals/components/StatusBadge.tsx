import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProposalSummaryDto } from "../../../../shared/contracts/proposals.ts";

const COLORS = { draft: "gray", open: "blue", decided: "green", withdrawn: "gray" } as const;

/** The state of a proposal, and its outcome once decided (a rejected one in red). */
export function StatusBadge({ p }: { p: Pick<ProposalSummaryDto, "status" | "outcome"> }) {
  const { t } = useTranslation();
  if (p.status === "decided" && p.outcome) {
    return (
      <Badge color={p.outcome === "adopted" ? "teal.9" : "red.9"} variant="outline">
        {t(`proposals.outcome.${p.outcome}`)}
      </Badge>
    );
  }
  return (
    <Badge color={`${COLORS[p.status]}.9`} variant="outline">
      {t(`proposals.status.${p.status}`)}
    </Badge>
  );
}
