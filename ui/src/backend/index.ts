// The only module that talks to Tauri. Components call the generated, typed command functions
// (`api.useCaseList()`, one per command declared in crates/api/src/commands.rs), the native
// dialogs and the shell's events from here, so they can be unit-tested with this module mocked.
export * as api from "./commands";
export { BackendError } from "./call";
export * from "./dialogs";
export * from "./events";
