// What every blueprint part's edit form shares: the form and its save (owner and content sent
// whole, the notice once saved, then the dialog closes), the owner field, each field's test id,
// and the refusal with Cancel and Save below the fields.
import { TextInput } from "@mantine/core";
import { type LooseKeys, useForm, type UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../backend";
import type { Blueprint } from "../../bindings/Blueprint";
import type { BlueprintPart } from "../../bindings/BlueprintPart";
import type { PartContent } from "../../bindings/PartContent";
import { FormFooter } from "../../components/FormFooter";
import { type SaveForm, useSaveForm } from "../../lib/forms";
import { BLUEPRINT_PART_LABEL } from "../../lib/recordKinds";

/** What a part's form edits: its owner and its content's fields (by the backend's names). */
export type PartValues<C> = { owner: string } & C;

/** The content of one kind of part, and the same without the `part` tag that names it. */
type PartContentOf<P extends BlueprintPart> = Extract<PartContent, { part: P }>;
type ContentOf<P extends BlueprintPart> = Omit<PartContentOf<P>, "part">;

export function savePart(useCaseId: string, owner: string, content: PartContent): Promise<Blueprint> {
  return api.blueprintSetPart({ use_case_id: useCaseId, owner, content });
}

/** Says what the saved part still lacks, or that it awaits a review. */
export function notifySaved(blueprint: Blueprint, part: BlueprintPart) {
  const saved = blueprint.parts.find((p) => p.part === part);
  const missing = saved?.missing ?? [];
  notifications.show({
    color: missing.length === 0 ? "teal" : "orange",
    title: `${saved?.title ?? BLUEPRINT_PART_LABEL[part]} saved`,
    message:
      missing.length > 0
        ? `Still lacks ${missing.join("; ")}`
        : saved?.reviewed_by
          ? `Unchanged: the review by ${saved.reviewed_by} stands`
          : "Complete: someone other than its owner reviews it next",
  });
}

export interface PartForm<V> {
  form: UseFormReturnType<V>;
  saver: SaveForm<V>;
  /** A field's input props with its test id: `<TextInput {...field("traced_what")} />`. */
  field: (path: LooseKeys<V>) => ReturnType<UseFormReturnType<V>["getInputProps"]> & { "data-testid": string };
}

/**
 * The form of one part: loaded with `initialValues`, saved whole through blueprintSetPart with the
 * owner and the content `content` makes of the other values; once saved, a notice says what the
 * part still lacks and the dialog closes.
 */
export function usePartForm<P extends BlueprintPart, V extends { owner: string }>({
  useCaseId,
  part,
  initialValues,
  content,
  onClose,
}: {
  useCaseId: string;
  part: P;
  initialValues: V;
  content: (values: Omit<V, "owner">) => ContentOf<P>;
  onClose: () => void;
}): PartForm<V> {
  const form = useForm<V>({ initialValues });
  const saver = useSaveForm({
    form,
    save: ({ owner, ...rest }: V) => savePart(useCaseId, owner, { part, ...content(rest) } as PartContentOf<P>),
    changes: ["pilots"],
    onSaved: (b) => {
      notifySaved(b, part);
      onClose();
    },
  });
  // The test id names the field by its path, dots as dashes ("bp-field-service_accounts-0-name").
  const field = (path: LooseKeys<V>) => ({
    ...form.getInputProps(path),
    "data-testid": `bp-field-${String(path).split(".").join("-")}`,
  });
  return { form, saver, field };
}

export function OwnerField({ inputProps }: { inputProps: object }) {
  return (
    <TextInput
      label="Owner"
      description="Who answers for this part; someone else reviews it"
      required
      {...inputProps}
      data-testid="bp-field-owner"
      data-autofocus
    />
  );
}

export function PartFormFooter<V>({ saver, onClose }: { saver: SaveForm<V>; onClose: () => void }) {
  return (
    <FormFooter
      saver={saver}
      refusalTitle="The part was not saved"
      onCancel={onClose}
      submit={{ label: "Save part", testId: "blueprint-save" }}
    />
  );
}
