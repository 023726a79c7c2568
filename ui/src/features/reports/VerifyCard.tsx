// Verifying a document that comes back: whether the file is byte for byte one this portfolio
// exported, when and by whom, and which records have changed since; or why it is not.
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconShieldSearch } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { api, chooseFile } from "../../backend";
import type { DocumentVerification } from "../../bindings/DocumentVerification";
import { FormRefusal } from "../../components/FormRefusal";
import { HashText } from "../../components/HashText";
import { localDateTime } from "../../lib/compliance";
import { TONE } from "../../lib/statusColors";
import { PDF_FILES } from "./reportsData";

function Changes({ v }: { v: DocumentVerification }) {
  const d = v.data;
  if (!d) return null;
  const groups: [string, string[]][] = [
    ["Changed", d.changed],
    ["Added", d.added],
    ["Removed", d.removed],
  ];
  if (groups.every(([, ids]) => ids.length === 0))
    return <Text size="sm">The data it was built from has not changed since.</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        The data has changed since it was exported:
      </Text>
      <List size="sm">
        {groups
          .filter(([, ids]) => ids.length > 0)
          .map(([label, ids]) => (
            <List.Item key={label}>
              {label}: {ids.join(", ")}
            </List.Item>
          ))}
      </List>
    </Stack>
  );
}

export function Verdict({ v }: { v: DocumentVerification }) {
  const e = v.export;
  return (
    <Alert
      color={v.matches ? TONE.good : TONE.bad}
      title={
        <Group gap="xs">
          <Badge color={v.matches ? TONE.good : TONE.bad}>{v.matches ? "Matches" : "Does not match"}</Badge>
          <Text span size="sm" style={{ wordBreak: "break-all" }}>
            {v.path}
          </Text>
        </Group>
      }
      data-testid="verify-result"
      data-matches={v.matches}
    >
      <Stack gap={4}>
        {v.matches && e ? (
          <Text size="sm">
            Exactly {e.id}, exported on {localDateTime(e.exported_at)} by {e.exported_by} ({e.pages} pages).
          </Text>
        ) : (
          <Text size="sm">{v.reason}</Text>
        )}
        <Group gap="xs">
          <Text size="sm">File SHA-256</Text>
          <HashText sha256={v.sha256} />
        </Group>
        <Changes v={v} />
      </Stack>
    </Alert>
  );
}

export function VerifyCard() {
  const verify = useMutation({
    mutationFn: async (): Promise<DocumentVerification | null> => {
      const path = await chooseFile("Verify a pack", PDF_FILES);
      return path === null ? null : api.reportVerify({ path });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" data-testid="verify-card">
      <Stack gap="sm">
        <div>
          <Title order={3}>Verify a pack</Title>
          <Text size="sm" c="dimmed">
            Tells whether a PDF is exactly a document exported from this portfolio, and whether its data has changed
            since. An altered byte, a truncated copy or a foreign PDF does not match.
          </Text>
        </div>
        <Group>
          <Button
            variant="default"
            leftSection={<IconShieldSearch size={16} />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-testid="verify-choose"
          >
            Choose a PDF…
          </Button>
        </Group>
        <FormRefusal title="The file could not be checked" refusal={verify.error?.message ?? null} />
        {verify.data && <Verdict v={verify.data} />}
      </Stack>
    </Paper>
  );
}
