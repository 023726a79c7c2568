// Imports a pilot's monitoring file (date, metric, value) or feedback file (date, channel, rating,
// count, comment): the file typed or chosen in the native dialog, read by the backend whole or not
// at all. Afterwards it says what was added, what was already recorded and which drift alerts
// opened (or why no value was checked); a refused file lists every row problem the backend names.
import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { api, chooseFile, CSV_FILES } from "../../../backend";
import type { FeedbackImported } from "../../../bindings/FeedbackImported";
import type { MonitoringImported } from "../../../bindings/MonitoringImported";
import { PathFieldWithDialogAlert } from "../../../components/PathField";
import { RowProblems } from "../../../components/RowProblems";
import { localDate } from "../../../lib/compliance";
import { useSaveForm } from "../../../lib/forms";
import { threshold, value } from "./monitoringData";

export type ImportKind = "monitoring" | "feedback";

const TITLE: Record<ImportKind, string> = {
  monitoring: "Import monitoring CSV",
  feedback: "Import feedback CSV",
};

const FORMAT: Record<ImportKind, string> = {
  monitoring:
    "A CSV with date, metric and value columns: one value per metric and day (dates as 2026-11-30). Values of the " +
    "blueprint's drift metric past its threshold open an alert.",
  feedback:
    "A CSV with date, channel, rating and count columns, and optionally comment: the mean rating (1 to 5) of the " +
    "answers received that day through that channel.",
};

type Outcome = { kind: "monitoring"; result: MonitoringImported } | { kind: "feedback"; result: FeedbackImported };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "12 values added, 3 already recorded". */
export function importedText(outcome: Outcome): string {
  const { added, unchanged } = outcome.result;
  const what = outcome.kind === "monitoring" ? "value" : "feedback row";
  const parts = [`${plural(added, what)} added`];
  if (unchanged > 0) parts.push(`${unchanged} already recorded`);
  return parts.join(", ");
}

function Result({ outcome }: { outcome: Outcome }) {
  const alerts = outcome.kind === "monitoring" ? outcome.result.alerts : [];
  const unchecked = outcome.kind === "monitoring" ? outcome.result.unchecked : null;
  return (
    <Stack gap="sm" data-testid="monitoring-import-result">
      <Alert color="teal" title="Imported">
        {importedText(outcome)}.
      </Alert>
      {outcome.kind === "monitoring" &&
        (alerts.length > 0 ? (
          <Alert color="red" title={`${plural(alerts.length, "drift alert")} opened`} data-testid="import-alerts">
            <List size="sm" spacing={2}>
              {alerts.map((a) => (
                <List.Item key={a.id}>
                  {a.id}: {a.metric} {value(a.value)} on {localDate(a.observed_on)} (alert{" "}
                  {threshold(a.direction, a.threshold)})
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          !unchecked && (
            <Text size="sm" c="dimmed">
              No new value crossed the drift threshold.
            </Text>
          )
        ))}
      {unchecked && (
        <Alert color="orange" title="No value was checked for drift" data-testid="import-unchecked">
          {unchecked}
        </Alert>
      )}
    </Stack>
  );
}

function ImportForm({ useCaseId, kind, onClose }: { useCaseId: string; kind: ImportKind; onClose: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<{ path: string }>({ initialValues: { path: "" } });
  const saver = useSaveForm({
    form,
    save: async (v: { path: string }): Promise<Outcome> => {
      const req = { use_case_id: useCaseId, path: v.path };
      return kind === "monitoring"
        ? { kind, result: await api.monitoringImport(req) }
        : { kind, result: await api.monitoringImportFeedback(req) };
    },
    changes: ["pilots"],
    onSaved: (done) => {
      setOutcome(done);
      notifications.show({ color: "teal", title: `${TITLE[kind]}: done`, message: importedText(done) });
    },
  });
  if (outcome) {
    return (
      <Stack gap="sm">
        <Result outcome={outcome} />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              setOutcome(null);
              form.reset();
            }}
          >
            Import another file
          </Button>
          <Button onClick={onClose} data-testid="monitoring-import-done">
            Done
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {FORMAT[kind]} The whole file is imported or none of it; rows already recorded with the same figures are
          skipped, and a row that contradicts a recorded one is refused.
        </Text>
        <PathFieldWithDialogAlert
          label="CSV file"
          required
          {...form.getInputProps("path")}
          value={form.getValues().path}
          browse={() => chooseFile(TITLE[kind], CSV_FILES)}
          data-testid="monitoring-import-path"
          data-autofocus
        />
        {saver.refusal && (
          <RowProblems message={saver.refusal} onClose={saver.dismiss} testId="monitoring-import-problems" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="monitoring-import-submit">
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ImportCsvModal({
  useCaseId,
  kind,
  onClose,
}: {
  useCaseId: string;
  /** Which file; null while closed. */
  kind: ImportKind | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? `${TITLE[kind]} for ${useCaseId}` : ""}
      size="lg"
      centered
    >
      {kind && <ImportForm key={kind} useCaseId={useCaseId} kind={kind} onClose={onClose} />}
    </Modal>
  );
}
