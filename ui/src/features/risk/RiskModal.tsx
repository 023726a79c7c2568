// Records or edits one risk of a use case: what could go wrong, how likely (1–5) and how bad
// (1–5), who owns it, the mitigation, and where it stands. An edit sends only the fields changed,
// checked against the risk as the form loaded it, so two people editing one risk keep each other's
// changes.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { api } from "../../backend";
import type { Risk } from "../../bindings/Risk";
import type { RiskInput } from "../../bindings/RiskInput";
import type { RiskStatus } from "../../bindings/RiskStatus";
import { FormRefusal } from "../../components/FormRefusal";
import { RISK_STATUSES } from "../../lib/compliance";
import { changedFields, rebaseForm, useSaveForm } from "../../lib/forms";
import { keys, useReload } from "../../lib/queryKeys";
import { RISK_STATUS_LABEL } from "../../lib/recordKinds";

/** The form's fields: a risk stays with its use case, so that is not one of them. */
type RiskValues = Omit<RiskInput, "use_case_id">;

const FIELDS = ["title", "likelihood", "impact", "owner", "mitigation", "status"] as const;
const SCALE = ["1", "2", "3", "4", "5"];
const LIKELIHOOD_HINT = "1 rare · 3 possible · 5 almost certain";
const IMPACT_HINT = "1 negligible · 3 serious · 5 severe";

export type RiskTarget = { kind: "new" } | { kind: "existing"; risk: Risk };

const BLANK: RiskValues = { title: "", likelihood: 3, impact: 3, owner: "", mitigation: "", status: "open" };

const valuesOf = ({ title, likelihood, impact, owner, mitigation, status }: Risk): RiskValues => ({
  title,
  likelihood,
  impact,
  owner,
  mitigation,
  status,
});

function RiskForm({ useCaseId, existing, onClose }: { useCaseId: string; existing: Risk | null; onClose: () => void }) {
  const reload = useReload();
  const [loaded, setLoaded] = useState<RiskValues>(() => (existing ? valuesOf(existing) : BLANK));
  const form = useForm<RiskValues>({ initialValues: loaded });
  const saver = useSaveForm({
    form,
    save: (values: RiskValues) =>
      existing
        ? api.riskUpdate({
            id: existing.id,
            changes: changedFields(loaded, values, FIELDS),
            loaded: { use_case_id: existing.use_case_id, ...loaded },
          })
        : api.riskCreate({ use_case_id: useCaseId, ...values }),
    changes: ["riskControls"],
    onSaved: (r) => {
      notifications.show({
        color: "teal",
        title: `${r.id} saved`,
        message: `${r.title} · score ${r.likelihood * r.impact}`,
      });
      onClose();
    },
    onConflict: async () => {
      if (!existing) return;
      const risks = await reload(keys.risks(existing.use_case_id), () =>
        api.riskList({ use_case_id: existing.use_case_id }),
      );
      const stored = risks.find((r) => r.id === existing.id);
      if (stored) setLoaded(rebaseForm(form, loaded, valuesOf(stored)));
    },
  });
  const { likelihood, impact } = form.getValues();
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <TextInput label="Risk" required {...form.getInputProps("title")} data-testid="risk-title" data-autofocus />
        <SimpleGrid cols={3}>
          <Select
            label="Likelihood"
            description={LIKELIHOOD_HINT}
            data={SCALE}
            value={String(likelihood)}
            onChange={(v) => v && form.setFieldValue("likelihood", Number(v))}
            allowDeselect={false}
            error={form.errors.likelihood}
            data-testid="risk-likelihood"
          />
          <Select
            label="Impact"
            description={IMPACT_HINT}
            data={SCALE}
            value={String(impact)}
            onChange={(v) => v && form.setFieldValue("impact", Number(v))}
            allowDeselect={false}
            error={form.errors.impact}
            data-testid="risk-impact"
          />
          <Select
            label="Status"
            description={`Score ${likelihood * impact} of 25`}
            data={RISK_STATUSES.map((s) => ({ value: s, label: RISK_STATUS_LABEL[s] }))}
            {...form.getInputProps("status")}
            onChange={(v) => v && form.setFieldValue("status", v as RiskStatus)}
            allowDeselect={false}
            data-testid="risk-status"
          />
        </SimpleGrid>
        <TextInput label="Owner" required {...form.getInputProps("owner")} data-testid="risk-owner" />
        <Textarea
          label="Mitigation"
          autosize
          minRows={2}
          {...form.getInputProps("mitigation")}
          data-testid="risk-mitigation"
        />
        <FormRefusal refusal={saver.refusal} title="The risk was not saved" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="risk-save">
            {existing ? "Save risk" : "Record risk"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RiskModal({
  useCaseId,
  target,
  onClose,
}: {
  useCaseId: string;
  target: RiskTarget | null;
  onClose: () => void;
}) {
  const existing = target?.kind === "existing" ? target.risk : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? `Edit ${existing.id}` : `New risk for ${useCaseId}`}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="risk-modal">
        {target && <RiskForm key={existing?.id ?? "new"} useCaseId={useCaseId} existing={existing} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}
