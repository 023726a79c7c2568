// A record's compliance sign-off state, the same wherever the record appears: not signed off
// (gray), signed off by whom and when (green), or stale because the record changed since (red).
import { Badge, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconSignature } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { SignoffFilter } from "../../bindings/SignoffFilter";
import { localDate, signoffState } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { SIGNOFF_STATE_COLOR } from "../../lib/statusColors";

export function SignoffBadge({ entityId, size = "sm" }: { entityId: string; size?: "xs" | "sm" | "md" }) {
  const filter: SignoffFilter = { entity_id: entityId, stale_only: false };
  const signoffs = useQuery({ queryKey: keys.signoffs(filter), queryFn: () => api.signoffList(filter) });
  if (signoffs.isPending) return null;
  if (signoffs.isError) {
    return (
      <Tooltip label={signoffs.error.message} multiline maw={320}>
        <Badge miw="max-content" color={SIGNOFF_STATE_COLOR.none} variant="outline" size={size} tt="none">
          Sign-off unknown
        </Badge>
      </Tooltip>
    );
  }
  const state = signoffState(signoffs.data);
  if (state.kind === "none") {
    return (
      <Badge
        miw="max-content"
        color={SIGNOFF_STATE_COLOR.none}
        variant="light"
        size={size}
        tt="none"
        data-testid={`signoff-none-${entityId}`}
      >
        Not signed off
      </Badge>
    );
  }
  const s = state.status.signoff;
  const signed = `Signed off by ${s.signed_by} on ${localDate(s.signed_at)}`;
  if (state.kind === "stale") {
    return (
      <Tooltip
        label={`${signed}; the record has changed since, so the sign-off no longer covers it.`}
        multiline
        maw={320}
      >
        <Badge
          miw="max-content"
          color={SIGNOFF_STATE_COLOR.stale}
          variant="filled"
          size={size}
          tt="none"
          leftSection={<IconAlertTriangle size={12} />}
          data-testid={`signoff-stale-${entityId}`}
        >
          Sign-off stale
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={s.comment ? `“${s.comment}”` : "No comment"} multiline maw={320}>
      <Badge
        miw="max-content"
        color={SIGNOFF_STATE_COLOR.current}
        variant="light"
        size={size}
        tt="none"
        leftSection={<IconSignature size={12} />}
        data-testid={`signoff-current-${entityId}`}
      >
        {signed}
      </Badge>
    </Tooltip>
  );
}
