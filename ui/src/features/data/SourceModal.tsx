// Registers or edits a data source: where the data lives, who owns it, how sensitive it is, and
// the policy (if any) under which it is acceptable for training.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { backend } from "../../backend";
import type { Classification } from "../../bindings/Classification";
import type { DataSource } from "../../bindings/DataSource";
import type { DataSourceInput } from "../../bindings/DataSourceInput";
import { refusalErrors } from "../../lib/errors";
import { CLASSIFICATION_LABEL, CLASSIFICATIONS } from "../../lib/governance";

const FIELDS = ["name", "system", "owner", "classification", "policy_id"] as const;
// Select cannot hold null as an option value; this stands for "no policy accepts it" (policy
// ids look like POL-001, so it cannot clash).
const NO_POLICY = "no-policy";

export type SourceTarget = { kind: "new" } | { kind: "existing"; source: DataSource };

const BLANK: DataSourceInput = { name: "", system: "", owner: "", classification: "internal", policy_id: null };

export function SourceModal({ target, onClose }: { target: SourceTarget | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const policies = useQuery({ queryKey: ["policies"], queryFn: backend.policies, enabled: target !== null });
  const [input, setInput] = useState<DataSourceInput>(BLANK);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const existing = target?.kind === "existing" ? target.source : null;

  useEffect(() => {
    if (target === null) return;
    setErrors({});
    setInput(target.kind === "existing" ? { ...target.source } : BLANK);
  }, [target]);

  const save = useMutation({
    mutationFn: () => {
      const { name, system, owner, classification, policy_id } = input;
      const req = { name, system, owner, classification, policy_id };
      return existing ? backend.updateSource(existing.id, req) : backend.createSource(req);
    },
    onSuccess: async (s) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${s.id} saved`,
        message: s.policy_id ? `${s.name}, accepted under ${s.policy_id}` : `${s.name}: no policy accepts it yet`,
      });
      onClose();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const set = <K extends keyof DataSourceInput>(key: K, value: DataSourceInput[K]) =>
    setInput((i) => ({ ...i, [key]: value }));
  const accepting = (policies.data ?? []).filter((p) => p.category === "acceptable_data_sources");
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? `Edit ${existing.id} · ${existing.name}` : "New data source"}
      size="lg"
      centered
    >
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" title="The data source was not saved">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          value={input.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
          data-testid="source-name"
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="System"
            description="Where the data lives, e.g. a CRM or a ticketing system"
            required
            value={input.system}
            onChange={(e) => set("system", e.currentTarget.value)}
            error={errors.system}
            data-testid="source-system"
          />
          <TextInput
            label="Owner"
            description="Who answers for the data"
            required
            value={input.owner}
            onChange={(e) => set("owner", e.currentTarget.value)}
            error={errors.owner}
            data-testid="source-owner"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Select
            label="Classification"
            data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABEL[c] }))}
            value={input.classification}
            onChange={(value) => value && set("classification", value as Classification)}
            allowDeselect={false}
            error={errors.classification}
            data-testid="source-classification"
          />
          <Select
            label="Accepted under policy"
            description="Only acceptable-data-sources policies can accept a source"
            data={[
              { value: NO_POLICY, label: "None — not accepted" },
              ...accepting.map((p) => ({ value: p.id, label: `${p.id} · ${p.title}` })),
            ]}
            value={input.policy_id ?? NO_POLICY}
            onChange={(value) => set("policy_id", value === null || value === NO_POLICY ? null : value)}
            allowDeselect={false}
            error={errors.policy_id}
            data-testid="source-policy"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="source-save">
            {existing ? "Save source" : "Create source"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
