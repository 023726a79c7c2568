// Events the desktop shell sends without being asked: for now, that a write is waiting for
// another Steerco process to finish with the portfolio.
import { listen } from "@tauri-apps/api/event";

export interface BusyEvent {
  /** True while a write waits for another Steerco; false once it goes through. */
  waiting: boolean;
  path: string | null;
}

/** Calls `handler` on every busy event; resolves to the function that stops listening. */
export function onBusy(handler: (event: BusyEvent) => void): Promise<() => void> {
  return listen<BusyEvent>("steerco:busy", (e) => handler(e.payload));
}
