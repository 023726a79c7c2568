// A use case's human-oversight plan: who is accountable, how they intervene, who takes over,
// and how quickly; what is still missing in red; and every use case's plan status at a glance.
// Saving sends only the fields changed, checked against the plan as the form loaded it.
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
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { api } from "../../backend";
import type { Oversight } from "../../bindings/Oversight";
import type { OversightInput } from "../../bindings/OversightInput";
import { DataTable } from "../../components/DataTable";
import { FormRefusal } from "../../components/FormRefusal";
import { localDateTime } from "../../lib/compliance";
import { changedFields, rebaseForm, useSaveForm } from "../../lib/forms";
import { keys, useReload } from "../../lib/queryKeys";
import { CHECK_COLOR } from "../../lib/statusColors";

/** The form's fields: the plan belongs to the use case chosen above, so that is not one of them. */
type PlanValues = Omit<OversightInput, "use_case_id">;

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
        <Badge miw="max-content" color={CHECK_COLOR.passed} variant="light">
          complete
        </Badge>
      ) : (
        <Badge
          miw="max-content"
          color={CHECK_COLOR.failed}
          variant="light"
          tt="none"
          style={{ whiteSpace: "normal", height: "auto" }}
        >
          missing: {i.row.original.missing.join(", ")}
        </Badge>
      ),
  }),
];

const valuesOf = (o: Oversight | undefined): PlanValues => ({
  accountable_person: o?.accountable_person ?? "",
  intervention_procedure: o?.intervention_procedure ?? "",
  fallback_owner: o?.fallback_owner ?? "",
  max_intervention_minutes: o?.max_intervention_minutes ?? null,
});

function PlanForm({ useCaseId, saved }: { useCaseId: string; saved: Oversight | undefined }) {
  const reload = useReload();
  // The plan as the form last loaded or saved it: what the next save is checked against.
  const [loaded, setLoaded] = useState<PlanValues>(() => valuesOf(saved));
  const form = useForm<PlanValues>({ initialValues: loaded });
  const saver = useSaveForm({
    form,
    save: (values: PlanValues) =>
      api.oversightSet({
        use_case_id: useCaseId,
        changes: changedFields(loaded, values, FIELDS),
        loaded: { use_case_id: useCaseId, ...loaded },
      }),
    changes: ["riskControls"],
    onSaved: (o) => {
      // The form stays open: what was stored is the new starting point.
      const stored = valuesOf(o);
      setLoaded(stored);
      form.setValues(stored);
      form.resetDirty(stored);
      notifications.show({
        color: o.missing.length === 0 ? "teal" : "orange",
        title: `Oversight of ${o.use_case_id} saved`,
        message: o.missing.length === 0 ? "The plan is complete." : `Still missing: ${o.missing.join(", ")}`,
      });
    },
    onConflict: async () => {
      const plans = await reload(keys.oversight, api.oversightList);
      setLoaded(rebaseForm(form, loaded, valuesOf(plans.find((o) => o.use_case_id === useCaseId))));
    },
  });
  const minutes = form.getValues().max_intervention_minutes;
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label="Accountable person"
            description="Answers for the system's outcomes"
            {...form.getInputProps("accountable_person")}
            data-testid="oversight-accountable"
          />
          <TextInput
            label="Fallback owner"
            description="Takes over when the system is switched off"
            {...form.getInputProps("fallback_owner")}
            data-testid="oversight-fallback"
          />
        </SimpleGrid>
        <Textarea
          label="Intervention procedure"
          description="How a person stops, overrides or corrects the system"
          autosize
          minRows={3}
          {...form.getInputProps("intervention_procedure")}
          data-testid="oversight-procedure"
        />
        <NumberInput
          label="Longest time to intervene (minutes)"
          min={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={280}
          value={minutes ?? ""}
          onChange={(v) => form.setFieldValue("max_intervention_minutes", typeof v === "number" ? v : null)}
          error={form.errors.max_intervention_minutes}
          data-testid="oversight-minutes"
        />
        <FormRefusal refusal={saver.refusal} title="The oversight plan was not saved" onClose={saver.dismiss} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {saved?.updated_at ? `Last saved ${localDateTime(saved.updated_at)}` : "Not recorded yet"}
          </Text>
          <Button type="submit" loading={saver.pending} data-testid="oversight-save">
            Save oversight plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OversightTab({ useCaseId, onSelect }: { useCaseId: string; onSelect: (id: string) => void }) {
  const all = useQuery({ queryKey: keys.oversight, queryFn: api.oversightList });
  if (all.isPending) return <Loader size="sm" aria-label="Loading oversight plans" />;
  if (all.isError) return <Alert color="red">{all.error.message}</Alert>;
  const saved = all.data.find((o) => o.use_case_id === useCaseId);

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
          {/* Filled once from the list; a refetch after saving must not overwrite the person's edits. */}
          <PlanForm key={useCaseId} useCaseId={useCaseId} saved={saved} />
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
