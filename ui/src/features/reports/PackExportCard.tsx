// Exporting the regulator pack: which use cases (every one in pilot or later unless some are
// picked), where to save it, then a progress bar with Cancel while it is laid out. A cancelled
// export writes no file; a finished one shows its pages, file hash and fingerprint.
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import { LazyMultiSelect } from "../../components/LazyMultiSelect";
import { keys } from "../../lib/queryKeys";
import { ExportRunView, useExportRun } from "./ExportJobView";
import { packFileName } from "./reportsData";

export function PackExportCard() {
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList });
  const [picked, setPicked] = useState<string[]>([]);
  const run = useExportRun(
    "Export the regulator pack",
    () => packFileName(),
    (destination) => api.reportStartPack({ destination, use_cases: picked }),
  );
  const inPilot = useMemo(
    () => (useCases.data ?? []).filter((u) => u.stage === "pilot" || u.stage === "scaled"),
    [useCases.data],
  );
  const options = useMemo(
    () => (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} ${u.title}` })),
    [useCases.data],
  );
  const nothingToExport = useCases.data !== undefined && picked.length === 0 && inPilot.length === 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid="pack-card">
      <Stack gap="sm">
        <div>
          <Title order={3}>Regulator pack</Title>
          <Text size="sm" c="dimmed">
            One dossier per use case in the order of EU AI Act Annex IV, a cross-reference to NIST AI RMF and ISO/IEC
            42001, value with ROI charts, and the audit trail of the included records. The cover carries the fingerprint
            of the data; Verify below checks a pack that comes back.
          </Text>
        </div>
        <LazyMultiSelect
          label="Use cases"
          description={
            picked.length === 0
              ? `None picked: every use case in pilot or scaled (${inPilot.map((u) => u.id).join(", ") || "none yet"})`
              : `${picked.length} picked`
          }
          placeholder="Every use case in pilot or later"
          data={options}
          value={picked}
          onChange={setPicked}
          searchable
          clearable
          disabled={run.running}
          data-testid="pack-use-cases"
        />
        {!run.running && (
          <Group>
            <Button
              leftSection={<IconFileTypePdf size={16} />}
              onClick={() => run.begin.mutate()}
              loading={run.begin.isPending}
              disabled={nothingToExport}
              title={nothingToExport ? "No use case is in pilot or later: pick the use cases to include" : undefined}
              data-testid="pack-export"
            >
              Export pack…
            </Button>
          </Group>
        )}
        <ExportRunView run={run} what="regulator pack" />
      </Stack>
    </Paper>
  );
}
