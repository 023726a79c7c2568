// Sets up a workshop: title, date, facilitator, participants and the use cases on the agenda.
import { Button, Group, Modal, MultiSelect, Stack, TagsInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { NewWorkshop } from "../../bindings/NewWorkshop";
import type { Workshop } from "../../bindings/Workshop";
import { FormRefusal } from "../../components/FormRefusal";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";
import { keys } from "../../lib/queryKeys";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (w: Workshop) => void;
}

const blank = (): NewWorkshop => ({
  title: "",
  held_on: localIsoDate(),
  facilitator: "",
  participants: [],
  use_case_ids: [],
});

export function NewWorkshopModal({ opened, onClose, onCreated }: Props) {
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList, enabled: opened });
  const form = useForm<NewWorkshop>({ initialValues: blank() });
  const saver = useSaveForm({
    form,
    save: api.workshopCreate,
    changes: ["workshops"],
    onSaved: (w) => {
      form.setValues(blank());
      onCreated(w);
      onClose();
    },
  });

  const options = (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` }));
  return (
    <Modal opened={opened} onClose={onClose} title="New workshop" size="lg" centered>
      <form onSubmit={form.onSubmit(saver.submit)}>
        <Stack>
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          <Group grow>
            <TextInput label="Date" type="date" required {...form.getInputProps("held_on")} />
            <TextInput label="Facilitator" required {...form.getInputProps("facilitator")} />
          </Group>
          <TagsInput
            label="Participants"
            description="Type a name and press Enter"
            {...form.getInputProps("participants")}
          />
          <MultiSelect
            label="Use cases on the agenda"
            description="Leave empty to rate every use case still in discovery"
            data={options}
            searchable
            {...form.getInputProps("use_case_ids")}
          />
          <FormRefusal refusal={saver.refusal} title="The workshop was not created" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending}>
              Create workshop
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
