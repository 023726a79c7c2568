// Entry point: providers (Mantine theme, notifications, the query cache) around the app shell.
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { newQueryClient } from "./lib/queryClient";
import { App } from "./shell/App";

// Someone who asked their desktop for less motion gets drawers and modals without transitions.
const theme = createTheme({ primaryColor: "blue", defaultRadius: "md", respectReducedMotion: true });

const queryClient = newQueryClient();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        {/* Toasts sit in the bottom of the navigation bar (220 px wide, its links end half-way
            down), three at most: drawers open on the right and keep Save bottom-right, modals are
            centred with Save bottom-right, tables fill the main area — none reaches that corner,
            so a toast never covers a Save button or a table column. */}
        <Notifications position="bottom-left" containerWidth={200} limit={3} />
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
