// A long list of cards shown a page at a time: the first `pageSize` items, then a button for the
// next ones. Cards are tall and varied, so a list of thousands is paged rather than virtualised.
import { Button, Group, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";

export const PAGE_SIZE = 50;

export function Paged<T>({
  items,
  render,
  testId,
  pageSize = PAGE_SIZE,
}: {
  items: readonly T[];
  /** Renders the items shown (the first ones, in order). */
  render: (shown: readonly T[]) => ReactNode;
  /** Test id of the "Show more" button. */
  testId?: string;
  pageSize?: number;
}) {
  const [limit, setLimit] = useState(pageSize);
  const shown = items.length > limit ? items.slice(0, limit) : items;
  return (
    <>
      {render(shown)}
      {items.length > shown.length && (
        <Group justify="center" gap="sm">
          <Text size="sm" c="dimmed">
            Showing {shown.length} of {items.length}
          </Text>
          <Button variant="default" size="xs" onClick={() => setLimit((l) => l + pageSize)} data-testid={testId}>
            Show {Math.min(pageSize, items.length - shown.length)} more
          </Button>
        </Group>
      )}
    </>
  );
}
