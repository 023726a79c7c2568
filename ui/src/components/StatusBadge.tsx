// An adapter version's status as a coloured badge, the same on every page.
import { Badge } from "@mantine/core";
import type { AdapterStatus } from "../bindings/AdapterStatus";
import { STATUS_LABEL } from "../lib/recordKinds";
import { STATUS_COLOR } from "../lib/statusColors";

export function StatusBadge({ status, size }: { status: AdapterStatus; size?: "xs" | "sm" | "md" }) {
  return (
    <Badge
      miw="max-content"
      color={STATUS_COLOR[status]}
      variant={status === "retired" ? "outline" : "light"}
      size={size}
    >
      {STATUS_LABEL[status]}
    </Badge>
  );
}
