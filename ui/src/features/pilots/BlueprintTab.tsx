// A use case's architecture blueprint: the four parts (policy guardrails, the launch version,
// security overlays, monitoring), each a card with its owner, what it holds, what it still lacks
// and its review stamp, an Edit form and "Mark reviewed". The rules are the backend's: a review is
// of a complete part, never by its owner, and any later change to the part clears it.
import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChecks, IconPencil } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { BlueprintPart } from "../../bindings/BlueprintPart";
import type { BlueprintPartRecord } from "../../bindings/BlueprintPartRecord";
import type { Gate } from "../../bindings/Gate";
import type { Policy } from "../../bindings/Policy";
import { GatedButton } from "../../components/GatedButton";
import { localDate, localDateTime } from "../../lib/compliance";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { CHECK_COLOR, TONE } from "../../lib/statusColors";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { BlueprintPartModal } from "./BlueprintPartForm";
import { PartSummary } from "./BlueprintSummary";
import { useBlueprint } from "./pilotsData";

const OPEN: Gate = { allowed: true, reason: null };

/** Whether the person working may stamp the part reviewed, and if not, why (the backend checks too). */
function reviewGate(p: BlueprintPartRecord, personName: string | null): Gate {
  if (p.updated_by === null) return { allowed: false, reason: "Nobody has written this part yet: edit it first" };
  if (p.missing.length > 0)
    return { allowed: false, reason: `Complete the part first: it lacks ${p.missing.join("; ")}` };
  if (p.reviewed_by !== null)
    return {
      allowed: false,
      reason: `Already reviewed by ${p.reviewed_by}; a change to the part asks for a new review`,
    };
  if (personName !== null && personName === p.owner)
    return { allowed: false, reason: `${personName} owns this part; someone else reviews it` };
  return OPEN;
}

function PartCard({
  useCaseId,
  record,
  focused,
  policies,
  versions,
  onEdit,
}: {
  useCaseId: string;
  record: BlueprintPartRecord;
  focused: boolean;
  policies: readonly Policy[];
  versions: readonly AdapterVersion[];
  onEdit: () => void;
}) {
  const invalidate = useInvalidate();
  const { person } = useWorkingAs();
  const [refusal, setRefusal] = useState<string | null>(null);
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [focused]);
  const review = useMutation({
    mutationFn: () => api.blueprintReview({ use_case_id: useCaseId, part: record.part }),
    onMutate: () => setRefusal(null),
    onSuccess: async () => {
      await invalidate("pilots");
      notifications.show({
        color: "teal",
        title: `${record.title} reviewed`,
        message: `Stamped reviewed for ${useCaseId}`,
      });
    },
    // The backend's refusal as it words it: the owner reviewing, a part incomplete meanwhile.
    onError: (error) => setRefusal(error.message),
  });
  const complete = record.missing.length === 0;
  const p = record.part;
  return (
    <Paper
      ref={card}
      withBorder
      p="md"
      radius="md"
      style={focused ? { borderColor: "var(--mantine-color-blue-5)", borderWidth: 2 } : undefined}
      data-testid={`blueprint-part-${p}`}
      data-complete={String(complete)}
      data-reviewed={String(record.reviewed_by !== null)}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={5}>{record.title}</Title>
            <Text size="sm" c={record.owner ? undefined : "dimmed"} data-testid={`blueprint-owner-${p}`}>
              {record.owner ? `Owner: ${record.owner}` : "No owner yet"}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            <Badge miw="max-content" variant="light" color={complete ? CHECK_COLOR.passed : CHECK_COLOR.failed}>
              {complete ? "Complete" : "Incomplete"}
            </Badge>
            <Badge miw="max-content" variant="light" color={record.reviewed_by ? CHECK_COLOR.passed : TONE.attention}>
              {record.reviewed_by ? "Reviewed" : "Not reviewed"}
            </Badge>
          </Group>
        </Group>
        <PartSummary content={record.content} policies={policies} versions={versions} />
        {!complete && (
          <Text size="sm" c="red.8" data-testid={`blueprint-missing-${p}`}>
            Lacks {record.missing.join("; ")}
          </Text>
        )}
        <Stack gap={0}>
          <Text size="sm" data-testid={`blueprint-reviewed-${p}`}>
            {record.reviewed_by && record.reviewed_at
              ? `Reviewed by ${record.reviewed_by} on ${localDate(record.reviewed_at)}`
              : "Not reviewed"}
          </Text>
          {record.updated_by && record.updated_at && (
            <Text size="xs" c="dimmed">
              Last changed by {record.updated_by}, {localDateTime(record.updated_at)}
            </Text>
          )}
        </Stack>
        {refusal && (
          <Alert
            color="red"
            title="Not reviewed"
            withCloseButton
            onClose={() => setRefusal(null)}
            data-testid={`blueprint-review-refusal-${p}`}
          >
            {refusal}
          </Alert>
        )}
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={onEdit}
            data-testid={`blueprint-edit-${p}`}
          >
            Edit
          </Button>
          <GatedButton
            gate={reviewGate(record, person?.name ?? null)}
            variant="light"
            size="xs"
            leftSection={<IconChecks size={14} />}
            loading={review.isPending}
            onClick={() => review.mutate()}
            data-testid={`blueprint-review-${p}`}
          >
            Mark reviewed
          </GatedButton>
        </Group>
      </Stack>
    </Paper>
  );
}

export function BlueprintTab({ useCaseId, focusPart }: { useCaseId: string; focusPart: BlueprintPart | null }) {
  const blueprint = useBlueprint(useCaseId);
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policyList });
  const versions = useQuery({ queryKey: keys.versions, queryFn: api.adapterVersionList });
  const [editing, setEditing] = useState<BlueprintPart | null>(null);

  if (blueprint.isPending) return <Loader size="sm" aria-label="Loading the blueprint" />;
  if (blueprint.isError)
    return (
      <Alert color="red" title="The blueprint could not be read">
        {blueprint.error.message}
      </Alert>
    );
  const parts = blueprint.data.parts;
  const record = parts.find((p) => p.part === editing) ?? null;
  return (
    <Stack gap="md" data-testid="blueprint">
      <Text size="sm" c="dimmed">
        Four parts, each with an owner. Someone other than the owner reviews a complete part; any later change to the
        part clears its review. Launch needs all four complete and reviewed.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {parts.map((p) => (
          <PartCard
            key={p.part}
            useCaseId={useCaseId}
            record={p}
            focused={p.part === focusPart}
            policies={policies.data ?? []}
            versions={versions.data ?? []}
            onEdit={() => setEditing(p.part)}
          />
        ))}
      </SimpleGrid>
      <BlueprintPartModal
        useCaseId={useCaseId}
        record={record}
        policies={policies.data ?? []}
        versions={versions.data ?? []}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
