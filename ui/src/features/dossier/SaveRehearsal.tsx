// Before an edit of a stored dossier is saved, the backend rehearses it (nothing is written): a
// refusal naming a field shows there with nothing stored; what the save would change that others
// rely on (a sign-off turning stale, the lane, the rank) is listed for a "Save anyway". A refusal
// naming no field (an edit conflict, a read-only file) goes through the save, whose one form
// pattern handles it (an edit conflict reloads the dossier). A new use case is saved at once.
import { Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { api, BackendError } from "../../backend";
import type { Consequence } from "../../bindings/Consequence";
import type { DossierInput } from "../../bindings/DossierInput";
import { type Form, placeRefusal, type SaveForm } from "../../lib/forms";
import { CONSEQUENCE_KIND_LABEL } from "../../lib/recordKinds";
import { DOSSIER_PATHS, dossierChanges, dossierInput, type DossierValues } from "./dossierEdits";

/** What saving would change that others rely on, for a "Save anyway" (null: nothing pending). */
export interface PendingSave {
  values: DossierValues;
  consequences: Consequence[];
}

export function useRehearsedSave({
  form,
  saver,
  existingId,
  loaded,
}: {
  form: Form<DossierValues>;
  saver: SaveForm<DossierValues>;
  /** The stored use case being edited; null for a new one. */
  existingId: string | null;
  /** The dossier as the editor loaded it. */
  loaded: DossierInput | null;
}) {
  const [pending, setPending] = useState<PendingSave | null>(null);
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async (values: DossierValues) => {
    setRefusal(null);
    if (!existingId || !loaded) return saver.submit(values);
    setChecking(true);
    let preview;
    try {
      preview = await api.useCasePreviewUpdate({
        id: existingId,
        changes: dossierChanges(loaded, dossierInput(values)),
        loaded,
      });
    } catch {
      // The rehearsal itself failed: the save will say why, in the usual place.
      return saver.submit(values);
    } finally {
      setChecking(false);
    }
    const rehearsed = preview.refusal;
    if (rehearsed?.field) {
      const error = new BackendError({
        code: "invalid_input",
        message: `${rehearsed.field}: ${rehearsed.message}`,
        field: rehearsed.field,
        reason: rehearsed.message,
      });
      const placed = placeRefusal(error, values, DOSSIER_PATHS);
      if (placed.path) form.setFieldError(placed.path, placed.message);
      else setRefusal(placed.message);
      return;
    }
    if (!rehearsed && preview.consequences.length > 0) {
      setPending({ values, consequences: preview.consequences });
      return;
    }
    saver.submit(values);
  };
  return {
    submit,
    /** The rehearsal is running. */
    checking,
    /** A refusal of the rehearsal that names no field on the form. */
    refusal,
    pending,
    saveAnyway: () => {
      if (pending) saver.submit(pending.values);
      setPending(null);
    },
    cancelPending: () => setPending(null),
    /** Forgets the refusal and any pending save (the editor closes). */
    reset: () => {
      setRefusal(null);
      setPending(null);
    },
  };
}

/** Lists what the save would change for others, with "Save anyway" and Cancel. */
export function SaveConsequencesModal({
  pending,
  onCancel,
  onSaveAnyway,
}: {
  pending: PendingSave | null;
  onCancel: () => void;
  onSaveAnyway: () => void;
}) {
  return (
    <Modal
      opened={pending !== null}
      onClose={onCancel}
      title="Saving changes what others rely on"
      centered
      zIndex={400}
    >
      <Stack gap="sm" data-testid="save-consequences">
        <List spacing="xs" icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />}>
          {pending?.consequences.map((c) => (
            <List.Item key={c.kind + c.message} data-testid={`consequence-${c.kind}`}>
              <Text size="xs" c="dimmed">
                {CONSEQUENCE_KIND_LABEL[c.kind]}
              </Text>
              <Text size="sm">{c.message}</Text>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-testid="save-cancel">
            Cancel
          </Button>
          <Button color="orange" onClick={onSaveAnyway} data-testid="save-anyway">
            Save anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
