// Import and export of the portfolio CSV. Import checks the chosen file first (a dry run: what
// would be imported, or every problem by row and column as the backend names them), stores only
// on confirmation and is all-or-nothing. Rows whose title the portfolio already has are listed
// with the existing use case's id, and the person chooses what happens to them — skip, update the
// existing case, or add another — before importing: nothing is duplicated silently. Export
// writes the ranked portfolio where the person chooses.
import { Alert, Badge, Button, Group, List, Modal, Radio, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileExport, IconFileImport } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api, chooseDestination, chooseFile, CSV_FILES } from "../../backend";
import type { DuplicateAction } from "../../bindings/DuplicateAction";
import type { ImportedRow } from "../../bindings/ImportedRow";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { PathField } from "../../components/PathField";
import { formatBytes } from "../../lib/governance";
import { useInvalidate } from "../../lib/queryKeys";
import { DUPLICATE_ACTION_LABEL, ROW_OUTCOME_LABEL } from "../../lib/recordKinds";
import { formatPayback, LANE_LABEL } from "../../lib/vocabulary";

const DUPLICATE_ACTIONS: readonly DuplicateAction[] = ["skip", "update", "add"];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 use cases added, 1 updated, 1 skipped": what an import did. */
export function importSummary(rows: readonly ImportedRow[]): string {
  const count = (outcome: ImportedRow["outcome"]) => rows.filter((r) => r.outcome === outcome).length;
  const added = count("added");
  const parts = [`${plural(added, "use case")} added`];
  if (count("updated") > 0) parts.push(`${count("updated")} updated`);
  if (count("skipped") > 0) parts.push(`${count("skipped")} skipped`);
  return parts.join(", ");
}

function Outcome({ row }: { row: ImportedRow }) {
  if (row.outcome === "duplicate")
    return (
      <Badge miw="max-content" color="orange" variant="light" tt="none" data-testid={`import-duplicate-${row.row}`}>
        {ROW_OUTCOME_LABEL.duplicate}
        {row.existing_id ? ` as ${row.existing_id}` : ""}
      </Badge>
    );
  return (
    <Text size="sm" c="dimmed">
      {row.outcome === "added" ? "New" : ROW_OUTCOME_LABEL[row.outcome]}
    </Text>
  );
}

export function CsvActions() {
  const invalidate = useInvalidate();
  const [opened, setOpened] = useState(false);
  const [path, setPath] = useState("");
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction | null>(null);

  const check = useMutation({
    mutationFn: (file: string) => api.useCaseImportCsv({ path: file, dry_run: true }),
    onMutate: () => {
      setPreview(null);
      setProblem(null);
      setOnDuplicate(null);
    },
    onSuccess: setPreview,
    onError: (error) => setProblem(error.message),
  });

  const commit = useMutation({
    mutationFn: ({ file, duplicates }: { file: string; duplicates: DuplicateAction | null }) =>
      api.useCaseImportCsv(
        duplicates === null ? { path: file, dry_run: false } : { path: file, dry_run: false, on_duplicate: duplicates },
      ),
    onSuccess: async (outcome) => {
      close();
      await invalidate("useCases");
      notifications.show({ color: "teal", title: "Import complete", message: importSummary(outcome.rows) });
    },
    onError: (error) => setProblem(error.message),
  });

  const exportCsv = useMutation({
    mutationFn: async () => {
      const destination = await chooseDestination("Export the portfolio", "portfolio.csv", CSV_FILES);
      return destination === null ? null : api.useCaseExportCsv({ destination });
    },
    onSuccess: (outcome) => {
      if (outcome)
        notifications.show({
          color: "teal",
          title: "Exported",
          message: `${outcome.items} use cases to ${outcome.path} (${formatBytes(outcome.bytes)})`,
        });
    },
    onError: (error) => notifications.show({ color: "red", title: "The export failed", message: error.message }),
  });

  function close() {
    setOpened(false);
    setPath("");
    setPreview(null);
    setProblem(null);
    setOnDuplicate(null);
  }

  const choose = async () => {
    const picked = await chooseFile("Import use cases from CSV", CSV_FILES);
    if (picked !== null) check.mutate(picked);
    return picked;
  };

  const problems = problem?.split("\n") ?? [];
  const checkedPath = check.variables;
  const duplicates = preview?.rows.filter((r) => r.outcome === "duplicate").length ?? 0;
  const fresh = (preview?.rows.length ?? 0) - duplicates;
  const ready = preview !== null && checkedPath === path.trim() && (duplicates === 0 || onDuplicate !== null);
  // What the Import button will do, in numbers.
  const importing = preview === null ? 0 : onDuplicate === "skip" ? fresh : preview.rows.length;
  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconFileImport size={16} />}
          onClick={() => setOpened(true)}
          data-testid="import-csv-open"
        >
          Import CSV…
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} />}
          onClick={() => exportCsv.mutate()}
          loading={exportCsv.isPending}
        >
          Export CSV…
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title="Import use cases from CSV" size="xl" centered>
        <Stack>
          <Text size="sm" c="dimmed">
            The file is checked first; nothing is stored until you confirm, and then either every row is imported or
            none is.
          </Text>
          <PathField
            label="CSV file"
            placeholder="/path/to/use-cases.csv"
            value={path}
            onChange={setPath}
            browse={choose}
            data-testid="import-csv-path"
          />
          <Group justify="flex-end">
            <Button
              variant="light"
              onClick={() => check.mutate(path.trim())}
              loading={check.isPending}
              disabled={path.trim() === ""}
              data-testid="import-csv-check"
            >
              Check the file
            </Button>
          </Group>
          {problem && (
            <Alert color="red" title={problems[0]} data-testid="import-problems">
              <ScrollArea.Autosize mah={260}>
                <List size="sm" spacing={2}>
                  {problems.slice(1).map((p, i) => (
                    <List.Item key={i}>{p}</List.Item>
                  ))}
                </List>
              </ScrollArea.Autosize>
            </Alert>
          )}
          {preview && (
            <>
              <Text size="sm">
                {duplicates === 0
                  ? `${plural(preview.rows.length, "use case")} ready to import.`
                  : `${plural(fresh, "new use case")}, and ${plural(duplicates, "row")} whose title the portfolio already has.`}{" "}
                Nothing is stored until you confirm.
              </Text>
              <ScrollArea.Autosize mah={320}>
                <Table striped verticalSpacing={4} data-testid="import-preview">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Title</Table.Th>
                      <Table.Th>Lane</Table.Th>
                      <Table.Th>Payback</Table.Th>
                      <Table.Th>On import</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.rows.map((r) => (
                      <Table.Tr key={r.row} bg={r.outcome === "duplicate" ? "orange.0" : undefined}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.title}</Table.Td>
                        <Table.Td>{LANE_LABEL[r.lane]}</Table.Td>
                        <Table.Td>{formatPayback(r.payback_months)}</Table.Td>
                        <Table.Td>
                          <Outcome row={r} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {duplicates > 0 && (
                <Radio.Group
                  label={`${plural(duplicates, "row")} already in the portfolio: what should the import do with ${duplicates === 1 ? "it" : "them"}?`}
                  description="Matched by title. Choose before importing."
                  value={onDuplicate}
                  onChange={(v) => setOnDuplicate(v as DuplicateAction)}
                  data-testid="import-duplicates"
                >
                  <Group mt="xs" gap="lg">
                    {DUPLICATE_ACTIONS.map((action) => (
                      <Radio
                        key={action}
                        value={action}
                        label={DUPLICATE_ACTION_LABEL[action]}
                        data-testid={`import-duplicates-${action}`}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={!ready}
              loading={commit.isPending}
              onClick={() => commit.mutate({ file: path.trim(), duplicates: duplicates > 0 ? onDuplicate : null })}
              data-testid="confirm-import"
            >
              {ready ? `Import ${plural(importing, "use case")}` : "Import use cases"}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
