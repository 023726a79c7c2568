// Weight sliders that re-rank live: moving one rebalances the others to keep the sum at 100, and
// the ranking below previews the result until the weights are saved (or reset). The figures move
// with the thumb at once; the page asks for the new ranking when the thumb is released or the
// sliders rest for a moment (see PortfolioPage), so dragging stays smooth at any portfolio size.
import { Button, Group, SimpleGrid, Slider, Stack, Text } from "@mantine/core";
import { memo } from "react";
import type { Criterion } from "../../bindings/Criterion";
import { CRITERIA } from "../../lib/vocabulary";
import { rebalance, type WeightMap } from "../../lib/weights";

interface Props {
  criteria: Criterion[];
  draft: WeightMap | null;
  /** Every move of a thumb (the figures follow at once). */
  onDraft: (weights: WeightMap | null) => void;
  /** A thumb released (pointer up, or a key press): rank now rather than after the pause. */
  onCommit: (weights: WeightMap) => void;
  onSave: (weights: WeightMap) => void;
  saving: boolean;
}

export function storedWeights(criteria: Criterion[]): WeightMap {
  const map: WeightMap = { value: 0, criticality: 0, guardrail: 0 };
  for (const c of criteria) map[c.key] = c.weight;
  return map;
}

/** "Value 40% · Criticality 30% · Guardrail 30%": the weights in one line, for the folded panel. */
export function weightsSummary(criteria: Criterion[], weights: WeightMap): string {
  return CRITERIA.map((key) => `${criteria.find((c) => c.key === key)?.name ?? key} ${weights[key]}%`).join(" · ");
}

export const WeightsPanel = memo(function WeightsPanel({ criteria, draft, onDraft, onCommit, onSave, saving }: Props) {
  const stored = storedWeights(criteria);
  const shown = draft ?? stored;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xl">
        {CRITERIA.map((key) => {
          const criterion = criteria.find((c) => c.key === key);
          const name = criterion?.name ?? key;
          return (
            <div key={key}>
              <Group justify="space-between" wrap="nowrap" mb={2}>
                <Text size="sm" fw={500} truncate>
                  {name}
                </Text>
                <Text size="sm" fw={700} data-testid={`weight-value-${key}`}>
                  {shown[key]}%
                </Text>
              </Group>
              <Text size="xs" c="dimmed" mb={6}>
                {criterion?.direction === "cost" ? "Cost: a higher rating lowers the score" : "Benefit"}
              </Text>
              <Slider
                value={shown[key]}
                min={0}
                max={100}
                step={1}
                label={(v) => `${v}%`}
                onChange={(v) => onDraft(rebalance(shown, key, v))}
                onChangeEnd={(v) => onCommit(rebalance(shown, key, v))}
                thumbLabel={`${name} weight`}
              />
            </div>
          );
        })}
      </SimpleGrid>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" disabled={!draft} onClick={() => onDraft(null)}>
          Reset
        </Button>
        <Button
          size="xs"
          variant="light"
          disabled={!draft}
          loading={saving}
          onClick={() => draft && onSave(draft)}
          data-testid="save-weights"
        >
          Save weights
        </Button>
      </Group>
    </Stack>
  );
});
