// Creates or edits a policy guardrail: its title, what it governs, who owns it, from when, which
// version, and its text.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { backend } from "../../backend";
import type { Policy } from "../../bindings/Policy";
import type { PolicyCategory } from "../../bindings/PolicyCategory";
import type { PolicyInput } from "../../bindings/PolicyInput";
import { refusalErrors } from "../../lib/errors";
import { localIsoDate } from "../../lib/files";
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABEL } from "../../lib/governance";

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

export function PolicyModal({
  target,
  onClose,
  onSaved,
}: {
  target: PolicyTarget | null;
  onClose: () => void;
  onSaved: (p: Policy) => void;
}) {
  const queryClient = useQueryClient();
  const [input, setInput] = useState<PolicyInput>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const existing = target?.kind === "existing" ? target.policy : null;

  useEffect(() => {
    if (target === null) return;
    setErrors({});
    setInput(
      target.kind === "existing"
        ? {
            title: target.policy.title,
            body: target.policy.body,
            category: target.policy.category,
            owner: target.policy.owner,
            effective_on: target.policy.effective_on,
            version: target.policy.version,
          }
        : blank(),
    );
  }, [target]);

  const save = useMutation({
    mutationFn: () => (existing ? backend.updatePolicy(existing.id, input) : backend.createPolicy(input)),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries();
      notifications.show({ color: "teal", title: `${p.id} saved`, message: `${p.title} (version ${p.version})` });
      onSaved(p);
      onClose();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const set = <K extends keyof PolicyInput>(key: K, value: PolicyInput[K]) => setInput((i) => ({ ...i, [key]: value }));
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? `Edit ${existing.id} · ${existing.title}` : "New policy"}
      size="xl"
      centered
    >
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" title="The policy was not saved">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label="Title"
          required
          value={input.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          data-testid="policy-title"
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <Select
            label="Category"
            description="Data sources are accepted under an acceptable-data-sources policy"
            data={POLICY_CATEGORIES.map((c) => ({ value: c, label: POLICY_CATEGORY_LABEL[c] }))}
            value={input.category}
            onChange={(value) => value && set("category", value as PolicyCategory)}
            allowDeselect={false}
            error={errors.category}
            data-testid="policy-category"
          />
          <TextInput
            label="Owner"
            required
            value={input.owner}
            onChange={(e) => set("owner", e.currentTarget.value)}
            error={errors.owner}
            data-testid="policy-owner"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label="Effective from"
            type="date"
            required
            value={input.effective_on}
            onChange={(e) => set("effective_on", e.currentTarget.value)}
            error={errors.effective_on}
          />
          <TextInput
            label="Version"
            required
            value={input.version}
            onChange={(e) => set("version", e.currentTarget.value)}
            error={errors.version}
            data-testid="policy-version"
          />
        </SimpleGrid>
        <Textarea
          label="Text"
          autosize
          minRows={6}
          maxRows={18}
          value={input.body}
          onChange={(e) => set("body", e.currentTarget.value)}
          error={errors.body}
          data-testid="policy-body"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="policy-save">
            {existing ? "Save policy" : "Create policy"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
