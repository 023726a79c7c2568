// What every blueprint part's edit form shares: the owner field, the save request, the notice once
// saved, and the refusal with Cancel and Save below the fields.
import { Button, Group, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { api } from "../../backend";
import type { Blueprint } from "../../bindings/Blueprint";
import type { BlueprintPart } from "../../bindings/BlueprintPart";
import type { PartContent } from "../../bindings/PartContent";
import { FormRefusal } from "../../components/FormRefusal";
import type { SaveForm } from "../../lib/forms";
import { BLUEPRINT_PART_LABEL } from "../../lib/recordKinds";

/** What a part's form edits: its owner and its content's fields (by the backend's names). */
export type PartValues<C> = { owner: string } & C;

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
    <>
      <FormRefusal refusal={saver.refusal} title="The part was not saved" onClose={saver.dismiss} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={saver.pending} data-testid="blueprint-save">
          Save part
        </Button>
      </Group>
    </>
  );
}
