// The dossier editor's fields, as one form fills them: the lane the case is in (and why), its
// title and owners, the stage (stages it may not move to now disabled, with the reason) and the
// lane asked for, the value and costs in the programme's currency with the payback gate's verdict
// under them, the three ratings, and the readiness and risk assessment.
import {
  Alert,
  Badge,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMemo } from "react";
import type { GatePreview } from "../../bindings/GatePreview";
import type { StageOption } from "../../bindings/StageOption";
import type { UseCase } from "../../bindings/UseCase";
import type { Form } from "../../lib/forms";
import { moneyInputProps } from "../../lib/money";
import { LANE_COLOR } from "../../lib/statusColors";
import { CRITERIA, LANE_LABEL, LANES, RISK_CLASS_LABEL, RISK_CLASSES, STAGE_LABEL, STAGES } from "../../lib/vocabulary";
import type { DossierValues } from "./dossierEdits";
import { PaybackHint } from "./PaybackHint";

const CRITERION_LABEL = {
  value: "Value rating",
  criticality: "Criticality rating",
  guardrail: "Guardrail rating",
} as const;

/** The stage select's options: a stage the case may not move to now is disabled, with the reason. */
export function stageData(options: StageOption[] | undefined) {
  return STAGES.map((stage) => {
    const option = options?.find((o) => o.stage === stage);
    const refused = option !== undefined && !option.allowed && !option.current;
    return { value: stage, label: STAGE_LABEL[stage], disabled: refused, reason: refused ? option.reason : null };
  });
}

export type StageData = ReturnType<typeof stageData>;

/** The lane the payback gate gives, which is where the case is, and why it is there. */
function LaneSummary({ stored }: { stored: UseCase }) {
  return (
    <>
      {/* The lane people chose shows only as "requested", when the gate moved it. */}
      <Group gap="xs" data-testid="dossier-lane">
        <Text size="sm">Lane:</Text>
        <Badge miw="max-content" variant="light" tt="none" color={LANE_COLOR[stored.lane]}>
          {LANE_LABEL[stored.lane]}
        </Badge>
        {stored.requested_lane !== stored.lane && (
          <Text size="sm" c="dimmed" data-testid="dossier-requested-lane">
            requested: {LANE_LABEL[stored.requested_lane]}
          </Text>
        )}
      </Group>
      {stored.lane_reason && (
        <Alert
          color={LANE_COLOR[stored.lane]}
          title={`In the ${LANE_LABEL[stored.lane].toLowerCase()} lane`}
          data-testid="lane-reason"
        >
          {stored.lane_reason}
        </Alert>
      )}
    </>
  );
}

export function DossierFields({
  form,
  stored,
  existingId,
  stages,
  currency,
  payback,
}: {
  form: Form<DossierValues>;
  /** The use case as stored; undefined for a new one (or while it loads). */
  stored: UseCase | undefined;
  existingId: string | null;
  stages: StageData;
  /** The programme's currency, null until the programme is loaded. */
  currency: string | null;
  payback: GatePreview | undefined;
}) {
  // Amounts are typed in the programme's currency: its symbol before each figure, its code in
  // the label (what a screen reader says), the locale's thousands separators.
  const moneyInput = useMemo(() => {
    const { leftSection, thousandSeparator, decimalSeparator } = moneyInputProps(currency ?? "EUR");
    return currency
      ? { leftSection, leftSectionPointerEvents: "none" as const, thousandSeparator, decimalSeparator }
      : { thousandSeparator, decimalSeparator };
  }, [currency]);
  const inCurrency = (label: string) => (currency ? `${label} (${currency})` : label);

  const v = form.values;
  const optionalText = (value: string) => (value.trim() === "" ? null : value);
  return (
    <>
      {stored && <LaneSummary stored={stored} />}
      <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
      <SimpleGrid cols={2}>
        <TextInput label="Business unit" required {...form.getInputProps("business_unit")} />
        <TextInput label="Workflow in scope" data-testid="dossier-workflow" {...form.getInputProps("workflow")} />
      </SimpleGrid>
      <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
      <SimpleGrid cols={2}>
        <TextInput
          label="Executive sponsor"
          value={v.executive_sponsor ?? ""}
          onChange={(e) => form.setFieldValue("executive_sponsor", optionalText(e.currentTarget.value))}
          error={form.errors.executive_sponsor}
        />
        <TextInput
          label="Product owner"
          value={v.product_owner ?? ""}
          onChange={(e) => form.setFieldValue("product_owner", optionalText(e.currentTarget.value))}
          error={form.errors.product_owner}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Select
          label="Stage"
          description={
            existingId
              ? "Stages it cannot move to now are greyed out, with what is missing"
              : "Pilot needs a current compliance sign-off"
          }
          data-testid="dossier-stage"
          data={stages}
          renderOption={({ option }) => {
            const reason = stages.find((s) => s.value === option.value)?.reason;
            return (
              <div data-testid={`stage-option-${option.value}`}>
                <Text size="sm">{option.label}</Text>
                {reason && (
                  <Text size="xs" c="dimmed" data-testid={`stage-reason-${option.value}`}>
                    {reason}
                  </Text>
                )}
              </div>
            );
          }}
          allowDeselect={false}
          {...form.getInputProps("stage")}
        />
        <Select
          label={existingId ? "Requested lane" : "Lane"}
          description="The payback gate may still park it in research"
          data={LANES.map((l) => ({ value: l, label: LANE_LABEL[l] }))}
          allowDeselect={false}
          {...form.getInputProps("lane")}
        />
      </SimpleGrid>

      <Divider label="Value and cost" labelPosition="left" />
      <SimpleGrid cols={3}>
        <NumberInput
          label={inCurrency("Annual value")}
          min={0}
          clampBehavior="none"
          placeholder="Type it, 0 if none"
          data-testid="dossier-annual_value"
          {...moneyInput}
          {...form.getInputProps("annual_value")}
        />
        <NumberInput
          label={inCurrency("One-time cost")}
          min={0}
          clampBehavior="none"
          placeholder="Type it, 0 if none"
          data-testid="dossier-one_time_cost"
          {...moneyInput}
          {...form.getInputProps("one_time_cost")}
        />
        <NumberInput
          label={inCurrency("Monthly run cost")}
          min={0}
          clampBehavior="none"
          placeholder="Type it, 0 if none"
          data-testid="dossier-monthly_run_cost"
          {...moneyInput}
          {...form.getInputProps("monthly_run_cost")}
        />
      </SimpleGrid>
      <PaybackHint preview={payback} />

      <Divider label="Scoring (1–5)" labelPosition="left" />
      <SimpleGrid cols={3}>
        {CRITERIA.map((key) => (
          <NumberInput
            key={key}
            label={CRITERION_LABEL[key]}
            min={1}
            max={5}
            step={1}
            clampBehavior="none"
            decimalScale={1}
            placeholder="1–5"
            data-testid={`dossier-rating-${key}`}
            {...form.getInputProps(`ratings.${key}`)}
          />
        ))}
      </SimpleGrid>

      <Divider label="Readiness and risk" labelPosition="left" />
      <SimpleGrid cols={2}>
        <Select
          label="Data readiness"
          placeholder="Not assessed"
          data={["1", "2", "3", "4", "5"]}
          value={v.data_readiness === null ? null : String(v.data_readiness)}
          onChange={(value) => form.setFieldValue("data_readiness", value === null ? null : Number(value))}
          error={form.errors.data_readiness}
          clearable
        />
        <Select
          label="EU AI Act risk class"
          placeholder="Not assessed"
          data={RISK_CLASSES.map((r) => ({ value: r, label: RISK_CLASS_LABEL[r] }))}
          clearable
          {...form.getInputProps("risk_class")}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Textarea label="Data readiness notes" autosize minRows={1} {...form.getInputProps("data_readiness_notes")} />
        <Textarea label="Risk notes" autosize minRows={1} {...form.getInputProps("risk_notes")} />
      </SimpleGrid>
    </>
  );
}
