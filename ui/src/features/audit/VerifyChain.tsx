// Re-checks the audit trail's hash chain on demand: either it holds (with the head hash to note
// in the steering minutes, which anchors everything before it) or where it first breaks.
import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { IconLink } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { backend } from "../../backend";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { formatCount } from "../../lib/governance";

export function VerifyResult({ report }: { report: VerifyReport }) {
  if (report.broken || report.outside_changes.length > 0) {
    return (
      <Alert color="red" title="The audit trail has been altered" data-testid="audit-verify-result" data-holds="false">
        <Stack gap={4}>
          {report.broken && (
            <Text size="sm">
              Chain broken at record {report.broken.seq}: {report.broken.reason}
            </Text>
          )}
          {report.outside_changes.map((problem) => (
            <Text size="sm" key={problem}>
              Changed outside Steerco: {problem}
            </Text>
          ))}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="teal" title="The audit trail is intact" data-testid="audit-verify-result" data-holds="true">
      <Stack gap={4}>
        <Text size="sm">
          Chain holds: {formatCount(report.records)} records · head{" "}
          <Code style={{ wordBreak: "break-all" }}>{report.head_hash}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          Note the head hash in the steering minutes: any later change to an earlier record breaks the chain against it.
        </Text>
      </Stack>
    </Alert>
  );
}

export function VerifyChain() {
  const verify = useMutation({ mutationFn: backend.verifyAudit });
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          leftSection={<IconLink size={16} />}
          onClick={() => verify.mutate()}
          loading={verify.isPending}
          data-testid="audit-verify"
        >
          Verify chain
        </Button>
      </Group>
      {verify.isError && (
        <Alert color="red" title="The chain could not be checked">
          {verify.error.message}
        </Alert>
      )}
      {verify.data && <VerifyResult report={verify.data} />}
    </Stack>
  );
}
