// A record's fields as label/value pairs in a grid, for detail drawers and previews.
import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

export type FieldItem = [label: string, value: ReactNode];

export function FieldGrid({ items, cols = 3, testId }: { items: FieldItem[]; cols?: number; testId?: string }) {
  return (
    <SimpleGrid cols={cols} spacing="md" verticalSpacing="xs" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          {typeof value === "string" || typeof value === "number" ? (
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {value}
            </Text>
          ) : (
            value
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}
