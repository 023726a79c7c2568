// Actions the shell asks a page to perform (a keyboard shortcut or a menu item opening the
// Portfolio page's new-use-case form), without the shell knowing the page's state. A page
// subscribes with `useShellCommand`; a command sent before the page has mounted (the shell
// navigates there first) waits briefly for it, then lapses rather than firing later by surprise.
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";

export type ShellCommand = "new-use-case";

/** How long a command waits for its page to mount. */
const PENDING_MS = 3000;

export interface CommandBus {
  send: (command: ShellCommand) => void;
  subscribe: (command: ShellCommand, handler: () => void) => () => void;
}

export function createCommandBus(now: () => number = Date.now): CommandBus {
  const handlers = new Map<ShellCommand, Set<() => void>>();
  const pending = new Map<ShellCommand, number>();
  return {
    send(command) {
      const listening = handlers.get(command);
      if (listening && listening.size > 0) {
        for (const handler of listening) handler();
      } else {
        pending.set(command, now());
      }
    },
    subscribe(command, handler) {
      const set = handlers.get(command) ?? new Set();
      set.add(handler);
      handlers.set(command, set);
      const sent = pending.get(command);
      if (sent !== undefined) {
        pending.delete(command);
        if (now() - sent <= PENDING_MS) handler();
      }
      return () => {
        set.delete(handler);
      };
    },
  };
}

const CommandContext = createContext<CommandBus | null>(null);

export function CommandProvider({ bus, children }: { bus: CommandBus; children: ReactNode }) {
  return <CommandContext.Provider value={bus}>{children}</CommandContext.Provider>;
}

/** Sends a command to whichever page handles it (a no-op outside the shell). */
export function useSendCommand(): (command: ShellCommand) => void {
  const bus = useContext(CommandContext);
  return (command) => bus?.send(command);
}

/** Runs `handler` when the shell sends `command` (outside the shell, never). */
export function useShellCommand(command: ShellCommand, handler: () => void): void {
  const bus = useContext(CommandContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => bus?.subscribe(command, () => latest.current()), [bus, command]);
}
