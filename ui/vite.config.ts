// Vite builds the UI into ui/dist, which the desktop binary embeds. No dev server is involved in
// the app or its tests, so what runs is always the built, bundled UI.
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test-setup.ts"],
    css: false,
    // Component tests render real Mantine trees in jsdom; on a two-core machine that is also
    // building, a drawer's first render alone can pass the 5 s default.
    testTimeout: 20_000,
    // Worker threads start faster than forked processes: the suite takes about 8% less time.
    pool: "threads",
  },
});
