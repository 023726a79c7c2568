// Creates or edits a policy guardrail: its title, what it governs, who owns it, from when, which
// version, and its text. An edit sends only the fields changed, with the policy as the dialog
// loaded it, so someone else's change is not overwritten unseen.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { api } from "../../backend";
import type { Policy } from "../../bindings/Policy";
import type { PolicyInput } from "../../bindings/PolicyInput";
import { FormRefusal } from "../../components/FormRefusal";
import { localIsoDate } from "../../lib/files";
import { changedFields, rebaseForm, useSaveForm } from "../../lib/forms";
import { POLICY_CATEGORIES } from "../../lib/governance";
import { keys, useReload } from "../../lib/queryKeys";
import { POLICY_CATEGORY_LABEL } from "../../lib/recordKinds";

const FIELDS = ["title", "body", "category", "owner", "effective_on", "version"] as const;

export type PolicyTarget = { kind: "new" } | { kind: "existing"; policy: Policy };

const blank = (): PolicyInput => ({
  title: "",
  body: "",
  category: "acceptable_data_sources",
  owner: "",
  effective_on: localIsoDate(),
  version: "1.0",
});

export function policyInput(p: Policy): PolicyInput {
  return {
    title: p.title,
    body: p.body,
    category: p.category,
    owner: p.owner,
    effective_on: p.effective_on,
    version: p.version,
  };
}

interface FormProps {
  existing: Policy | null;
  onClose: () => void;
  onSaved: (p: Policy) => void;
}

function PolicyForm({ existing, onClose, onSaved }: FormProps) {
  const reload = useReload();
  // The policy as the dialog first showed it (moved on after an edit conflict), sent with the
  // changes so the backend can tell a field someone else changed meanwhile.
  const [loaded, setLoaded] = useState<PolicyInput>(() => (existing ? policyInput(existing) : blank()));
  const form = useForm<PolicyInput>({ initialValues: loaded });

  const saver = useSaveForm({
    form,
    save: (values: PolicyInput) => {
      if (!existing) return api.policyCreate(values);
      return api.policyUpdate({ id: existing.id, changes: changedFields(loaded, values, FIELDS), loaded });
    },
    changes: ["governance"],
    onSaved: (p) => {
      notifications.show({ color: "teal", title: `${p.id} saved`, message: `${p.title} (version ${p.version})` });
      onSaved(p);
      onClose();
    },
    onConflict: async () => {
      if (!existing) return;
      const all = await reload(keys.policies, api.policyList);
      const stored = all.find((p) => p.id === existing.id);
      if (stored) setLoaded(rebaseForm(form, loaded, policyInput(stored)));
    },
  });

  // noValidate: the backend's refusal beside the field says what is missing, not a browser bubble.
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps("title")} data-testid="policy-title" data-autofocus />
        <SimpleGrid cols={2}>
          <Select
            label="Category"
            description="Data sources are accepted under an acceptable-data-sources policy"
            data={POLICY_CATEGORIES.map((c) => ({ value: c, label: POLICY_CATEGORY_LABEL[c] }))}
            allowDeselect={false}
            {...form.getInputProps("category")}
            data-testid="policy-category"
          />
          <TextInput label="Owner" required {...form.getInputProps("owner")} data-testid="policy-owner" />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label="Effective from"
            type="date"
            required
            {...form.getInputProps("effective_on")}
            data-testid="policy-effective-on"
          />
          <TextInput label="Version" required {...form.getInputProps("version")} data-testid="policy-version" />
        </SimpleGrid>
        <Textarea
          label="Text"
          autosize
          minRows={6}
          maxRows={18}
          {...form.getInputProps("body")}
          data-testid="policy-body"
        />
        <FormRefusal refusal={saver.refusal} title="The policy was not saved" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="policy-save">
            {existing ? "Save policy" : "Create policy"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PolicyModal({
  target,
  onClose,
  onSaved,
}: {
  target: PolicyTarget | null;
  onClose: () => void;
  onSaved: (p: Policy) => void;
}) {
  const existing = target?.kind === "existing" ? target.policy : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? `Edit ${existing.id} · ${existing.title}` : "New policy"}
      size="xl"
      centered
    >
      {/* A fresh form per opening, loaded from the record as it was shown. */}
      {target && <PolicyForm key={existing?.id ?? "new"} existing={existing} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}
