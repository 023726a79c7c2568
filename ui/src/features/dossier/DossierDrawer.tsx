// The dossier editor: every field of a use case, with the handler's refusal shown at the field
// it names, the payback gate's verdict on the figures as they are typed, its compliance
// sign-off, and the payback-gate override. Saving sends only the fields changed, with the
// dossier as it was loaded, so an edit someone else made meanwhile is shown, not overwritten.
import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../../backend";
import type { DossierInput } from "../../bindings/DossierInput";
import type { GatePreviewRequest } from "../../bindings/GatePreviewRequest";
import { FormRefusal } from "../../components/FormRefusal";
import { rebaseForm, useSaveForm } from "../../lib/forms";
import { keys, useReload } from "../../lib/queryKeys";
import {
  CRITERIA,
  formatPayback,
  LANE_LABEL,
  LANES,
  RISK_CLASS_LABEL,
  RISK_CLASSES,
  STAGE_LABEL,
  STAGES,
} from "../../lib/vocabulary";
import { SignoffBadge } from "../signoffs/SignoffBadge";
import { SignOffButton } from "../signoffs/SignoffModal";
import { DOSSIER_PATHS, dossierChanges, dossierOf } from "./dossierEdits";
import { GateOverride } from "./GateOverride";

export type DossierTarget = { kind: "new" } | { kind: "existing"; id: string };

const CRITERION_LABEL = {
  value: "Value rating",
  criticality: "Criticality rating",
  guardrail: "Guardrail rating",
} as const;

const BLANK: DossierInput = {
  title: "",
  business_unit: "",
  description: "",
  workflow: "",
  executive_sponsor: null,
  product_owner: null,
  annual_value: 0,
  one_time_cost: 0,
  monthly_run_cost: 0,
  ratings: { value: 3, criticality: 3, guardrail: 3 },
  data_readiness: null,
  data_readiness_notes: "",
  risk_class: null,
  risk_notes: "",
  stage: "discovery",
  lane: "portfolio",
};

export function DossierDrawer({ target, onClose }: { target: DossierTarget | null; onClose: () => void }) {
  const reload = useReload();
  const existingId = target?.kind === "existing" ? target.id : null;
  const current = useQuery({
    queryKey: keys.useCase(existingId ?? ""),
    queryFn: () => api.useCaseGet({ id: existingId as string }),
    enabled: existingId !== null,
  });
  // NumberInput yields "" when emptied; catch that here, since the backend only sees numbers.
  const amount = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? null : "Enter an amount (0 or more)");
  const rating = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? null : "Enter a rating from 1 to 5");
  const form = useForm<DossierInput>({
    initialValues: BLANK,
    validate: {
      annual_value: amount,
      one_time_cost: amount,
      monthly_run_cost: amount,
      ratings: { value: rating, criticality: rating, guardrail: rating },
    },
  });
  // The dossier as the editor loaded it: sent with the changes so the backend can tell an edit
  // someone else made meanwhile from one made here.
  const [loaded, setLoaded] = useState<DossierInput | null>(null);

  // Load the dossier when the drawer opens on a case; a later refetch (e.g. after an override)
  // must not wipe edits the user has not saved yet.
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    const key = target?.kind === "existing" ? target.id : (target?.kind ?? null);
    if (target?.kind === "new" && loadedFor.current !== key) {
      form.setValues(BLANK);
      setLoaded(null);
    } else if (current.data && (loadedFor.current !== key || !form.isDirty())) {
      const values = dossierOf(current.data);
      form.setValues(values);
      setLoaded(values);
    } else {
      return;
    }
    loadedFor.current = key;
    form.resetDirty();
    form.clearErrors();
    saver.dismiss();
    // The form instance is stable; reload only when the target or its data changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, current.data]);

  const saver = useSaveForm({
    form,
    save: (values: DossierInput) =>
      existingId && loaded
        ? api.useCaseUpdate({ id: existingId, changes: dossierChanges(loaded, values), loaded })
        : api.useCaseCreate(values),
    changes: ["useCases"],
    paths: DOSSIER_PATHS,
    onSaved: (saved) => {
      notifications.show({
        color: "teal",
        title: `${saved.id} saved`,
        message: `${saved.title} — ${LANE_LABEL[saved.lane]} lane`,
      });
      close();
    },
    onConflict: async () => {
      if (!existingId || !loaded) return;
      const stored = await reload(keys.useCase(existingId), () => api.useCaseGet({ id: existingId }));
      setLoaded(rebaseForm(form, loaded, dossierOf(stored)));
    },
  });

  const v = form.values;
  const optionalText = (value: string) => (value.trim() === "" ? null : value);
  const [figures] = useDebouncedValue<GatePreviewRequest>(
    { annual_value: v.annual_value, one_time_cost: v.one_time_cost, monthly_run_cost: v.monthly_run_cost },
    250,
  );
  const figuresComplete = [figures.annual_value, figures.one_time_cost, figures.monthly_run_cost].every(
    (n) => typeof n === "number" && Number.isFinite(n),
  );
  const gate = useQuery({
    queryKey: keys.gatePreview(figures),
    queryFn: () => api.useCasePreviewGate(figures),
    enabled: target !== null && figuresComplete,
  });

  const close = () => {
    loadedFor.current = null;
    saver.dismiss();
    onClose();
  };
  return (
    <Drawer
      opened={target !== null}
      onClose={close}
      position="right"
      size="xl"
      title={
        <Group gap="sm">
          <Text fw={700}>{existingId ? `${existingId} · ${current.data?.title ?? ""}` : "New use case"}</Text>
          {existingId && <SignoffBadge entityId={existingId} />}
          {current.data && (
            <SignOffButton
              target={{
                entityId: current.data.id,
                kind: "use_case",
                title: `${current.data.id} · ${current.data.title}`,
              }}
              testId="dossier-sign-off"
              size="compact-sm"
              variant="light"
            />
          )}
        </Group>
      }
    >
      <form onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          {current.data?.lane_reason && (
            <Alert color="grape" title="In the research lane" data-testid="lane-reason">
              {current.data.lane_reason}
            </Alert>
          )}
          <TextInput label="Title" required {...form.getInputProps("title")} />
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
              description="Pilot needs a current compliance sign-off"
              data-testid="dossier-stage"
              data={STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
              allowDeselect={false}
              {...form.getInputProps("stage")}
            />
            <Select
              label="Lane"
              description="The payback gate may still park it in research"
              data={LANES.map((l) => ({ value: l, label: LANE_LABEL[l] }))}
              allowDeselect={false}
              {...form.getInputProps("lane")}
            />
          </SimpleGrid>

          <Divider label="Value and cost" labelPosition="left" />
          <SimpleGrid cols={3}>
            <NumberInput
              label="Annual value"
              min={0}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("annual_value")}
            />
            <NumberInput
              label="One-time cost"
              min={0}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("one_time_cost")}
            />
            <NumberInput
              label="Monthly run cost"
              min={0}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("monthly_run_cost")}
            />
          </SimpleGrid>
          <Text size="sm" c={gate.data?.failure ? "grape" : "dimmed"} data-testid="payback-hint">
            {gate.data
              ? `Payback: ${formatPayback(gate.data.payback_months)} — ${
                  gate.data.failure ?? `within the ${gate.data.horizon_months}-month horizon`
                }`
              : "Payback: enter the value and costs"}
          </Text>

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
            <Textarea
              label="Data readiness notes"
              autosize
              minRows={1}
              {...form.getInputProps("data_readiness_notes")}
            />
            <Textarea label="Risk notes" autosize minRows={1} {...form.getInputProps("risk_notes")} />
          </SimpleGrid>

          <FormRefusal refusal={saver.refusal} title="The dossier was not saved" />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending} data-testid="save-dossier">
              {existingId ? "Save dossier" : "Create use case"}
            </Button>
          </Group>
        </Stack>
      </form>
      {current.data && <GateOverride useCase={current.data} />}
    </Drawer>
  );
}
