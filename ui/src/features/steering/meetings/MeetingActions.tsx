// A meeting's follow-up actions (what, who owns it, by when) and, while the meeting is open, adding
// one: a description, an owner from the portfolio's people and a due date no earlier than the
// meeting. The minutes keep them.
import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { api } from "../../../backend";
import type { Meeting } from "../../../bindings/Meeting";
import type { MeetingAction } from "../../../bindings/MeetingAction";
import { FormFooter } from "../../../components/FormFooter";
import { localDate } from "../../../lib/compliance";
import { useSaveForm } from "../../../lib/forms";
import { personOptions, usePeople } from "../steeringData";

interface Values {
  description: string;
  owner: string | null;
  due_on: string;
}

export function ActionsTable({ actions }: { actions: MeetingAction[] }) {
  if (actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No action agreed.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs" data-testid="meeting-actions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Action</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Due</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {actions.map((a) => (
          <Table.Tr key={a.id} data-testid={`meeting-action-${a.id}`}>
            <Table.Td>
              <Text size="sm">{a.description}</Text>
              <Text size="xs" c="dimmed">
                {a.id}
              </Text>
            </Table.Td>
            <Table.Td>{a.owner_name}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{localDate(a.due_on)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ActionForm({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const people = usePeople();
  const form = useForm<Values>({
    initialValues: { description: "", owner: null, due_on: "" },
    validate: {
      description: (d) => (d.trim() === "" ? "Say what is to be done" : null),
      owner: (o) => (o === null ? "Pick who owns it" : null),
      due_on: (d) => (d.trim() === "" ? "Give the date it is due" : null),
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: Values) =>
      api.meetingAddAction({
        meeting_id: meeting.id,
        description: v.description,
        owner: v.owner ?? "",
        due_on: v.due_on,
      }),
    changes: ["steering"],
    onSaved: (m) => {
      const added = m.actions[m.actions.length - 1];
      notifications.show({
        color: "teal",
        title: added ? `${added.id} added` : "Action added",
        message: added ? `${added.owner_name}, due ${localDate(added.due_on)}` : meeting.id,
      });
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <Textarea
          label="Action"
          required
          autosize
          minRows={2}
          {...form.getInputProps("description")}
          data-testid="action-description"
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <Select
            label="Owner"
            required
            searchable
            data={personOptions(people.data)}
            {...form.getInputProps("owner")}
            data-testid="action-owner"
          />
          <TextInput
            label="Due on"
            type="date"
            required
            min={meeting.held_on}
            {...form.getInputProps("due_on")}
            data-testid="action-due"
          />
        </SimpleGrid>
        <FormFooter
          saver={saver}
          refusalTitle="The action was not added"
          onCancel={onClose}
          submit={{ label: "Add action", testId: "action-submit" }}
        />
      </Stack>
    </form>
  );
}

/** The open meeting's actions, with "Add action". */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const [adding, modal] = useDisclosure(false);
  return (
    <Stack gap="xs" data-testid="meeting-actions-section">
      <Group justify="space-between">
        <Title order={5}>Actions</Title>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={modal.open}
          data-testid="meeting-action-open"
        >
          Add action
        </Button>
      </Group>
      <ActionsTable actions={meeting.actions} />
      <Modal opened={adding} onClose={modal.close} title={`Add an action to ${meeting.id}`} size="lg" centered>
        {adding && <ActionForm meeting={meeting} onClose={modal.close} />}
      </Modal>
    </Stack>
  );
}
