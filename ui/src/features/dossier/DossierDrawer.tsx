// The dossier editor: every field of a use case (./DossierFields), with the handler's refusal
// shown at the field it names, the payback gate's verdict on the figures as they are typed
// (./PaybackHint), its compliance sign-off, and the payback-gate override. Saving sends only the
// fields changed, with the dossier as it was loaded, so an edit someone else made meanwhile is
// shown, not overwritten. Before an edit is saved the backend rehearses it (./SaveRehearsal): a
// refusal shows at its field with nothing stored, and what others rely on that it would change is
// listed for a "Save anyway". Stages the case may not move to now are disabled with the reason. A
// case created by mistake can be withdrawn (and restored from the Portfolio menu).
import { Button, Drawer, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { IconArchive } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../backend";
import type { DossierInput } from "../../bindings/DossierInput";
import { GatedButton } from "../../components/GatedButton";
import { FormRefusal } from "../../components/FormRefusal";
import { rebaseForm, useSaveForm } from "../../lib/forms";
import { useCurrency } from "../../lib/money";
import { keys, useReload } from "../../lib/queryKeys";
import { LANE_LABEL, STAGE_LABEL } from "../../lib/vocabulary";
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
import { DossierFields, stageData } from "./DossierFields";
import { GateOverride } from "./GateOverride";
import { usePaybackPreview } from "./PaybackHint";
import { SaveConsequencesModal, useRehearsedSave } from "./SaveRehearsal";
import { WithdrawModal } from "./WithdrawModal";

export type DossierTarget = { kind: "new" } | { kind: "existing"; id: string };

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
  const rehearsal = useRehearsedSave({ form, saver, existingId, loaded });

  // Which stages the case may move to now, and why not (pilot needs a current sign-off…).
  const stageOptions = useQuery({
    queryKey: keys.stageOptions(existingId ?? ""),
    queryFn: () => api.useCaseStageOptions({ id: existingId as string }),
    enabled: existingId !== null,
  });
  const stages = useMemo(() => stageData(stageOptions.data), [stageOptions.data]);
  const [withdrawing, setWithdrawing] = useState(false);
  const currency = useCurrency();
  const gate = usePaybackPreview(form.values, target !== null);

  const close = () => {
    loadedFor.current = null;
    saver.dismiss();
    rehearsal.reset();
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
      <form noValidate onSubmit={form.onSubmit((values) => void rehearsal.submit(values))}>
        <Stack gap="sm">
          <DossierFields
            form={form}
            stored={stored}
            existingId={existingId}
            stages={stages}
            currency={currency}
            payback={gate.data}
          />
          <FormRefusal refusal={saver.refusal ?? rehearsal.refusal} title="The dossier was not saved" />
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
              <Button type="submit" loading={saver.pending || rehearsal.checking} data-testid="save-dossier">
                {existingId ? "Save dossier" : "Create use case"}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {current.data && <GateOverride useCase={current.data} />}
      <SaveConsequencesModal
        pending={rehearsal.pending}
        onCancel={rehearsal.cancelPending}
        onSaveAnyway={rehearsal.saveAnyway}
      />
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
