// Shown when no portfolio is open (the file given at start-up was refused): why, and the ways
// forward. The refused file is never touched.
import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconFilePlus, IconFolderOpen } from "@tabler/icons-react";
import type { ApiError } from "../../bindings/ApiError";
import { NewPortfolioModal } from "./NewPortfolioModal";
import { usePortfolioActions } from "./usePortfolioActions";

export function NoPortfolioScreen({ problem }: { problem: ApiError | null }) {
  const { open } = usePortfolioActions();
  const [newOpened, newModal] = useDisclosure(false);
  return (
    <Center h="100vh" p="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={620} w="100%">
        <Stack>
          <Title order={2}>No portfolio is open</Title>
          {problem && (
            <Alert
              color="red"
              icon={<IconAlertTriangle />}
              title="Steerco could not open the portfolio"
              data-testid="open-problem"
            >
              {problem.message}
            </Alert>
          )}
          <Text c="dimmed">Open another portfolio file, or start a new one.</Text>
          <Group>
            <Button
              leftSection={<IconFolderOpen size={16} />}
              onClick={() => open.mutate(undefined)}
              loading={open.isPending}
            >
              Open…
            </Button>
            <Button variant="default" leftSection={<IconFilePlus size={16} />} onClick={newModal.open}>
              New portfolio…
            </Button>
          </Group>
        </Stack>
      </Paper>
      <NewPortfolioModal opened={newOpened} onClose={newModal.close} />
    </Center>
  );
}
