// The release check over every deployed version: each version with how many gaps it has, then
// each gap an auditor would ask about (no base model, no data pack, an unapproved pack, a source
// no policy accepts, no evaluation, a use case without a current sign-off) with what closes it —
// or a clean bill, or, before anything is deployed, that there is nothing to check yet.
import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { LineageCheck } from "../../bindings/LineageCheck";
import { keys } from "../../lib/queryKeys";
import { useRefresh } from "../../lib/useRefresh";
import { GAP_KIND_LABEL } from "../../lib/recordKinds";
import { CHECK_COLOR } from "../../lib/statusColors";
import { useNavigation } from "../../shell/navigation";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function DeployedVersions({ check, onShow }: { check: LineageCheck; onShow: (versionId: string) => void }) {
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="lineage-check-versions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Deployed version</Table.Th>
          <Table.Th>Use case</Table.Th>
          <Table.Th ta="right">Gaps</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {check.deployed.map((d) => (
          <Table.Tr key={d.adapter_version_id} data-testid={`lineage-check-version-${d.adapter_version_id}`}>
            <Table.Td>
              <Anchor component="button" type="button" size="sm" onClick={() => onShow(d.adapter_version_id)}>
                {d.label}
              </Anchor>{" "}
              <Text span size="xs" c="dimmed">
                {d.adapter_version_id}
              </Text>
            </Table.Td>
            <Table.Td>
              {d.use_case_id ?? (
                <Text span size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Badge
                miw="max-content"
                tt="none"
                variant="light"
                color={d.gap_count > 0 ? CHECK_COLOR.failed : CHECK_COLOR.passed}
                data-testid={`lineage-check-gap-count-${d.adapter_version_id}`}
              >
                {d.gap_count > 0 ? plural(d.gap_count, "gap") : "no gaps"}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReleaseCheck({ onShow }: { onShow: (versionId: string) => void }) {
  const { navigate } = useNavigation();
  const check = useQuery({ queryKey: keys.lineageCheck, queryFn: api.lineageCheck });
  const { refresh, refreshing } = useRefresh(check.refetch);
  const deployed = check.data?.deployed_versions ?? 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Check release lineage</Title>
          <Text size="sm" c="dimmed">
            Every deployed version needs a base model, an approved data pack from accepted sources, an evaluation, and a
            current compliance sign-off of its use case.
          </Text>
        </div>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={14} />}
          onClick={refresh}
          loading={refreshing}
          data-testid="lineage-check-run"
        >
          Check again
        </Button>
      </Group>
      {check.isPending && <Loader size="sm" aria-label="Checking the lineage" />}
      {check.isError && <Alert color="red">{check.error.message}</Alert>}
      {check.data &&
        (deployed === 0 ? (
          <Alert color="gray" icon={<IconInfoCircle />} title="Nothing deployed yet" data-testid="lineage-check-result">
            No adapter version is deployed, so there is no release to check. Once a version's deployment is recorded in
            the Registry, its lineage is checked here.
          </Alert>
        ) : (
          <Stack gap="sm">
            {check.data.gaps.length === 0 ? (
              <Alert color="green" icon={<IconCircleCheck />} data-testid="lineage-check-result">
                {plural(deployed, "deployed version")} checked: no gaps
              </Alert>
            ) : (
              <Alert
                color="red"
                icon={<IconAlertTriangle />}
                title={`${plural(check.data.gaps.length, "gap")} in ${check.data.versions_with_gaps} of ${plural(deployed, "deployed version")}`}
                data-testid="lineage-check-result"
              >
                <List size="sm" spacing={6}>
                  {check.data.gaps.map((gap) => (
                    <List.Item
                      key={`${gap.adapter_version_id}-${gap.kind}-${gap.record_id}`}
                      data-testid="lineage-check-gap"
                    >
                      <Badge miw="max-content" size="xs" color="red" variant="outline" tt="none" mr={6}>
                        {GAP_KIND_LABEL[gap.kind]}
                      </Badge>
                      <Text span size="sm" c="red.8">
                        {gap.message}
                      </Text>{" "}
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => onShow(gap.adapter_version_id)}
                        data-testid={`lineage-check-show-${gap.adapter_version_id}`}
                      >
                        Show {gap.adapter_version_id}
                      </Anchor>
                      {gap.kind === "no_current_signoff" && (
                        <>
                          {" · "}
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            onClick={() => navigate("signoffs", gap.record_id)}
                            data-testid={`lineage-check-review-${gap.record_id}`}
                          >
                            Review {gap.record_id} for sign-off
                          </Anchor>
                        </>
                      )}
                      <Text size="xs" c="dark.4" data-testid="lineage-check-how-to-close">
                        To close: {gap.how_to_close}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <DeployedVersions check={check.data} onShow={onShow} />
          </Stack>
        ))}
    </Paper>
  );
}
