// The release check over every deployed version: each gap an auditor would ask about (no data
// pack, an unapproved pack, a source no policy accepts, no evaluation), or a clean bill.
import { Alert, Anchor, Button, Group, List, Loader, Paper, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";

export function ReleaseCheck({ onShow }: { onShow: (versionId: string) => void }) {
  const check = useQuery({ queryKey: keys.lineageCheck, queryFn: api.lineageCheck });
  const deployed = check.data?.deployed_versions ?? 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Check release lineage</Title>
          <Text size="sm" c="dimmed">
            Every deployed version needs an approved data pack from accepted sources, and an evaluation.
          </Text>
        </div>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void check.refetch()}
          loading={check.isFetching}
          data-testid="lineage-check-run"
        >
          Check again
        </Button>
      </Group>
      {check.isPending && <Loader size="sm" aria-label="Checking the lineage" />}
      {check.isError && <Alert color="red">{check.error.message}</Alert>}
      {check.data &&
        (check.data.gaps.length === 0 ? (
          <Alert color="green" icon={<IconCircleCheck />} data-testid="lineage-check-result">
            {deployed} deployed version{deployed === 1 ? "" : "s"} checked: no gaps
          </Alert>
        ) : (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={`${check.data.gaps.length} gap${check.data.gaps.length === 1 ? "" : "s"} in ${deployed} deployed version${deployed === 1 ? "" : "s"}`}
            data-testid="lineage-check-result"
          >
            <List size="sm" spacing={4}>
              {check.data.gaps.map((gap) => (
                <List.Item
                  key={`${gap.adapter_version_id}-${gap.kind}-${gap.record_id}`}
                  data-testid="lineage-check-gap"
                >
                  <Text span size="sm" c="red.8">
                    {gap.message}
                  </Text>{" "}
                  <Anchor
                    component="button"
                    size="sm"
                    onClick={() => onShow(gap.adapter_version_id)}
                    data-testid={`lineage-check-show-${gap.adapter_version_id}`}
                  >
                    Show {gap.adapter_version_id}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ))}
    </Paper>
  );
}
