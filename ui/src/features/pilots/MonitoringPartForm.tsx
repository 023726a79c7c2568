// The monitoring part's form: what is traced and where, the drift metric (baseline, threshold,
// which crossing alerts, how often it is checked) and feedback capture (channel, owner, review
// frequency), defined before the first pilot launches. Saved whole; blanks leave it incomplete.
import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { DriftDirection } from "../../bindings/DriftDirection";
import type { MonitoringPart } from "../../bindings/MonitoringPart";
import { DRIFT_DIRECTION_LABEL } from "../../lib/recordKinds";
import { OwnerField, PartFormFooter, type PartValues, usePartForm } from "./partFormParts";

type Values = PartValues<MonitoringPart>;

const DIRECTIONS = (Object.keys(DRIFT_DIRECTION_LABEL) as DriftDirection[]).map((d) => ({
  value: d,
  label: DRIFT_DIRECTION_LABEL[d],
}));

function valuesOf(owner: string, m: MonitoringPart): Values {
  return {
    owner,
    traced_what: m.traced_what,
    traced_where: m.traced_where,
    drift_metric: m.drift_metric,
    drift_baseline: m.drift_baseline,
    drift_threshold: m.drift_threshold,
    drift_direction: m.drift_direction,
    drift_check_frequency: m.drift_check_frequency,
    feedback_channel: m.feedback_channel,
    feedback_owner: m.feedback_owner,
    feedback_review_frequency: m.feedback_review_frequency,
  };
}

export function MonitoringPartForm({
  useCaseId,
  owner,
  content,
  onClose,
}: {
  useCaseId: string;
  owner: string;
  content: MonitoringPart;
  onClose: () => void;
}) {
  const { form, saver, field } = usePartForm({
    useCaseId,
    part: "monitoring",
    initialValues: valuesOf(owner, content),
    content: (monitoring) => monitoring,
    onClose,
  });
  const values = form.getValues();
  /** A number field: empty is "not set" (null), as the part stores it. */
  const numberProps = (field: "drift_baseline" | "drift_threshold") => ({
    value: values[field] ?? "",
    onChange: (v: string | number) => form.setFieldValue(field, typeof v === "number" ? v : null),
    error: form.errors[field],
    decimalScale: 6,
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <OwnerField inputProps={form.getInputProps("owner")} />
        <SimpleGrid cols={2}>
          <TextInput
            label="Traced: what"
            placeholder="prompts, completions, tool calls, latency"
            {...field("traced_what")}
          />
          <TextInput label="Traced: where" placeholder="OpenTelemetry → Tempo, 30 days" {...field("traced_where")} />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Drift detection
        </Text>
        <SimpleGrid cols={3}>
          <TextInput label="Drift metric" placeholder="escalation rate" {...field("drift_metric")} />
          <NumberInput label="Baseline" {...numberProps("drift_baseline")} data-testid="bp-field-drift_baseline" />
          <NumberInput label="Threshold" {...numberProps("drift_threshold")} data-testid="bp-field-drift_threshold" />
          <Select label="Which crossing alerts" data={DIRECTIONS} clearable {...field("drift_direction")} />
          <TextInput label="Checked how often" placeholder="daily" {...field("drift_check_frequency")} />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Feedback capture
        </Text>
        <SimpleGrid cols={3}>
          <TextInput label="Feedback channel" placeholder="thumbs in the claims tool" {...field("feedback_channel")} />
          <TextInput label="Feedback owner" {...field("feedback_owner")} />
          <TextInput label="Feedback reviewed how often" placeholder="weekly" {...field("feedback_review_frequency")} />
        </SimpleGrid>
        <PartFormFooter saver={saver} onClose={onClose} />
      </Stack>
    </form>
  );
}
