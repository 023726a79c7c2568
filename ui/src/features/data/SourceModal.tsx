// Registers or edits a data source: where the data lives, who owns it, how sensitive it is, and
// the policy (if any) under which it is acceptable for training. An edit sends only the fields
// changed, with the source as the dialog loaded it, so someone else's change is not overwritten.
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { DataSource } from "../../bindings/DataSource";
import type { DataSourceInput } from "../../bindings/DataSourceInput";
import { FormRefusal } from "../../components/FormRefusal";
import { changedFields, rebaseForm, useSaveForm } from "../../lib/forms";
import { CLASSIFICATIONS } from "../../lib/governance";
import { keys, useReload } from "../../lib/queryKeys";
import { CLASSIFICATION_LABEL } from "../../lib/recordKinds";

const FIELDS = ["name", "system", "owner", "classification", "policy_id"] as const;
// Select cannot hold null as an option value; this stands for "no policy accepts it" (policy
// ids look like POL-001, so it cannot clash).
const NO_POLICY = "no-policy";

export type SourceTarget = { kind: "new" } | { kind: "existing"; source: DataSource };

const BLANK: DataSourceInput = { name: "", system: "", owner: "", classification: "internal", policy_id: null };

export function sourceInput(s: DataSource): DataSourceInput {
  return { name: s.name, system: s.system, owner: s.owner, classification: s.classification, policy_id: s.policy_id };
}

function SourceForm({ existing, onClose }: { existing: DataSource | null; onClose: () => void }) {
  const reload = useReload();
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policyList });
  // The source as the dialog first showed it (moved on after an edit conflict), sent with the
  // changes so the backend can tell a field someone else changed meanwhile.
  const [loaded, setLoaded] = useState<DataSourceInput>(() => (existing ? sourceInput(existing) : BLANK));
  const form = useForm<DataSourceInput>({ initialValues: loaded });

  const saver = useSaveForm({
    form,
    save: (values: DataSourceInput) => {
      if (!existing) return api.sourceCreate(values);
      return api.sourceUpdate({ id: existing.id, changes: changedFields(loaded, values, FIELDS), loaded });
    },
    changes: ["governance"],
    onSaved: (s) => {
      notifications.show({
        color: "teal",
        title: `${s.id} saved`,
        message: s.policy_id ? `${s.name}, accepted under ${s.policy_id}` : `${s.name}: no policy accepts it yet`,
      });
      onClose();
    },
    onConflict: async () => {
      if (!existing) return;
      const all = await reload(keys.sources, api.sourceList);
      const stored = all.find((s) => s.id === existing.id);
      if (stored) setLoaded(rebaseForm(form, loaded, sourceInput(stored)));
    },
  });

  const accepting = (policies.data ?? []).filter((p) => p.category === "acceptable_data_sources");
  // noValidate: the backend's refusal beside the field says what is missing, not a browser bubble.
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <TextInput label="Name" required {...form.getInputProps("name")} data-testid="source-name" data-autofocus />
        <SimpleGrid cols={2}>
          <TextInput
            label="System"
            description="Where the data lives, e.g. a CRM or a ticketing system"
            required
            {...form.getInputProps("system")}
            data-testid="source-system"
          />
          <TextInput
            label="Owner"
            description="Who answers for the data"
            required
            {...form.getInputProps("owner")}
            data-testid="source-owner"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Select
            label="Classification"
            data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABEL[c] }))}
            allowDeselect={false}
            {...form.getInputProps("classification")}
            data-testid="source-classification"
          />
          <Select
            label="Accepted under policy"
            description="Only acceptable-data-sources policies can accept a source"
            data={[
              { value: NO_POLICY, label: "None — not accepted" },
              ...accepting.map((p) => ({ value: p.id, label: `${p.id} · ${p.title}` })),
            ]}
            allowDeselect={false}
            {...form.getInputProps("policy_id")}
            value={form.values.policy_id ?? NO_POLICY}
            onChange={(value) => form.setFieldValue("policy_id", value === null || value === NO_POLICY ? null : value)}
            data-testid="source-policy"
          />
        </SimpleGrid>
        <FormRefusal refusal={saver.refusal} title="The data source was not saved" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="source-save">
            {existing ? "Save source" : "Create source"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SourceModal({ target, onClose }: { target: SourceTarget | null; onClose: () => void }) {
  const existing = target?.kind === "existing" ? target.source : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? `Edit ${existing.id} · ${existing.name}` : "New data source"}
      size="lg"
      centered
    >
      {/* A fresh form per opening, loaded from the record as it was shown. */}
      {target && <SourceForm key={existing?.id ?? "new"} existing={existing} onClose={onClose} />}
    </Modal>
  );
}
