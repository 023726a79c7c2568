// The one way a form saves: send the values (or, when editing, only the fields changed with the
// record as it was loaded), then show a refusal beside the field it names or above the form,
// refresh only what the change made stale, and on an edit conflict reload the record so the
// person sees the other change before saving again. Decided on `code` and `field`, never on text.
import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { BackendError } from "../backend";
import { type Changed, useInvalidate } from "./queryKeys";

/** A form as `useForm` makes it, for the parts of an editor that fill in a form made elsewhere. */
export type Form<V> = UseFormReturnType<V>;

/** A record's editable fields as the backend's `{ field, value }` changes. */
export type FieldChanges<T, K extends keyof T = keyof T> = { [F in K]: { field: F; value: T[F] } }[K][];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The `fields` of `edited` that differ from `loaded`, in the order given. */
export function changedFields<T, K extends keyof T>(loaded: T, edited: T, fields: readonly K[]): FieldChanges<T, K> {
  return fields
    .filter((field) => !same(loaded[field], edited[field]))
    .map((field) => ({ field, value: edited[field] })) as FieldChanges<T, K>;
}

export interface Refusal {
  /** The form path to show the reason beside, or null for a message over the form. */
  path: string | null;
  message: string;
}

function hasPath(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split(".")) {
    if (typeof at !== "object" || at === null || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Where a refusal goes: beside the form field the handler named (through `paths` when the form
 * calls it something else), with the reason alone since the label names the field; otherwise
 * the whole message above the form.
 */
export function placeRefusal(error: Error, values: unknown, paths: Record<string, string> = {}): Refusal {
  if (error instanceof BackendError && error.code === "invalid_input" && error.field) {
    const path = paths[error.field] ?? error.field;
    if (hasPath(values, path)) return { path, message: error.reason ?? error.message };
  }
  return { path: null, message: error.message };
}

export interface SaveFormOptions<V, R> {
  form: UseFormReturnType<V>;
  save: (values: V) => Promise<R>;
  /** What the save changes, for refreshing only the screens it affects. */
  changes: Changed[];
  /** Handler field names → form paths, where they differ ("programme.currency" → "currency"). */
  paths?: Record<string, string>;
  onSaved?: (result: R) => void | Promise<void>;
  /** Reloads the record after someone else changed a field this form changes. */
  onConflict?: () => void | Promise<void>;
}

export interface SaveForm<V> {
  /** Validates, then saves; for `form.onSubmit(submit)` or a button's onClick. */
  submit: (values: V) => void;
  pending: boolean;
  /** A refusal that names no field on the form, for a `FormRefusal` over the buttons. */
  refusal: string | null;
  dismiss: () => void;
}

export function useSaveForm<V, R>(options: SaveFormOptions<V, R>): SaveForm<V> {
  const { form, save, changes, paths, onSaved, onConflict } = options;
  const invalidate = useInvalidate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onMutate: () => setRefusal(null),
    onSuccess: async (result) => {
      await invalidate(...changes);
      await onSaved?.(result);
    },
    onError: async (error) => {
      if (error instanceof BackendError && error.code === "edit_conflict") {
        await onConflict?.();
        setRefusal(
          `${error.message}. The form now shows the stored values of the fields you had not touched; ` +
            "the flagged fields keep yours — save again to keep them, or change them back.",
        );
        return;
      }
      const placed = placeRefusal(error, form.getValues(), paths);
      if (placed.path) form.setFieldError(placed.path, placed.message);
      else setRefusal(placed.message);
    },
  });
  return {
    submit: (values: V) => mutation.mutate(values),
    pending: mutation.isPending,
    refusal,
    dismiss: () => setRefusal(null),
  };
}

/**
 * After an edit conflict, moves the form onto the record as it is stored now: fields the person
 * had not touched take the stored value; fields they changed keep their value, flagged with the
 * other change where it differs. Returns the new baseline to send as `loaded` next time.
 */
export function rebaseForm<V extends object>(
  form: UseFormReturnType<V>,
  loaded: V,
  stored: V,
  shown: (value: unknown) => string = (value) =>
    value === null || value === "" ? "nothing" : typeof value === "string" ? `“${value}”` : String(value),
): V {
  const values = form.getValues();
  for (const key of Object.keys(stored) as (keyof V & string)[]) {
    const mine = values[key];
    if (same(mine, loaded[key])) {
      form.setFieldValue(key as never, stored[key] as never);
    } else if (!same(stored[key], loaded[key]) && !same(stored[key], mine)) {
      form.setFieldError(key, `Someone else changed this to ${shown(stored[key])} while you were editing`);
    }
  }
  return stored;
}
