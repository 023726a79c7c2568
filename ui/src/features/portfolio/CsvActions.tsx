// Import and export of the portfolio CSV. Import reads a file the user picks in the system's file
// chooser, shows a dry run (what would be imported, or every problem by row and column) and
// stores only on confirmation; export writes the ranked portfolio where the user chooses.
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileExport, IconFileImport } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { backend } from "../../backend";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { readUtf8 } from "../../lib/files";
import { formatPayback, LANE_LABEL } from "../../lib/vocabulary";

export function CsvActions() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const check = useMutation({
    mutationFn: (text: string) => backend.importCsv(text, true),
    onSuccess: (outcome) => {
      setPreview(outcome);
      setProblem(null);
    },
    onError: (error) => {
      setPreview(null);
      setProblem(error.message);
    },
  });

  const commit = useMutation({
    mutationFn: (text: string) => backend.importCsv(text, false),
    onSuccess: async (outcome) => {
      close();
      await queryClient.invalidateQueries();
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
      const path = await backend.chooseCsvDestination("Export the portfolio", "portfolio.csv");
      return path === null ? null : backend.exportCsv(path);
    },
    onSuccess: (outcome) => {
      if (outcome)
        notifications.show({
          color: "teal",
          title: "Exported",
          message: `${outcome.rows} use cases to ${outcome.path}`,
        });
    },
    onError: (error) => notifications.show({ color: "red", title: "The export failed", message: error.message }),
  });

  function close() {
    setFile(null);
    setPreview(null);
    setProblem(null);
    if (input.current) input.current.value = "";
  }

  async function picked(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    try {
      const text = await readUtf8(chosen);
      setFile({ name: chosen.name, text });
      check.mutate(text);
    } catch (error) {
      setFile({ name: chosen.name, text: "" });
      setPreview(null);
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const problems = problem?.split("\n") ?? [];
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        data-testid="import-csv-input"
        style={{ position: "absolute", width: 1, height: 1, opacity: 0, pointerEvents: "none" }}
        onChange={(e) => void picked(e.currentTarget.files)}
      />
      <Group gap="xs">
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => input.current?.click()}>
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
      <Modal opened={file !== null} onClose={close} title={`Import ${file?.name ?? ""}`} size="xl" centered>
        <Stack>
          {check.isPending && <Text c="dimmed">Checking the file…</Text>}
          {problem && (
            <Alert color="red" title={problems[0]} data-testid="import-problems">
              <ScrollArea.Autosize mah={260}>
                <List size="sm" spacing={2}>
                  {problems.slice(1).map((p) => (
                    <List.Item key={p}>{p}</List.Item>
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
              disabled={!preview || !file}
              loading={commit.isPending}
              onClick={() => file && commit.mutate(file.text)}
              data-testid="confirm-import"
            >
              Import {preview ? preview.rows.length : ""} use cases
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
