// Weight sliders that re-rank live: moving one rebalances the others to keep the sum at 100,
// and the ranking below previews the result until the weights are saved (or reset).
import { Button, Group, Paper, Slider, Stack, Text, Title } from "@mantine/core";
import type { Criterion } from "../../bindings/Criterion";
import type { CriterionKey } from "../../bindings/CriterionKey";
import { CRITERIA } from "../../lib/vocabulary";
import { rebalance, type WeightMap } from "../../lib/weights";

interface Props {
  criteria: Criterion[];
  draft: WeightMap | null;
  onDraft: (weights: WeightMap | null) => void;
  onSave: (weights: WeightMap) => void;
  saving: boolean;
}

export function storedWeights(criteria: Criterion[]): WeightMap {
  const map: WeightMap = { value: 0, criticality: 0, guardrail: 0 };
  for (const c of criteria) map[c.key] = c.weight;
  return map;
}

export function WeightsPanel({ criteria, draft, onDraft, onSave, saving }: Props) {
  const stored = storedWeights(criteria);
  const shown = draft ?? stored;
  const byKey = (key: CriterionKey) => criteria.find((c) => c.key === key);
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Scoring weights</Title>
        {draft && (
          <Text size="xs" c="orange.7" fw={600}>
            Previewing — not saved
          </Text>
        )}
      </Group>
      <Stack gap="md">
        {CRITERIA.map((key) => {
          const criterion = byKey(key);
          return (
            <div key={key}>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={500}>
                  {criterion?.name ?? key}
                  <Text span size="xs" c="dimmed">
                    {criterion?.direction === "cost" ? "  (cost: higher rating lowers the score)" : "  (benefit)"}
                  </Text>
                </Text>
                <Text size="sm" fw={700} data-testid={`weight-value-${key}`}>
                  {shown[key]}%
                </Text>
              </Group>
              <Slider
                value={shown[key]}
                min={0}
                max={100}
                step={1}
                label={(v) => `${v}%`}
                onChange={(v) => onDraft(rebalance(shown, key, v))}
                thumbLabel={`${criterion?.name ?? key} weight`}
              />
            </div>
          );
        })}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" disabled={!draft} onClick={() => onDraft(null)}>
            Reset
          </Button>
          <Button
            size="xs"
            disabled={!draft}
            loading={saving}
            onClick={() => draft && onSave(draft)}
            data-testid="save-weights"
          >
            Save weights
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
