// The dossier editor: every field of a use case, with the handler's refusal shown at the field
// it names, the payback gate's verdict on the figures as they are typed, its compliance
// sign-off, and the payback-gate override. Saving sends only the fields changed, with the
// dossier as it was loaded, so an edit someone else made meanwhile is shown, not overwritten.
// Before an edit is saved the backend rehearses it: a refusal shows at its field with nothing
// stored, and what others rely on that it would change (a sign-off turning stale, the lane, the
// rank) is listed for a "Save anyway". Stages the case may not move to now are disabled with the
// reason. A case created by mistake can be withdrawn (and restored from the Portfolio menu).
import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  List,
  Modal,
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
import { IconAlertTriangle, IconArchive } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { api, BackendError } from "../../backend";
import type { Consequence } from "../../bindings/Consequence";
import type { DossierInput } from "../../bindings/DossierInput";
import type { GatePreviewRequest } from "../../bindings/GatePreviewRequest";
import type { StageOption } from "../../bindings/StageOption";
import { GatedButton } from "../../components/GatedButton";
import { FormRefusal } from "../../components/FormRefusal";
import { placeRefusal, rebaseForm, useSaveForm } from "../../lib/forms";
import { moneyInputProps, useCurrency } from "../../lib/money";
import { keys, useReload } from "../../lib/queryKeys";
import { CONSEQUENCE_KIND_LABEL } from "../../lib/recordKinds";
import { LANE_COLOR } from "../../lib/statusColors";
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
import {
  BLANK_DOSSIER,
  DOSSIER_PATHS,
  dossierChanges,
  dossierInput,
  dossierOf,
  type DossierValues,
  REQUIRED_NUMBER_LABEL,
  requiredNumber,
} from "./dossierEdits";
import { GateOverride } from "./GateOverride";
import { WithdrawModal } from "./WithdrawModal";

export type DossierTarget = { kind: "new" } | { kind: "existing"; id: string };

const CRITERION_LABEL = {
  value: "Value rating",
  criticality: "Criticality rating",
  guardrail: "Guardrail rating",
} as const;

/** The stage select's options: a stage the case may not move to now is disabled, with the reason. */
function stageData(options: StageOption[] | undefined) {
  return STAGES.map((stage) => {
    const option = options?.find((o) => o.stage === stage);
    const refused = option !== undefined && !option.allowed && !option.current;
    return { value: stage, label: STAGE_LABEL[stage], disabled: refused, reason: refused ? option.reason : null };
  });
}

/** What saving would change that others rely on, for a "Save anyway" (null: nothing pending). */
interface PendingSave {
  values: DossierValues;
  consequences: Consequence[];
}

export function DossierDrawer({ target, onClose }: { target: DossierTarget | null; onClose: () => void }) {
  const reload = useReload();
  const existingId = target?.kind === "existing" ? target.id : null;
  const current = useQuery({
    queryKey: keys.useCase(existingId ?? ""),
    queryFn: () => api.useCaseGet({ id: existingId as string }),
    enabled: existingId !== null,
  });
  // NumberInput yields "" when emptied, and a new case starts blank: each amount and rating is
  // required by name, and a 0 typed is a 0 (the backend only ever sees numbers).
  const form = useForm<DossierValues>({
    initialValues: BLANK_DOSSIER,
    validate: {
      title: (t) => (t.trim() === "" ? "Title is required" : null),
      business_unit: (u) => (u.trim() === "" ? "Business unit is required" : null),
      annual_value: requiredNumber(REQUIRED_NUMBER_LABEL.annual_value),
      one_time_cost: requiredNumber(REQUIRED_NUMBER_LABEL.one_time_cost),
      monthly_run_cost: requiredNumber(REQUIRED_NUMBER_LABEL.monthly_run_cost),
      ratings: {
        value: requiredNumber(REQUIRED_NUMBER_LABEL["ratings.value"]),
        criticality: requiredNumber(REQUIRED_NUMBER_LABEL["ratings.criticality"]),
        guardrail: requiredNumber(REQUIRED_NUMBER_LABEL["ratings.guardrail"]),
      },
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
      form.setValues(BLANK_DOSSIER);
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
    save: (values: DossierValues) =>
      existingId && loaded
        ? api.useCaseUpdate({ id: existingId, changes: dossierChanges(loaded, dossierInput(values)), loaded })
        : api.useCaseCreate(dossierInput(values)),
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
      const stored = dossierOf(await reload(keys.useCase(existingId), () => api.useCaseGet({ id: existingId })));
      rebaseForm<DossierValues>(form, loaded, stored);
      setLoaded(stored);
    },
  });

  // Before an edit is stored, the backend rehearses it (nothing is written): a refusal naming a
  // field shows there; what the save would change for others waits for "Save anyway". A refusal
  // naming no field (an edit conflict, a read-only file) goes through the save, whose one form
  // pattern handles it (an edit conflict reloads the dossier).
  const [pending, setPending] = useState<PendingSave | null>(null);
  const [checking, setChecking] = useState(false);
  const [rehearsalRefusal, setRehearsalRefusal] = useState<string | null>(null);
  const submit = async (values: DossierValues) => {
    setRehearsalRefusal(null);
    if (!existingId || !loaded) return saver.submit(values);
    setChecking(true);
    let preview;
    try {
      preview = await api.useCasePreviewUpdate({
        id: existingId,
        changes: dossierChanges(loaded, dossierInput(values)),
        loaded,
      });
    } catch {
      // The rehearsal itself failed: the save will say why, in the usual place.
      return saver.submit(values);
    } finally {
      setChecking(false);
    }
    const refusal = preview.refusal;
    if (refusal?.field) {
      const error = new BackendError({
        code: "invalid_input",
        message: `${refusal.field}: ${refusal.message}`,
        field: refusal.field,
        reason: refusal.message,
      });
      const placed = placeRefusal(error, values, DOSSIER_PATHS);
      if (placed.path) form.setFieldError(placed.path, placed.message);
      else setRehearsalRefusal(placed.message);
      return;
    }
    if (!refusal && preview.consequences.length > 0) {
      setPending({ values, consequences: preview.consequences });
      return;
    }
    saver.submit(values);
  };
  const saveAnyway = () => {
    if (pending) saver.submit(pending.values);
    setPending(null);
  };

  // Which stages the case may move to now, and why not (pilot needs a current sign-off…).
  const stageOptions = useQuery({
    queryKey: keys.stageOptions(existingId ?? ""),
    queryFn: () => api.useCaseStageOptions({ id: existingId as string }),
    enabled: existingId !== null,
  });
  const stages = useMemo(() => stageData(stageOptions.data), [stageOptions.data]);
  const [withdrawing, setWithdrawing] = useState(false);

  // Amounts are typed in the programme's currency: its symbol before each figure, its code in
  // the label (what a screen reader says), the locale's thousands separators.
  const currency = useCurrency();
  const moneyInput = useMemo(() => {
    const { leftSection, thousandSeparator, decimalSeparator } = moneyInputProps(currency ?? "EUR");
    return currency
      ? { leftSection, leftSectionPointerEvents: "none" as const, thousandSeparator, decimalSeparator }
      : { thousandSeparator, decimalSeparator };
  }, [currency]);
  const inCurrency = (label: string) => (currency ? `${label} (${currency})` : label);

  const v = form.values;
  const optionalText = (value: string) => (value.trim() === "" ? null : value);
  // One object per set of figures (a new one each render would restart the debounce on every
  // render); leading: the figures of a dossier just loaded are asked for at once, typing waits.
  const shownFigures = useMemo(
    () => ({ annual_value: v.annual_value, one_time_cost: v.one_time_cost, monthly_run_cost: v.monthly_run_cost }),
    [v.annual_value, v.one_time_cost, v.monthly_run_cost],
  );
  const [typed] = useDebouncedValue(shownFigures, 250, { leading: true });
  const figuresComplete = [typed.annual_value, typed.one_time_cost, typed.monthly_run_cost].every(
    (n) => typeof n === "number" && Number.isFinite(n),
  );
  const figures = typed as GatePreviewRequest; // asked for only once every figure is a number
  const gate = useQuery({
    queryKey: keys.gatePreview(figures),
    queryFn: () => api.useCasePreviewGate(figures),
    enabled: target !== null && figuresComplete,
  });

  const close = () => {
    loadedFor.current = null;
    saver.dismiss();
    setRehearsalRefusal(null);
    setPending(null);
    onClose();
  };
  const stored = current.data;
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
      <form noValidate onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="sm">
          {stored && (
            // The lane the payback gate gives, which is where the case is; the lane people chose
            // only as "requested", when the gate moved it.
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
          )}
          {stored?.lane_reason && (
            <Alert
              color={LANE_COLOR[stored.lane]}
              title={`In the ${LANE_LABEL[stored.lane].toLowerCase()} lane`}
              data-testid="lane-reason"
            >
              {stored.lane_reason}
            </Alert>
          )}
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
            <Textarea
              label="Data readiness notes"
              autosize
              minRows={1}
              {...form.getInputProps("data_readiness_notes")}
            />
            <Textarea label="Risk notes" autosize minRows={1} {...form.getInputProps("risk_notes")} />
          </SimpleGrid>

          <FormRefusal refusal={saver.refusal ?? rehearsalRefusal} title="The dossier was not saved" />
          <Group justify="space-between" mt="sm">
            {stored ? (
              <GatedButton
                variant="subtle"
                color="red"
                leftSection={<IconArchive size={16} />}
                onClick={() => setWithdrawing(true)}
                data-testid="withdraw-use-case"
                gate={
                  stored.stage === "pilot" || stored.stage === "scaled"
                    ? {
                        allowed: false,
                        reason: `In the ${STAGE_LABEL[stored.stage].toLowerCase()} stage, in front of real users: retire it through its stage instead`,
                      }
                    : { allowed: true, reason: null }
                }
              >
                Withdraw use case…
              </GatedButton>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={saver.pending || checking} data-testid="save-dossier">
                {existingId ? "Save dossier" : "Create use case"}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {current.data && <GateOverride useCase={current.data} />}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title="Saving changes what others rely on"
        centered
        zIndex={400}
      >
        <Stack gap="sm" data-testid="save-consequences">
          <List spacing="xs" icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />}>
            {pending?.consequences.map((c) => (
              <List.Item key={c.kind + c.message} data-testid={`consequence-${c.kind}`}>
                <Text size="xs" c="dimmed">
                  {CONSEQUENCE_KIND_LABEL[c.kind]}
                </Text>
                <Text size="sm">{c.message}</Text>
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} data-testid="save-cancel">
              Cancel
            </Button>
            <Button color="orange" onClick={saveAnyway} data-testid="save-anyway">
              Save anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
      <WithdrawModal
        useCase={withdrawing && stored ? { id: stored.id, title: stored.title } : null}
        onClose={() => setWithdrawing(false)}
        onWithdrawn={() => {
          setWithdrawing(false);
          close();
        }}
      />
    </Drawer>
  );
}
