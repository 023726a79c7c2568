// Stale sign-offs for lists: one query for every stale, not-superseded sign-off, and the red
// icon shown beside a record whose signed content has changed since — in the ranked table, the
// research lane and the adapter versions, wherever a record appears in a list.
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../backend";
import { LazyTooltip } from "../../components/LazyTooltip";
import type { SignoffFilter } from "../../bindings/SignoffFilter";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { localDate } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { SIGNOFF_STATE_COLOR } from "../../lib/statusColors";

const STALE: SignoffFilter = { entity_id: null, stale_only: true };

/** The query behind the stale flags; a page that shows them asks for it with its own data. */
export const staleSignoffsQuery = { queryKey: keys.signoffs(STALE), queryFn: () => api.signoffList(STALE) };

/** Stale sign-offs by the id of the record they cover. */
export function useStaleSignoffs(): Map<string, SignoffStatus> {
  const stale = useQuery(staleSignoffsQuery);
  return useMemo(
    () => new Map((stale.data ?? []).filter((s) => !s.superseded).map((s) => [s.signoff.entity_id, s])),
    [stale.data],
  );
}

export function StaleSignoffIcon({ status, testId }: { status: SignoffStatus; testId: string }) {
  const s = status.signoff;
  return (
    <LazyTooltip
      label={`Sign-off stale: changed since ${s.signed_by} signed it off on ${localDate(s.signed_at)}`}
      multiline
      w={260}
    >
      <IconAlertTriangle
        size={16}
        color={`var(--mantine-color-${SIGNOFF_STATE_COLOR.stale}-6)`}
        aria-label="sign-off stale"
        data-testid={testId}
      />
    </LazyTooltip>
  );
}
