// What can be done to a version: move its status (only the moves the backend allows), record a
// deployment, attach evaluation evidence, and open its lineage.
import { Button, Group, Popover, Stack, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconChecks, IconChartBar, IconGitFork, IconRocket, IconTimeline } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { AdapterStatus } from "../../bindings/AdapterStatus";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { canDeploy, nextStatuses, STATUS_LABEL } from "../../lib/governance";
import { useNavigation } from "../../shell/navigation";
import { ImportEvaluationModal } from "./ImportEvaluationModal";
import { ImportMlflowModal } from "./ImportMlflowModal";
import { RecordDeploymentModal } from "./RecordDeploymentModal";

export function VersionActions({ version }: { version: AdapterVersion }) {
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const [deploying, deployModal] = useDisclosure(false);
  const [evaluating, evaluationModal] = useDisclosure(false);
  const [mlflow, mlflowModal] = useDisclosure(false);
  const [confirmRetire, setConfirmRetire] = useState(false);

  const setStatus = useMutation({
    mutationFn: (status: AdapterStatus) => backend.setAdapterStatus(version.id, status),
    onSuccess: async (v) => {
      setConfirmRetire(false);
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: "Status changed",
        message: `${v.adapter_name} ${v.version} is now ${v.status}`,
      });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "The status was not changed", message: error.message }),
  });

  const next = nextStatuses(version.status);
  const retired = version.status === "retired";
  return (
    <>
      <Group gap="xs">
        {next.includes("approved") && (
          <Button
            size="xs"
            leftSection={<IconChecks size={14} />}
            onClick={() => setStatus.mutate("approved")}
            loading={setStatus.isPending && setStatus.variables === "approved"}
            data-testid="version-approve"
          >
            Approve
          </Button>
        )}
        <Tooltip
          label={
            retired
              ? "A retired version cannot be deployed"
              : "Approve the version first: only an approved version can be deployed"
          }
          disabled={canDeploy(version.status)}
        >
          <Button
            size="xs"
            variant="light"
            color="green"
            leftSection={<IconRocket size={14} />}
            // data-disabled rather than disabled, so the tooltip saying why still shows on hover.
            data-disabled={!canDeploy(version.status) || undefined}
            onClick={(e) => (canDeploy(version.status) ? deployModal.open() : e.preventDefault())}
            data-testid="deploy-open"
          >
            Record deployment
          </Button>
        </Tooltip>
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
        {next.includes("retired") && (
          <Popover opened={confirmRetire} onChange={setConfirmRetire} position="bottom-end" withArrow shadow="md">
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
                    loading={setStatus.isPending && setStatus.variables === "retired"}
                    data-testid="version-retire-confirm"
                  >
                    Retire
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        )}
      </Group>
      <RecordDeploymentModal version={version} opened={deploying} onClose={deployModal.close} />
      <ImportEvaluationModal version={version} opened={evaluating} onClose={evaluationModal.close} />
      <ImportMlflowModal version={version} opened={mlflow} onClose={mlflowModal.close} />
    </>
  );
}
