import { vi } from "vitest";
import { fakeDialog, fakeInvoke, fakeListen, resetBackend } from "./test-backend";

// jsdom lacks these browser APIs that Mantine relies on.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
// A combobox scrolls the option the arrow keys reach into view (after a tick, so a test that
// has already ended would otherwise fail with an unhandled error).
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// Components reach the backend through the generated client; tests answer its `invoke` calls.
vi.mock("@tauri-apps/api/core", () => ({
  invoke: (command: string, args: { req: unknown }) => fakeInvoke(command, args),
}));
vi.mock("@tauri-apps/api/event", () => ({ listen: fakeListen }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: fakeDialog, save: fakeDialog }));
afterEach(() => resetBackend());
