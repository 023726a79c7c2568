// The small count beside a sidebar entry: what waits there for someone (sign-offs awaiting or
// stale, deployed versions with a lineage gap, cases the payback gate parked for a decision), as
// the overview counts it. Nothing is shown while there is nothing to do, or before the count is in.
import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../backend";
import type { Attention } from "../bindings/Attention";
import { keys } from "../lib/queryKeys";
import type { PageId } from "./navigation";

/** What each page's count adds up, and how it reads to a screen reader. */
const COUNTED: Partial<Record<PageId, { count: (a: Attention) => number; says: (n: number) => string }>> = {
  signoffs: {
    count: (a) => a.signoffs_awaiting + a.signoffs_stale,
    says: (n) => `${n} sign-off${n === 1 ? "" : "s"} awaiting or stale`,
  },
  lineage: {
    count: (a) => a.lineage_gaps,
    says: (n) => `${n} deployed version${n === 1 ? "" : "s"} with a lineage gap`,
  },
  research: {
    count: (a) => a.gate_decisions,
    says: (n) => `${n} case${n === 1 ? "" : "s"} awaiting a payback-gate decision`,
  },
};

export function AttentionCount({ page }: { page: PageId }) {
  const counted = COUNTED[page];
  // The overview's query: the same cache entry the Overview page reads, refreshed by every change
  // that affects a count (lib/queryKeys: sign-offs, use cases, registry, governance).
  const overview = useQuery({ queryKey: keys.overview, queryFn: api.programmeOverview, enabled: !!counted });
  if (!counted || !overview.data) return null;
  const n = counted.count(overview.data.attention);
  if (n <= 0) return null;
  const says = counted.says(n);
  return (
    <Badge
      size="sm"
      circle={n < 10}
      color={page === "research" ? "grape" : "red"}
      variant="filled"
      aria-label={says}
      title={says}
      data-testid={`attention-${page}`}
    >
      {n > 99 ? "99+" : n}
    </Badge>
  );
}
