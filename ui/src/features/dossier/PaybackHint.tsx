// The payback gate's verdict on the figures as they are typed: the backend computes the payback
// once the value and both costs are numbers, a moment after typing stops (at once for a dossier
// just loaded), and the hint under the figures says whether it is within the horizon.
import { Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../backend";
import type { GatePreview } from "../../bindings/GatePreview";
import type { GatePreviewRequest } from "../../bindings/GatePreviewRequest";
import { keys } from "../../lib/queryKeys";
import { formatPayback } from "../../lib/vocabulary";
import type { DossierValues } from "./dossierEdits";

/** The gate's verdict on the figures shown (asked for only while `enabled`). */
export function usePaybackPreview(
  values: Pick<DossierValues, "annual_value" | "one_time_cost" | "monthly_run_cost">,
  enabled: boolean,
) {
  // One object per set of figures (a new one each render would restart the debounce on every
  // render); leading: the figures of a dossier just loaded are asked for at once, typing waits.
  const shownFigures = useMemo(
    () => ({
      annual_value: values.annual_value,
      one_time_cost: values.one_time_cost,
      monthly_run_cost: values.monthly_run_cost,
    }),
    [values.annual_value, values.one_time_cost, values.monthly_run_cost],
  );
  const [typed] = useDebouncedValue(shownFigures, 250, { leading: true });
  const figuresComplete = [typed.annual_value, typed.one_time_cost, typed.monthly_run_cost].every(
    (n) => typeof n === "number" && Number.isFinite(n),
  );
  const figures = typed as GatePreviewRequest; // asked for only once every figure is a number
  return useQuery({
    queryKey: keys.gatePreview(figures),
    queryFn: () => api.useCasePreviewGate(figures),
    enabled: enabled && figuresComplete,
  });
}

export function PaybackHint({ preview }: { preview: GatePreview | undefined }) {
  return (
    <Text size="sm" c={preview?.failure ? "grape" : "dimmed"} data-testid="payback-hint">
      {preview
        ? `Payback: ${formatPayback(preview.payback_months)} — ${
            preview.failure ?? `within the ${preview.horizon_months}-month horizon`
          }`
        : "Payback: enter the value and costs"}
    </Text>
  );
}
