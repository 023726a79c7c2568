// Records or edits one risk of a use case: what could go wrong, how likely (1–5) and how bad
// (1–5), who owns it, the mitigation, and where it stands.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { backend } from "../../backend";
import type { Risk } from "../../bindings/Risk";
import type { RiskInput } from "../../bindings/RiskInput";
import type { RiskStatus } from "../../bindings/RiskStatus";
import { RISK_STATUS_LABEL, RISK_STATUSES } from "../../lib/compliance";
import { refusalErrors } from "../../lib/errors";

const FIELDS = ["title", "likelihood", "impact", "owner", "mitigation", "status"] as const;
const SCALE = ["1", "2", "3", "4", "5"];
const LIKELIHOOD_HINT = "1 rare · 3 possible · 5 almost certain";
const IMPACT_HINT = "1 negligible · 3 serious · 5 severe";

export type RiskTarget = { kind: "new" } | { kind: "existing"; risk: Risk };

const blank = (useCaseId: string): RiskInput => ({
  use_case_id: useCaseId,
  title: "",
  likelihood: 3,
  impact: 3,
  owner: "",
  mitigation: "",
  status: "open",
});

export function RiskModal({
  useCaseId,
  target,
  onClose,
}: {
  useCaseId: string;
  target: RiskTarget | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [input, setInput] = useState<RiskInput>(() => blank(useCaseId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const existing = target?.kind === "existing" ? target.risk : null;

  useEffect(() => {
    if (target === null) return;
    setErrors({});
    if (target.kind === "existing") {
      const { use_case_id, title, likelihood, impact, owner, mitigation, status } = target.risk;
      setInput({ use_case_id, title, likelihood, impact, owner, mitigation, status });
    } else {
      setInput(blank(useCaseId));
    }
  }, [target, useCaseId]);

  const save = useMutation({
    mutationFn: () => (existing ? backend.updateRisk(existing.id, input) : backend.createRisk(input)),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${r.id} saved`,
        message: `${r.title} · score ${r.likelihood * r.impact}`,
      });
      onClose();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const set = <K extends keyof RiskInput>(key: K, value: RiskInput[K]) => setInput((i) => ({ ...i, [key]: value }));
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? `Edit ${existing.id}` : `New risk for ${useCaseId}`}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="risk-modal">
        {errors.form && (
          <Alert color="red" title="The risk was not saved">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label="Risk"
          required
          value={input.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          data-testid="risk-title"
          data-autofocus
        />
        <SimpleGrid cols={3}>
          <Select
            label="Likelihood"
            description={LIKELIHOOD_HINT}
            data={SCALE}
            value={String(input.likelihood)}
            onChange={(v) => v && set("likelihood", Number(v))}
            allowDeselect={false}
            error={errors.likelihood}
            data-testid="risk-likelihood"
          />
          <Select
            label="Impact"
            description={IMPACT_HINT}
            data={SCALE}
            value={String(input.impact)}
            onChange={(v) => v && set("impact", Number(v))}
            allowDeselect={false}
            error={errors.impact}
            data-testid="risk-impact"
          />
          <Select
            label="Status"
            description={`Score ${input.likelihood * input.impact} of 25`}
            data={RISK_STATUSES.map((s) => ({ value: s, label: RISK_STATUS_LABEL[s] }))}
            value={input.status}
            onChange={(v) => v && set("status", v as RiskStatus)}
            allowDeselect={false}
            error={errors.status}
            data-testid="risk-status"
          />
        </SimpleGrid>
        <TextInput
          label="Owner"
          required
          value={input.owner}
          onChange={(e) => set("owner", e.currentTarget.value)}
          error={errors.owner}
          data-testid="risk-owner"
        />
        <Textarea
          label="Mitigation"
          autosize
          minRows={2}
          value={input.mitigation}
          onChange={(e) => set("mitigation", e.currentTarget.value)}
          error={errors.mitigation}
          data-testid="risk-mitigation"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="risk-save">
            {existing ? "Save risk" : "Record risk"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
