// How a command reaches its handler: `invoke(name, { req })`, and an ApiError back as a
// BackendError the UI branches on by `code` (never by message text).
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";

/** A handler's refusal, carrying the code the UI branches on. */
export class BackendError extends Error {
  readonly code: ErrorCode;
  /** For `invalid_input`: the refused field; for `edit_conflict`: the first field changed meanwhile. */
  readonly field: string | null;
  /** For `invalid_input`: the reason alone, to show beside the field (the message names the field). */
  readonly reason: string | null;
  constructor(error: ApiError) {
    super(error.message);
    this.name = "BackendError";
    this.code = error.code;
    this.field = error.field;
    this.reason = error.reason;
  }
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).code === "string" &&
    typeof (value as ApiError).message === "string"
  );
}

/** What `make page-timings` reads to tell time in the backend from time in rendering. */
interface TimedCall {
  command: string;
  start: number;
  end: number;
}
declare global {
  interface Window {
    __steercoCalls?: TimedCall[];
  }
}

/** Calls the Tauri command `command` with its request (`null` for commands that take none). */
export async function call<T>(command: string, req: unknown): Promise<T> {
  const start = performance.now();
  try {
    const result = await invoke<T>(command, { req });
    window.__steercoCalls?.push({ command, start, end: performance.now() });
    return result;
  } catch (thrown) {
    if (isApiError(thrown))
      throw new BackendError({ ...thrown, field: thrown.field ?? null, reason: thrown.reason ?? null });
    throw new BackendError({ code: "internal", message: String(thrown), field: null, reason: null });
  }
}
