// Records compliance's approval of a data pack: who approved it and on which date. An approval is
// final; the backend refuses a second one. With a person working, the approval is in their name
// (the backend refuses any other), so the dialog shows it instead of asking.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../backend";
import type { DataPack } from "../../bindings/DataPack";
import type { Person } from "../../bindings/Person";
import { FormRefusal } from "../../components/FormRefusal";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";
import { useWorkingAs } from "../../shell/useWorkingAs";

interface Values {
  approved_by: string;
  approved_on: string;
}

function ApproveForm({ pack, person, onClose }: { pack: DataPack; person: Person | null; onClose: () => void }) {
  const form = useForm<Values>({ initialValues: { approved_by: person?.name ?? "", approved_on: localIsoDate() } });
  const saver = useSaveForm({
    form,
    save: (values: Values) =>
      api.packApprove({
        data_pack_id: pack.id,
        approved_by: person ? null : values.approved_by.trim() || null,
        approved_on: values.approved_on,
      }),
    changes: ["governance"],
    onSaved: (p) => {
      notifications.show({
        color: "teal",
        title: `${p.id} approved`,
        message: `Approved by ${p.approved_by} on ${p.approved_on}`,
      });
      onClose();
    },
  });

  // noValidate: the backend's refusal beside the field says what is missing, not a browser bubble.
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The compliance analyst confirms the pack may be used for training. The approval cannot be changed afterwards.
        </Text>
        <Group grow align="flex-start">
          {person ? (
            <div>
              <Text size="xs" c="dimmed">
                Approved by
              </Text>
              <Text size="sm" data-testid="pack-approved-by">
                {person.name}, the person working
              </Text>
              {form.errors.approved_by && (
                <Text size="xs" c="red">
                  {form.errors.approved_by}
                </Text>
              )}
            </div>
          ) : (
            // Nobody is chosen as working (a portfolio without people): the name is the record.
            <TextInput
              label="Approved by"
              required
              {...form.getInputProps("approved_by")}
              data-testid="pack-approved-by"
              data-autofocus
            />
          )}
          <TextInput
            label="Approved on"
            type="date"
            required
            {...form.getInputProps("approved_on")}
            data-testid="pack-approved-on"
          />
        </Group>
        <FormRefusal refusal={saver.refusal} title="The pack was not approved" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="pack-approve-submit">
            Approve
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ApprovePackModal({ pack, onClose }: { pack: DataPack | null; onClose: () => void }) {
  const { person } = useWorkingAs();
  return (
    <Modal
      opened={pack !== null}
      onClose={onClose}
      title={pack ? `Approve ${pack.id} · ${pack.name} ${pack.version}` : ""}
      centered
    >
      {pack && <ApproveForm key={pack.id} pack={pack} person={person} onClose={onClose} />}
    </Modal>
  );
}
