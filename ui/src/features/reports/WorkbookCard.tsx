// The programme workbook for people who live in Excel: the ranked portfolio, value by month, the
// risk register and the decisions log, with real number and date cells, frozen headers and
// filters. It is written in a moment, so it needs no progress bar.
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { api, chooseDestination } from "../../backend";
import type { ExportOutcome } from "../../bindings/ExportOutcome";
import { FormRefusal } from "../../components/FormRefusal";
import { HashText } from "../../components/HashText";
import { localIsoDate } from "../../lib/files";
import { useInvalidate } from "../../lib/queryKeys";

const XLSX_FILES = [{ name: "Excel workbook (XLSX)", extensions: ["xlsx"] }];

export function WorkbookCard() {
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: async (): Promise<ExportOutcome | null> => {
      const destination = await chooseDestination(
        "Export the programme workbook",
        `programme-${localIsoDate()}.xlsx`,
        XLSX_FILES,
      );
      return destination === null ? null : api.reportExportWorkbook({ destination });
    },
    onSuccess: async (written) => {
      if (written) await invalidate("audit");
    },
  });
  return (
    <Paper withBorder p="md" radius="md" data-testid="workbook-card">
      <Stack gap="sm">
        <div>
          <Title order={3}>Programme workbook</Title>
          <Text size="sm" c="dimmed">
            Four sheets for Excel: the ranked portfolio, value by month, the risk register and the decisions log —
            numbers and dates as real cells, frozen headers and filters on every sheet.
          </Text>
        </div>
        <Group>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => save.mutate()}
            loading={save.isPending}
            data-testid="workbook-export"
          >
            Export workbook…
          </Button>
        </Group>
        <FormRefusal title="The workbook was not exported" refusal={save.error?.message ?? null} />
        {save.data && (
          <Alert color="teal" title="The workbook was exported" data-testid="workbook-done">
            <Text size="sm" style={{ wordBreak: "break-all" }}>
              {save.data.path}
            </Text>
            <Group gap="xs">
              <Text size="sm">{save.data.items} rows · SHA-256</Text>
              <HashText sha256={save.data.sha256} />
            </Group>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
