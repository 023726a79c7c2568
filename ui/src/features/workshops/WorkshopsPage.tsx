// Discovery workshops: the list, setting one up, and the selected workshop.
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";
import { NewWorkshopModal } from "./NewWorkshopModal";
import { WorkshopView } from "./WorkshopView";

export function WorkshopsPage() {
  const workshops = useQuery({ queryKey: keys.workshops, queryFn: api.workshopList });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, modal] = useDisclosure(false);
  if (workshops.isPending) return <Loader aria-label="Loading workshops" />;
  if (workshops.isError) return <Alert color="red">{workshops.error.message}</Alert>;
  const current = selected ?? workshops.data[0]?.id ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Workshops</Title>
          <Text c="dimmed" size="sm">
            Each participant rates each criterion; every recorded rating moves the dossier's rating to the workshop
            median at once. A spread of 2 or more is flagged for discussion.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
          New workshop
        </Button>
      </Group>
      {workshops.data.length === 0 ? (
        <Text c="dimmed">No workshop yet.</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" data-testid="workshop-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ID</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Facilitator</Table.Th>
              <Table.Th ta="right">Participants</Table.Th>
              <Table.Th ta="right">Use cases</Table.Th>
              <Table.Th ta="right">Ratings</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workshops.data.map((w) => (
              <Table.Tr
                key={w.id}
                onClick={() => setSelected(w.id)}
                style={{ cursor: "pointer" }}
                bg={w.id === current ? "var(--mantine-color-blue-light)" : undefined}
              >
                <Table.Td>{w.id}</Table.Td>
                <Table.Td>{w.held_on}</Table.Td>
                <Table.Td>{w.title}</Table.Td>
                <Table.Td>{w.facilitator}</Table.Td>
                <Table.Td ta="right">{w.participants.length}</Table.Td>
                <Table.Td ta="right">{w.use_case_ids.length}</Table.Td>
                <Table.Td ta="right">
                  <Badge variant="light">{w.rating_count}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {current && <WorkshopView key={current} id={current} />}
      <NewWorkshopModal opened={creating} onClose={modal.close} onCreated={(w) => setSelected(w.id)} />
    </Stack>
  );
}
