// Renders a component inside the providers the app uses, with a fresh query cache per test and,
// for pages that open other pages, the shell's navigation (a spy unless the test passes one).
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { newQueryClient } from "./lib/queryClient";
import { type Navigation, NavigationProvider } from "./shell/navigation";

export function renderWithProviders(ui: ReactElement, navigation?: Partial<Navigation>) {
  const client = newQueryClient();
  const nav: Navigation = { location: { page: "overview", param: null }, navigate: vi.fn(), ...navigation };
  return {
    navigate: nav.navigate,
    ...render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <NavigationProvider value={nav}>{ui}</NavigationProvider>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  };
}
