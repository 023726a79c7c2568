// The Reports page: the regulator pack exported with progress and Cancel, a returned pack
// verified, and every document handed out from this portfolio.
import { Alert, Loader, Stack, Text, Title } from "@mantine/core";
import { createColumnHelper } from "@tanstack/react-table";
import type { ExportRecord } from "../../bindings/ExportRecord";
import { DataTable } from "../../components/DataTable";
import { HashText } from "../../components/HashText";
import { localDateTime } from "../../lib/compliance";
import { DOCUMENT_KIND_LABEL } from "../../lib/recordKinds";
import { DeckExportCard } from "./DeckExportCard";
import { PackExportCard } from "./PackExportCard";
import { useExports } from "./reportsData";
import { VerifyCard } from "./VerifyCard";
import { WorkbookCard } from "./WorkbookCard";

const column = createColumnHelper<ExportRecord>();
const COLUMNS = [
  column.accessor("id", { header: "Export" }),
  column.accessor("kind", { header: "Document", cell: (c) => DOCUMENT_KIND_LABEL[c.getValue()] }),
  column.accessor("exported_at", { header: "Exported", cell: (c) => localDateTime(c.getValue()) }),
  column.accessor("exported_by", { header: "By" }),
  column.accessor("pages", { header: "Pages" }),
  column.accessor((r) => r.month ?? r.use_cases.join(", "), { id: "scope", header: "Covers" }),
  column.accessor("file_sha256", { header: "File SHA-256", cell: (c) => <HashText sha256={c.getValue()} /> }),
  column.accessor("file_name", { header: "File" }),
];

function ExportsTable() {
  const exports = useExports();
  if (exports.isPending) return <Loader size="sm" />;
  if (exports.isError) return <Alert color="red">{exports.error.message}</Alert>;
  if (exports.data.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="exports-empty">
        No document has been exported from this portfolio yet.
      </Text>
    );
  return <DataTable rows={exports.data} columns={COLUMNS} rowId={(r) => r.id} testId="exports-table" />;
}

export function ReportsPage() {
  return (
    <Stack gap="md" data-testid="reports-page">
      <div>
        <Title order={2}>Reports</Title>
        <Text c="dimmed" size="sm">
          Documents that leave the laptop, each recorded on the audit trail with its SHA-256 and the fingerprint of the
          data it was built from.
        </Text>
      </div>
      <PackExportCard />
      <DeckExportCard />
      <WorkbookCard />
      <VerifyCard />
      <Title order={3}>Documents exported</Title>
      <ExportsTable />
    </Stack>
  );
}
