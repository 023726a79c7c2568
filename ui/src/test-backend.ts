// A fake of the desktop shell for unit tests: `invoke` answers from handlers a test gives per
// command name (snake_case, as declared in crates/api/src/commands.rs), so components run
// through the real generated client and error mapping. Unanswered commands fail loudly.
import type { ApiError } from "./bindings/ApiError";

type Handler = (req: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

let handlers: Record<string, Handler> = {};
let calls: { command: string; req: unknown }[] = [];
let listeners: { event: string; handler: (e: { payload: unknown }) => void }[] = [];
let chosen: (string | null)[] = [];

/** Answers `command` with what its handler returns (or throws, for a refusal). */
export function respond(next: Record<string, Handler>): void {
  handlers = { ...handlers, ...next };
}

/** A refusal as a handler returns it, for `respond({ x: () => refuse(...) })`. */
export function refuse(
  code: ApiError["code"],
  message: string,
  field: string | null = null,
  reason: string | null = null,
): never {
  throw { code, message, field, reason } satisfies ApiError;
}

/** The requests `command` was called with, in order. */
export function requestsTo(command: string): unknown[] {
  return calls.filter((c) => c.command === command).map((c) => c.req);
}

export function resetBackend(): void {
  handlers = {};
  calls = [];
  listeners = [];
  chosen = [];
}

/** What the next native open/save dialogs answer, in order (null: the person cancels). */
export function chooseNext(...paths: (string | null)[]): void {
  chosen.push(...paths);
}

export async function fakeDialog(): Promise<string | null> {
  return chosen.length > 0 ? (chosen.shift() ?? null) : null;
}

/** Sends `payload` to whatever listens for the shell's `event`. */
export function emit(event: string, payload: unknown): void {
  for (const l of listeners.filter((l) => l.event === event)) l.handler({ payload });
}

export async function fakeListen(event: string, handler: (e: { payload: unknown }) => void): Promise<() => void> {
  const entry = { event, handler };
  listeners.push(entry);
  return () => {
    listeners = listeners.filter((l) => l !== entry);
  };
}

export async function fakeInvoke(command: string, args: { req: unknown }): Promise<unknown> {
  calls.push({ command, req: args.req });
  const handler = handlers[command];
  if (!handler)
    throw { code: "internal", message: `the test gave no answer for ${command}`, field: null, reason: null };
  return handler(args.req);
}
