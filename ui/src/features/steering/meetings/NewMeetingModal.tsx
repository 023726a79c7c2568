// Opens a steering meeting: its date and who attends, from the portfolio's people (the person
// working, by default). Its agenda then follows from the data as it stands on that date.
import { Modal, MultiSelect, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../../backend";
import type { MeetingAgenda } from "../../../bindings/MeetingAgenda";
import { FormFooter } from "../../../components/FormFooter";
import { localIsoDate } from "../../../lib/files";
import { useSaveForm } from "../../../lib/forms";
import { useWorkingAs } from "../../../shell/useWorkingAs";
import { personOptions, usePeople } from "../steeringData";

interface Values {
  held_on: string;
  attendees: string[];
}

function MeetingForm({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { person } = useWorkingAs();
  const people = usePeople();
  const form = useForm<Values>({
    initialValues: { held_on: localIsoDate(), attendees: person ? [person.id] : [] },
    validate: { held_on: (d) => (d.trim() === "" ? "Give the meeting's date" : null) },
  });
  // The backend names an attendee `attendees[1]`; the form holds them in one field.
  const paths = Object.fromEntries(form.getValues().attendees.map((_, i) => [`attendees[${i}]`, "attendees"]));
  const saver = useSaveForm({
    form,
    save: api.meetingCreate,
    changes: ["steering"],
    paths,
    onSaved: (agenda: MeetingAgenda) => {
      notifications.show({
        color: "teal",
        title: `${agenda.meeting.id} opened`,
        message: `${agenda.items.length} item${agenda.items.length === 1 ? "" : "s"} on its agenda`,
      });
      onCreated(agenda.meeting.id);
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <TextInput
          label="Date"
          type="date"
          required
          {...form.getInputProps("held_on")}
          data-testid="meeting-new-date"
          data-autofocus
        />
        <MultiSelect
          label="Attendees"
          description={
            person ? "From the portfolio's people; you by default" : "From the portfolio's people; at least one"
          }
          placeholder="Pick the people attending"
          data={personOptions(people.data)}
          searchable
          {...form.getInputProps("attendees")}
          data-testid="meeting-new-attendees"
        />
        <FormFooter
          saver={saver}
          refusalTitle="The meeting was not opened"
          onCancel={onClose}
          submit={{ label: "Open meeting", testId: "meeting-new-submit" }}
        />
      </Stack>
    </form>
  );
}

export function NewMeetingModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (meetingId: string) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New steering meeting" size="md" centered>
      {opened && <MeetingForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}
