// What can be done to a version: move its status (exactly the moves the backend lists for it),
// record a deployment (when the backend says the version may be deployed), attach evaluation
// evidence, and open its lineage. Approval is a compliance officer's decision; the session says
// whether the person working may take it.
import { Button, Group, Popover, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconArchive,
  IconArrowRight,
  IconChecks,
  IconChartBar,
  IconGitFork,
  IconRocket,
  IconTimeline,
} from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { AdapterStatus } from "../../bindings/AdapterStatus";
import type { AdapterVersionDetail } from "../../bindings/AdapterVersionDetail";
import { GatedButton } from "../../components/GatedButton";
import { useInvalidate } from "../../lib/queryKeys";
import { STATUS_LABEL } from "../../lib/recordKinds";
import { STATUS_COLOR } from "../../lib/statusColors";
import { useNavigation } from "../../shell/navigation";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { ImportEvaluationModal } from "./ImportEvaluationModal";
import { ImportMlflowModal } from "./ImportMlflowModal";
import { RecordDeploymentModal } from "./RecordDeploymentModal";

export function VersionActions({ detail }: { detail: AdapterVersionDetail }) {
  const version = detail.version;
  const invalidate = useInvalidate();
  const { navigate } = useNavigation();
  const { gate } = useWorkingAs();
  const [deploying, deployModal] = useDisclosure(false);
  const [evaluating, evaluationModal] = useDisclosure(false);
  const [mlflow, mlflowModal] = useDisclosure(false);
  const [confirmRetire, setConfirmRetire] = useState(false);

  const setStatus = useMutation({
    mutationFn: (status: AdapterStatus) => api.adapterVersionSetStatus({ id: version.id, status }),
    onSuccess: async (v) => {
      setConfirmRetire(false);
      await invalidate("adapters");
      notifications.show({
        color: "teal",
        title: "Status changed",
        message: `${v.adapter_name} ${v.version} is now ${STATUS_LABEL[v.status].toLowerCase()}`,
      });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "The status was not changed", message: error.message }),
  });
  const moving = (status: AdapterStatus) => setStatus.isPending && setStatus.variables === status;

  function move(status: AdapterStatus) {
    switch (status) {
      case "approved":
        return (
          <GatedButton
            key={status}
            gate={gate("approve_adapter_version")}
            size="xs"
            leftSection={<IconChecks size={14} />}
            onClick={() => setStatus.mutate("approved")}
            loading={moving("approved")}
            data-testid="version-approve"
          >
            Approve
          </GatedButton>
        );
      case "retired":
        // Retiring cannot be undone, so it asks first.
        return (
          <Popover
            key={status}
            opened={confirmRetire}
            onChange={setConfirmRetire}
            position="bottom-end"
            withArrow
            shadow="md"
          >
            <Popover.Target>
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                leftSection={<IconArchive size={14} />}
                onClick={() => setConfirmRetire((o) => !o)}
                data-testid="version-retire"
              >
                Retire…
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs" maw={260}>
                <Text size="sm">
                  Retire {version.adapter_name} {version.version}? It stays in the registry as{" "}
                  {STATUS_LABEL.retired.toLowerCase()} and cannot return to service.
                </Text>
                <Group justify="flex-end" gap="xs">
                  <Button size="xs" variant="default" onClick={() => setConfirmRetire(false)}>
                    Keep
                  </Button>
                  <Button
                    size="xs"
                    color="dark"
                    onClick={() => setStatus.mutate("retired")}
                    loading={moving("retired")}
                    data-testid="version-retire-confirm"
                  >
                    Retire
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        );
      default:
        // A move the backend allows that has no dedicated control yet.
        return (
          <Button
            key={status}
            size="xs"
            variant="light"
            leftSection={<IconArrowRight size={14} />}
            onClick={() => setStatus.mutate(status)}
            loading={moving(status)}
            data-testid={`version-status-${status}`}
          >
            Mark {STATUS_LABEL[status].toLowerCase()}
          </Button>
        );
    }
  }

  return (
    <>
      <Group gap="xs" data-testid="version-actions">
        {detail.next_statuses.filter((s) => s !== "retired").map(move)}
        <GatedButton
          gate={detail.deployable}
          size="xs"
          variant="light"
          color={STATUS_COLOR.deployed}
          leftSection={<IconRocket size={14} />}
          onClick={deployModal.open}
          data-testid="deploy-open"
        >
          Record deployment
        </GatedButton>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChartBar size={14} />}
          onClick={evaluationModal.open}
          data-testid="evaluation-import-open"
        >
          Import evaluation…
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconGitFork size={14} />}
          onClick={mlflowModal.open}
          data-testid="mlflow-import-open"
        >
          Import MLflow run…
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconTimeline size={14} />}
          onClick={() => navigate("lineage", version.id)}
          data-testid={`lineage-open-${version.id}`}
        >
          Lineage
        </Button>
        {detail.next_statuses.includes("retired") && move("retired")}
      </Group>
      <RecordDeploymentModal version={version} opened={deploying} onClose={deployModal.close} />
      <ImportEvaluationModal version={version} opened={evaluating} onClose={evaluationModal.close} />
      <ImportMlflowModal version={version} opened={mlflow} onClose={mlflowModal.close} />
    </>
  );
}
