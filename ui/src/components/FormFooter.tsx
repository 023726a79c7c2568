// The foot of a form in a dialog: the backend's refusal that names no field, then Cancel and the
// button that submits (loading while the save runs).
import { Button, Group } from "@mantine/core";
import type { SaveForm } from "../lib/forms";
import { FormRefusal } from "./FormRefusal";

export function FormFooter({
  saver,
  refusalTitle,
  onCancel,
  submit,
}: {
  saver: Pick<SaveForm<unknown>, "refusal" | "pending" | "dismiss">;
  /** Over the refusal: what did not happen ("The KPI was not added"). */
  refusalTitle: string;
  onCancel: () => void;
  submit: { label: string; testId: string };
}) {
  return (
    <>
      <FormRefusal refusal={saver.refusal} title={refusalTitle} onClose={saver.dismiss} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saver.pending} data-testid={submit.testId}>
          {submit.label}
        </Button>
      </Group>
    </>
  );
}
