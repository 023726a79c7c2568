// Records where an approved version was deployed and when; the version then reads "deployed". The
// backend records the person working as the one who approved it, so the dialog says who that is
// rather than asking for a name. The regression gate is checked as the dialog opens, so a version
// it refuses says why before saving; only an executive may deploy it anyway, with a rationale the
// backend records as a decision.
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api, BackendError } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { Gate } from "../../bindings/Gate";
import { FormRefusal } from "../../components/FormRefusal";
import { GatedButton } from "../../components/GatedButton";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { useRegressionCheck } from "./RegressionGate";
import { RegressionRefusal } from "./RegressionRefusal";

interface Values {
  target: string;
  deployed_on: string;
  override_rationale: string;
}

const blank = (): Values => ({ target: "", deployed_on: localIsoDate(), override_rationale: "" });

const OPEN: Gate = { allowed: true, reason: null };

export function RecordDeploymentModal({
  version,
  opened,
  onClose,
}: {
  version: AdapterVersion;
  opened: boolean;
  onClose: () => void;
}) {
  const { person, gate } = useWorkingAs();
  const form = useForm<Values>({ initialValues: blank() });
  const check = useRegressionCheck(version.id, opened);
  const fails = check.data?.passes === false;
  const mayOverride = gate("decide_gate").allowed;
  // Unread, the gate is not known to pass, and a deployment sent without a rationale could meet a
  // refusal the person was never shown. A check that could not be read blocks nothing: the backend
  // applies the gate anyway and its refusal shows above the buttons.
  const submitGate: Gate = check.isPending
    ? { allowed: false, reason: "Checking the regression gate…" }
    : fails && !mayOverride
      ? { allowed: false, reason: "Only an executive can let a version through the regression gate" }
      : OPEN;

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
      api
        .deploymentCreate({
          adapter_version_id: version.id,
          target: values.target,
          deployed_on: values.deployed_on,
          approved_by: person?.name ?? null,
          // A rationale answers a refusal the person saw; with a passing gate none was asked for.
          override_rationale: fails ? values.override_rationale : null,
        })
        .catch((error: unknown) => {
          // The gate may have changed since the dialog opened (another version deployed, an
          // evaluation replaced): read it again so the alert shows what the refusal is about.
          if (error instanceof BackendError && error.field === "adapter_version_id") void check.refetch();
          throw error;
        }),
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
          <RegressionRefusal
            check={check}
            fails={fails}
            testIdPrefix="deploy"
            title="Deploying this version fails the regression gate"
            unreadNote="The gate still applies when the deployment is recorded."
            mayOverride={mayOverride}
            overrideNote="You may deploy it anyway: your rationale is recorded with this refusal as a gate decision, on the audit trail."
            remedyNote="To deploy it, evaluate it on the same suite, have an executive set a tolerance for the metric, or ask an executive to deploy it with a recorded rationale."
          />
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
          {fails && mayOverride && (
            <Textarea
              label="Rationale for deploying anyway"
              description="Why the version goes out although the gate refuses it; recorded with your name"
              required
              autosize
              minRows={2}
              {...form.getInputProps("override_rationale")}
              data-testid="deploy-override-rationale"
            />
          )}
          <FormRefusal refusal={saver.refusal} title="The deployment was not recorded" onClose={saver.dismiss} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <GatedButton
              gate={submitGate}
              type="submit"
              color={fails ? "orange" : undefined}
              loading={saver.pending}
              data-testid="deploy-submit"
            >
              {fails ? "Deploy anyway (record decision)" : "Record deployment"}
            </GatedButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
