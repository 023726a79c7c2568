// Sets up a workshop: title, date, facilitator, participants and the use cases on the agenda.
import { Button, Group, Modal, MultiSelect, Stack, TagsInput, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend, BackendError } from "../../backend";
import type { Workshop } from "../../bindings/Workshop";
import { localIsoDate } from "../../lib/files";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (w: Workshop) => void;
}

export function NewWorkshopModal({ opened, onClose, onCreated }: Props) {
  const queryClient = useQueryClient();
  const useCases = useQuery({ queryKey: ["use-cases"], queryFn: backend.useCases, enabled: opened });
  const [title, setTitle] = useState("");
  const [heldOn, setHeldOn] = useState(localIsoDate());
  const [facilitator, setFacilitator] = useState("");
  const [participants, setParticipants] = useState<string[]>([]);
  const [agenda, setAgenda] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: () =>
      backend.createWorkshop({ title, held_on: heldOn, facilitator, participants, use_case_ids: agenda }),
    onSuccess: async (w) => {
      await queryClient.invalidateQueries({ queryKey: ["workshops"] });
      setErrors({});
      onCreated(w);
      onClose();
    },
    onError: (error) => {
      const field = error instanceof BackendError ? error.field : null;
      setErrors({ [field ?? "form"]: error.message.replace(/^[a-z_.]+: /, "") });
    },
  });

  const options = (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` }));
  return (
    <Modal opened={opened} onClose={onClose} title="New workshop" size="lg" centered>
      <Stack>
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <Group grow>
          <TextInput
            label="Date"
            type="date"
            required
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            error={errors.held_on}
          />
          <TextInput
            label="Facilitator"
            required
            value={facilitator}
            onChange={(e) => setFacilitator(e.currentTarget.value)}
            error={errors.facilitator}
          />
        </Group>
        <TagsInput
          label="Participants"
          description="Type a name and press Enter"
          value={participants}
          onChange={setParticipants}
          error={errors.participants}
        />
        <MultiSelect
          label="Use cases on the agenda"
          description="Leave empty to rate every use case still in discovery"
          data={options}
          value={agenda}
          onChange={setAgenda}
          searchable
          error={errors.use_case_ids ?? errors.form}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            Create workshop
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
