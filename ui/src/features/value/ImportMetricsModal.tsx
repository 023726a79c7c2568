// Imports a metrics file (use_case_id, month, benefit, cost, kpi, kpi_value, highlight): first a
// dry run, which the backend checks whole and stores nothing of, saying which months it would add,
// replace or find unchanged and which use cases it is about; then the import itself, all of it or
// nothing. Replacing months already recorded is a choice made up front; changing the file or that
// choice asks for a new dry run. A refused file lists every row problem the backend names.
import { Alert, Button, Checkbox, Group, List, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconFileCheck, IconFileImport } from "@tabler/icons-react";
import { useState } from "react";
import { api, chooseFile, CSV_FILES } from "../../backend";
import type { Gate } from "../../bindings/Gate";
import type { MetricsImported } from "../../bindings/MetricsImported";
import { GatedButton } from "../../components/GatedButton";
import { PathFieldWithDialogAlert } from "../../components/PathField";
import { RowProblems } from "../../components/RowProblems";
import { useSaveForm } from "../../lib/forms";

interface Values {
  path: string;
  replace: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "12 months added, 2 replaced, 3 unchanged" (what a dry run would do, or what an import did). */
export function metricsText(r: MetricsImported): string {
  const parts = [`${plural(r.added, "month")} ${r.dry_run ? "to add" : "added"}`];
  if (r.replaced > 0) parts.push(`${r.replaced} ${r.dry_run ? "to replace" : "replaced"}`);
  if (r.unchanged > 0) parts.push(`${r.unchanged} unchanged`);
  return parts.join(", ");
}

function Figures({ result, testId }: { result: MetricsImported; testId: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <SimpleGrid cols={4}>
        {(
          [
            [result.dry_run ? "To add" : "Added", result.added, "added"],
            [result.dry_run ? "To replace" : "Replaced", result.replaced, "replaced"],
            ["Unchanged", result.unchanged, "unchanged"],
            ["KPI values", result.kpi_values, "kpis"],
          ] as const
        ).map(([label, n, id]) => (
          <div key={id}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg" data-testid={`${testId}-${id}`}>
              {n}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {result.use_cases.length === 0
          ? "About no use case."
          : `About ${plural(result.use_cases.length, "use case")}: ${result.use_cases.join(", ")}`}
      </Text>
    </Stack>
  );
}

function ImportForm({ onClose, onImported }: { onClose: () => void; onImported: (useCases: string[]) => void }) {
  const form = useForm<Values>({
    initialValues: { path: "", replace: false },
    validate: { path: (p) => (p.trim() === "" ? "Choose the metrics file" : null) },
  });
  // The dry run and the values it answered: an import follows only a dry run of the same choice.
  const [preview, setPreview] = useState<{ for: Values; result: MetricsImported } | null>(null);
  const [done, setDone] = useState<MetricsImported | null>(null);
  const dryRun = useSaveForm({
    form,
    save: (v: Values) => api.valueImport({ path: v.path, replace: v.replace, dry_run: true }),
    // A dry run stores nothing.
    changes: [],
    onSaved: (result) => setPreview({ for: form.getValues(), result }),
  });
  const importer = useSaveForm({
    form,
    save: (v: Values) => api.valueImport({ path: v.path, replace: v.replace, dry_run: false }),
    changes: ["value"],
    onSaved: (result) => {
      setDone(result);
      onImported(result.use_cases);
      notifications.show({ color: "teal", title: "Metrics imported", message: metricsText(result) });
    },
  });
  const v = form.getValues();
  const checked = preview !== null && preview.for.path === v.path && preview.for.replace === v.replace;
  const importGate: Gate = checked
    ? { allowed: true, reason: null }
    : { allowed: false, reason: "Run the dry run first: it checks the whole file and shows what would change" };
  const refusal = dryRun.refusal ?? importer.refusal;

  if (done) {
    return (
      <Stack gap="sm">
        <Alert color="teal" title="Imported">
          {metricsText(done)}.
        </Alert>
        <Figures result={done} testId="value-import-result" />
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="value-import-done">
            Done
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form noValidate onSubmit={form.onSubmit(importer.submit)}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A CSV with the columns use_case_id, month (YYYY-MM), benefit, cost, kpi, kpi_value and highlight: one row per
          KPI and month, kpi left empty for a month with money only. The dry run checks the whole file and stores
          nothing; the import then stores all of it or none.
        </Text>
        <PathFieldWithDialogAlert
          label="Metrics file"
          required
          {...form.getInputProps("path")}
          value={v.path}
          browse={() => chooseFile("Import metrics CSV", CSV_FILES)}
          data-testid="value-import-path"
          data-autofocus
        />
        <Checkbox
          label="Replace months already recorded"
          description="Without it, a month the portfolio already holds with other figures is refused; each replacement is on the audit trail"
          {...form.getInputProps("replace", { type: "checkbox" })}
          data-testid="value-import-replace"
        />
        {refusal && (
          <RowProblems
            message={refusal}
            onClose={() => {
              dryRun.dismiss();
              importer.dismiss();
            }}
            testId="value-import-problems"
          />
        )}
        {checked && preview && (
          <Alert color="blue" title="Dry run: nothing stored yet" data-testid="value-import-preview-box">
            <Stack gap="xs">
              <Figures result={preview.result} testId="value-import-preview" />
              {preview.result.replaced > 0 && (
                <List size="sm">
                  <List.Item>
                    {plural(preview.result.replaced, "month")} already recorded will be replaced by the file's figures.
                  </List.Item>
                </List>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant={checked ? "default" : "filled"}
            leftSection={<IconFileCheck size={16} />}
            loading={dryRun.pending}
            onClick={() => {
              const check = form.validate();
              if (!check.hasErrors) dryRun.submit(form.getValues());
            }}
            data-testid="value-import-dry-run"
          >
            {checked ? "Check again" : "Dry run"}
          </Button>
          <GatedButton
            gate={importGate}
            type="submit"
            variant={checked ? "filled" : "default"}
            leftSection={<IconFileImport size={16} />}
            loading={importer.pending}
            data-testid="value-import-submit"
          >
            Import
          </GatedButton>
        </Group>
      </Stack>
    </form>
  );
}

export function ImportMetricsModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  /** The use cases the imported file was about. */
  onImported: (useCases: string[]) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import metrics CSV" size="lg" centered>
      {opened && <ImportForm onClose={onClose} onImported={onImported} />}
    </Modal>
  );
}
