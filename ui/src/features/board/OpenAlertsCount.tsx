// The count beside the Stage board in the sidebar: drift alerts no pilot has acknowledged yet
// (an import that opens one, or an acknowledgement, refreshes it). Nothing shown while none is open.
import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";
import { TONE } from "../../lib/statusColors";
import { plural } from "./boardData";

export function OpenAlertsCount() {
  const alerts = useQuery({
    queryKey: keys.openAlerts,
    queryFn: () => api.monitoringAlerts({ use_case_id: null, all: false }),
  });
  const n = alerts.data?.length ?? 0;
  if (n === 0) return null;
  const says = plural(n, "open drift alert");
  return (
    <Badge
      size="sm"
      circle={n < 10}
      color={TONE.bad}
      variant="filled"
      aria-label={says}
      title={says}
      data-testid="attention-board"
    >
      {n > 99 ? "99+" : n}
    </Badge>
  );
}
