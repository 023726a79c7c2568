// "Who is working": the header button and the picker of the portfolio's active people. It asks
// once per opened portfolio when people exist and nobody is chosen; the choice is stamped on
// every change, and the backend judges each permission by it. It is not a login.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserCircle, IconUsers } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../../backend";
import type { Person } from "../../bindings/Person";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { ROLE_LABEL } from "../../lib/recordKinds";
import { rolesText } from "../../lib/roles";
import { ROLE_COLOR } from "../../lib/statusColors";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { PeopleModal } from "./PeopleModal";

export const NOT_A_LOGIN = "This records who does what on a shared laptop; it is not a login.";

export function RoleBadges({ person }: { person: Person }) {
  return (
    <Group gap={4}>
      {person.roles.map((r) => (
        <Badge miw="max-content" key={r} color={ROLE_COLOR[r]} variant="light" size="sm" tt="none">
          {ROLE_LABEL[r]}
        </Badge>
      ))}
    </Group>
  );
}

function PersonCard({
  person,
  chosen,
  switching,
  onChoose,
}: {
  person: Person;
  chosen: boolean;
  /** Someone else is working: choosing this person switches to them. */
  switching: boolean;
  onChoose: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onChoose}
      data-testid={`profile-${person.id}`}
      aria-pressed={chosen}
      aria-label={chosen ? `${person.name} (working now)` : switching ? `Switch to ${person.name}` : undefined}
    >
      <Paper withBorder p="sm" radius="md" bg={chosen ? "var(--mantine-color-blue-light)" : undefined}>
        <Group gap="sm" wrap="nowrap">
          <IconUserCircle size={28} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {person.name}
            </Text>
            <RoleBadges person={person} />
            {chosen && (
              <Text size="xs" c="dimmed">
                Working now
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/** `portfolioKey` identifies the open portfolio, so the picker asks once for each one opened. */
export function ProfilePicker({ portfolioKey }: { portfolioKey: string }) {
  const invalidate = useInvalidate();
  const { person, hasPeople } = useWorkingAs();
  const [opened, picker] = useDisclosure(false);
  const [managing, people] = useDisclosure(false);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = useRef<string | null>(null);
  const list = useQuery({ queryKey: keys.people, queryFn: api.personList, enabled: opened });

  const openPicker = picker.open;
  useEffect(() => {
    // Not over the people list: adding the first person makes people exist mid-edit.
    if (hasPeople && person === null && !managing && asked.current !== portfolioKey) {
      asked.current = portfolioKey;
      openPicker();
    }
  }, [hasPeople, person, managing, portfolioKey, openPicker]);

  const choose = useMutation({
    mutationFn: (name: string | null) => api.sessionSetWorkingAs({ name }),
    onSuccess: async (status) => {
      setProblem(null);
      // The session carries the permissions every gated button reads.
      await invalidate("people");
      picker.close();
      const who = status.working_as;
      notifications.show({
        color: "blue",
        title: who ? `${person ? "Switched to" : "Working as"} ${who.name}` : "Nobody chosen",
        message: who ? rolesText(who.roles) : "Actions that need a role stay disabled until someone is chosen.",
      });
    },
    onError: (error) => setProblem(error.message),
  });

  const close = () => {
    setProblem(null);
    picker.close();
  };
  const active = (list.data ?? []).filter((p) => p.active);
  return (
    <>
      <Button
        variant={person ? "light" : "default"}
        leftSection={<IconUserCircle size={16} />}
        rightSection={
          person ? (
            <Text span size="xs" fw={600} c="blue.7" data-testid="working-as-switch">
              Switch
            </Text>
          ) : undefined
        }
        onClick={picker.open}
        data-testid="working-as"
        maw={400}
      >
        <Text size="sm" truncate>
          {person ? `Working as ${person.name} · ${rolesText(person.roles)}` : "Choose who is working"}
        </Text>
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={person ? "Switch who is working" : "Who is working?"}
        size="lg"
        centered
      >
        <Stack gap="sm" data-testid="profile-picker">
          <Text size="sm" c="dimmed">
            {NOT_A_LOGIN} Sign-offs, steering decisions and every change in the audit trail carry the name chosen here.
          </Text>
          {problem && (
            <Alert color="red" title="Not changed">
              {problem}
            </Alert>
          )}
          {list.isPending && <Loader size="sm" aria-label="Loading people" />}
          {list.isError && <Alert color="red">{list.error.message}</Alert>}
          {list.data && active.length === 0 && (
            <Text size="sm">
              Nobody is on this portfolio yet. Add people — an administrator first, who then manages the others — under
              Manage people.
            </Text>
          )}
          <SimpleGrid cols={2} spacing="sm">
            {active.map((p) => (
              <PersonCard
                key={p.id}
                person={p}
                chosen={person?.id === p.id}
                switching={person !== null}
                onChoose={() => choose.mutate(p.name)}
              />
            ))}
          </SimpleGrid>
          <Group justify="space-between" mt="xs">
            <Button
              variant="subtle"
              leftSection={<IconUsers size={16} />}
              onClick={() => {
                // One modal at a time; closing the people list comes back here if nobody is chosen.
                close();
                people.open();
              }}
              data-testid="picker-manage-people"
            >
              Manage people…
            </Button>
            <Group gap="xs">
              {person && (
                <Button
                  variant="default"
                  onClick={() => choose.mutate(null)}
                  loading={choose.isPending && choose.variables === null}
                >
                  Stop working as {person.name}
                </Button>
              )}
              <Button variant="default" onClick={close} data-testid="profile-later">
                Choose later
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
      <PeopleModal
        opened={managing}
        onClose={() => {
          people.close();
          if (person === null) picker.open();
        }}
      />
    </>
  );
}
