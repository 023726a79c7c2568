// The first rows of a long list, and a "Show all N" / "Show fewer" button: at 10,000 use cases a
// dashboard list can hold thousands of rows, which no one reads row by row and which took
// seconds to draw. Everything stays one click away.
import { Button } from "@mantine/core";
import { type ReactNode, useState } from "react";

export function useFirstRows<T>(items: T[], first: number, testId: string): { shown: T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, first);
  const toggle =
    items.length > first ? (
      <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setAll(!all)} data-testid={testId}>
        {all ? "Show fewer" : `Show all ${items.length.toLocaleString()}`}
      </Button>
    ) : null;
  return { shown, toggle };
}
