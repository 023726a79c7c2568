// A use case's human-oversight plan: who is accountable, how they intervene, who takes over,
// and how quickly; what is still missing in red; and every use case's plan status at a glance.
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useEffect, useState } from "react";
import { backend } from "../../backend";
import type { Oversight } from "../../bindings/Oversight";
import type { OversightInput } from "../../bindings/OversightInput";
import { DataTable } from "../../components/DataTable";
import { localDateTime } from "../../lib/compliance";
import { refusalErrors } from "../../lib/errors";

const FIELDS = ["accountable_person", "intervention_procedure", "fallback_owner", "max_intervention_minutes"] as const;

const column = createColumnHelper<Oversight>();
const statusColumns = [
  column.accessor("use_case_id", { header: "Use case", meta: { nowrap: true } }),
  column.accessor("accountable_person", { header: "Accountable", cell: (i) => i.getValue() || "—" }),
  column.accessor((o) => o.missing.length, {
    id: "status",
    header: "Plan",
    cell: (i) =>
      i.row.original.missing.length === 0 ? (
        <Badge miw="max-content" color="teal" variant="light">
          complete
        </Badge>
      ) : (
        <Badge miw="max-content" color="red" variant="light" tt="none" style={{ whiteSpace: "normal", height: "auto" }}>
          missing: {i.row.original.missing.join(", ")}
        </Badge>
      ),
  }),
];

const toInput = (useCaseId: string, o: Oversight | undefined): OversightInput => ({
  use_case_id: useCaseId,
  accountable_person: o?.accountable_person ?? "",
  intervention_procedure: o?.intervention_procedure ?? "",
  fallback_owner: o?.fallback_owner ?? "",
  max_intervention_minutes: o?.max_intervention_minutes ?? null,
});

export function OversightTab({ useCaseId, onSelect }: { useCaseId: string; onSelect: (id: string) => void }) {
  const queryClient = useQueryClient();
  const all = useQuery({ queryKey: ["oversight"], queryFn: backend.oversight });
  const saved = all.data?.find((o) => o.use_case_id === useCaseId);
  const [input, setInput] = useState<OversightInput>(() => toInput(useCaseId, saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loaded, setLoaded] = useState(saved !== undefined);

  // The list arrives after the first render; fill the form once, never over the person's edits.
  useEffect(() => {
    if (!loaded && all.data) {
      setInput(toInput(useCaseId, saved));
      setLoaded(true);
    }
  }, [loaded, all.data, saved, useCaseId]);

  const save = useMutation({
    mutationFn: () => backend.setOversight(input),
    onSuccess: async (o) => {
      setErrors({});
      await queryClient.invalidateQueries();
      notifications.show({
        color: o.missing.length === 0 ? "teal" : "orange",
        title: `Oversight of ${o.use_case_id} saved`,
        message: o.missing.length === 0 ? "The plan is complete." : `Still missing: ${o.missing.join(", ")}`,
      });
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  if (all.isPending) return <Loader size="sm" aria-label="Loading oversight plans" />;
  if (all.isError) return <Alert color="red">{all.error.message}</Alert>;
  const set = <K extends keyof OversightInput>(key: K, value: OversightInput[K]) =>
    setInput((i) => ({ ...i, [key]: value }));

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={4}>Human oversight of {useCaseId}</Title>
          {saved && saved.missing.length > 0 && (
            <Alert color="red" title="The oversight plan is incomplete" data-testid="oversight-missing">
              <List size="sm">
                {saved.missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {errors.form && (
            <Alert color="red" title="Not saved">
              {errors.form}
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <TextInput
              label="Accountable person"
              description="Answers for the system's outcomes"
              value={input.accountable_person}
              onChange={(e) => set("accountable_person", e.currentTarget.value)}
              error={errors.accountable_person}
              data-testid="oversight-accountable"
            />
            <TextInput
              label="Fallback owner"
              description="Takes over when the system is switched off"
              value={input.fallback_owner}
              onChange={(e) => set("fallback_owner", e.currentTarget.value)}
              error={errors.fallback_owner}
              data-testid="oversight-fallback"
            />
          </SimpleGrid>
          <Textarea
            label="Intervention procedure"
            description="How a person stops, overrides or corrects the system"
            autosize
            minRows={3}
            value={input.intervention_procedure}
            onChange={(e) => set("intervention_procedure", e.currentTarget.value)}
            error={errors.intervention_procedure}
            data-testid="oversight-procedure"
          />
          <NumberInput
            label="Longest time to intervene (minutes)"
            min={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            w={280}
            value={input.max_intervention_minutes ?? ""}
            onChange={(v) => set("max_intervention_minutes", typeof v === "number" ? v : null)}
            error={errors.max_intervention_minutes}
            data-testid="oversight-minutes"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {saved?.updated_at ? `Last saved ${localDateTime(saved.updated_at)}` : "Not recorded yet"}
            </Text>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="oversight-save">
              Save oversight plan
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={5} mb="xs">
          Every use case
        </Title>
        <DataTable
          rows={all.data}
          columns={statusColumns}
          rowId={(o) => o.use_case_id}
          selectedId={useCaseId}
          onRowClick={(o) => onSelect(o.use_case_id)}
          rowTestId={(o) => `oversight-row-${o.use_case_id}`}
          testId="oversight-table"
        />
      </Paper>
    </Stack>
  );
}
