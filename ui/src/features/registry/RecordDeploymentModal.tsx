// Records where an approved version was deployed and when; the version then reads "deployed". The
// backend records the person working as the one who approved it, so the dialog says who that is
// rather than asking for a name.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { FormRefusal } from "../../components/FormRefusal";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";
import { useWorkingAs } from "../../shell/useWorkingAs";

interface Values {
  target: string;
  deployed_on: string;
}

const blank = (): Values => ({ target: "", deployed_on: localIsoDate() });

export function RecordDeploymentModal({
  version,
  opened,
  onClose,
}: {
  version: AdapterVersion;
  opened: boolean;
  onClose: () => void;
}) {
  const { person } = useWorkingAs();
  const form = useForm<Values>({ initialValues: blank() });

  function close() {
    form.setValues(blank());
    form.clearErrors();
    saver.dismiss();
    onClose();
  }

  const saver = useSaveForm({
    form,
    // The name shown is sent to confirm it: if the session changed meanwhile, the backend refuses
    // rather than record someone the person did not see.
    save: (values: Values) =>
      api.deploymentCreate({ adapter_version_id: version.id, ...values, approved_by: person?.name ?? null }),
    changes: ["adapters"],
    onSaved: (d) => {
      notifications.show({
        color: "teal",
        title: "Deployment recorded",
        message: `${version.adapter_name} ${version.version} deployed to ${d.target} on ${d.deployed_on}, approved by ${d.approved_by} (${d.id})`,
      });
      close();
    },
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Record deployment of ${version.adapter_name} ${version.version}`}
      centered
    >
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The version becomes deployed. Gaps in its lineage are not a bar here; the release check on the Lineage page
            reports them.
          </Text>
          <TextInput
            label="Target"
            description="An environment (production, staging) or a pilot phase"
            required
            {...form.getInputProps("target")}
            data-testid="deploy-target"
            data-autofocus
          />
          <TextInput
            label="Deployed on"
            type="date"
            required
            {...form.getInputProps("deployed_on")}
            data-testid="deploy-date"
          />
          <div>
            <Text size="xs" c="dimmed">
              Approved by
            </Text>
            <Text size="sm" data-testid="deploy-approved-by">
              {person
                ? `${person.name}, the person working`
                : "Your computer login: nobody is chosen as working on this portfolio"}
            </Text>
          </div>
          <FormRefusal refusal={saver.refusal} title="The deployment was not recorded" onClose={saver.dismiss} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending} data-testid="deploy-submit">
              Record deployment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
