// Import and export of the portfolio CSV. Import checks the chosen file first (a dry run: what
// would be imported, or every problem by row and column), stores only on confirmation and is
// all-or-nothing; export writes the ranked portfolio where the person chooses.
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileExport, IconFileImport } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api, chooseDestination, chooseFile, CSV_FILES } from "../../backend";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { PathField } from "../../components/PathField";
import { formatBytes } from "../../lib/governance";
import { useInvalidate } from "../../lib/queryKeys";
import { formatPayback, LANE_LABEL } from "../../lib/vocabulary";

export function CsvActions() {
  const invalidate = useInvalidate();
  const [opened, setOpened] = useState(false);
  const [path, setPath] = useState("");
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const check = useMutation({
    mutationFn: (file: string) => api.useCaseImportCsv({ path: file, dry_run: true }),
    onMutate: () => {
      setPreview(null);
      setProblem(null);
    },
    onSuccess: setPreview,
    onError: (error) => setProblem(error.message),
  });

  const commit = useMutation({
    mutationFn: (file: string) => api.useCaseImportCsv({ path: file, dry_run: false }),
    onSuccess: async (outcome) => {
      close();
      await invalidate("useCases");
      notifications.show({
        color: "teal",
        title: "Import complete",
        message: `${outcome.rows.length} use cases imported`,
      });
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
  }

  const choose = async () => {
    const picked = await chooseFile("Import use cases from CSV", CSV_FILES);
    if (picked !== null) check.mutate(picked);
    return picked;
  };

  const problems = problem?.split("\n") ?? [];
  const checkedPath = check.variables;
  const ready = preview !== null && checkedPath === path.trim();
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
                {preview.rows.length} use cases are ready to import. Nothing is stored until you confirm.
              </Text>
              <ScrollArea.Autosize mah={320}>
                <Table striped verticalSpacing={4} data-testid="import-preview">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Title</Table.Th>
                      <Table.Th>Lane</Table.Th>
                      <Table.Th>Payback</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.rows.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.title}</Table.Td>
                        <Table.Td>{LANE_LABEL[r.lane]}</Table.Td>
                        <Table.Td>{formatPayback(r.payback_months)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={!ready}
              loading={commit.isPending}
              onClick={() => commit.mutate(path.trim())}
              data-testid="confirm-import"
            >
              Import {ready ? preview.rows.length : ""} use cases
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
