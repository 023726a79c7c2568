// The portfolio's people and their roles: the list, adding someone and changing a person's
// name, roles or active flag. An administrator's job once the portfolio has an administrator;
// until then anyone may add people, so that a new portfolio can get going.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconEdit, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { backend } from "../../backend";
import type { Person } from "../../bindings/Person";
import type { PersonInput } from "../../bindings/PersonInput";
import type { Role } from "../../bindings/Role";
import { DataTable } from "../../components/DataTable";
import { GatedButton } from "../../components/GatedButton";
import { refusalErrors } from "../../lib/errors";
import { type Gate, ROLE_LABEL, ROLES } from "../../lib/roles";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { RoleBadges } from "./ProfilePicker";

const FIELDS = ["name", "roles", "active"] as const;
type Target = { kind: "new" } | { kind: "existing"; person: Person };

const column = createColumnHelper<Person>();

function peopleColumns(editGate: Gate, onEdit: (p: Person) => void) {
  return [
    column.accessor("id", { header: "ID", meta: { nowrap: true } }),
    column.accessor("name", { header: "Name" }),
    column.accessor((p) => p.roles.join(" "), {
      id: "roles",
      header: "Roles",
      cell: (i) => <RoleBadges person={i.row.original} />,
    }),
    column.accessor("active", {
      header: "Active",
      cell: (i) =>
        i.getValue() ? (
          <Badge miw="max-content" color="teal" variant="light">
            active
          </Badge>
        ) : (
          <Badge miw="max-content" color="gray" variant="outline">
            inactive
          </Badge>
        ),
      meta: { nowrap: true },
    }),
    column.display({
      id: "edit",
      header: "",
      cell: (i) => (
        <Tooltip label={editGate.allowed ? "Edit" : editGate.reason} multiline maw={300}>
          <ActionIcon
            variant="subtle"
            aria-label={`Edit ${i.row.original.name}`}
            data-testid={`person-edit-${i.row.original.id}`}
            data-disabled={editGate.allowed ? undefined : true}
            onClick={() => editGate.allowed && onEdit(i.row.original)}
          >
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
      ),
      meta: { width: 48 },
    }),
  ];
}

function PersonForm({ target, first, onDone }: { target: Target; first: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  const existing = target.kind === "existing" ? target.person : null;
  const [input, setInput] = useState<PersonInput>(
    existing
      ? { name: existing.name, roles: existing.roles, active: existing.active }
      : { name: "", roles: first ? ["administrator"] : [], active: true },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => (existing ? backend.updatePerson(existing.id, input) : backend.createPerson(input)),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${p.name} saved`,
        message: `${p.id} · ${p.roles.map((r) => ROLE_LABEL[r]).join(", ")}`,
      });
      onDone();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });
  return (
    <Stack gap="sm">
      {first && (
        <Alert color="blue" title="No administrator yet">
          Until someone on this portfolio is an administrator, anyone may add people. Name an administrator early: from
          then on only administrators manage people.
        </Alert>
      )}
      {errors.form && (
        <Alert color="red" title="Not saved" data-testid="person-error">
          {errors.form}
        </Alert>
      )}
      <TextInput
        label="Name"
        required
        value={input.name}
        onChange={(e) => setInput({ ...input, name: e.currentTarget.value })}
        error={errors.name}
        data-testid="person-name"
        data-autofocus
      />
      <MultiSelect
        label="Roles"
        required
        data={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
        value={input.roles}
        onChange={(roles) => setInput({ ...input, roles: roles as Role[] })}
        error={errors.roles}
        data-testid="person-roles"
      />
      <Switch
        label="Active (may be chosen as the person working)"
        checked={input.active}
        onChange={(e) => setInput({ ...input, active: e.currentTarget.checked })}
        error={errors.active}
        data-testid="person-active"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="person-save">
          {existing ? "Save person" : "Add person"}
        </Button>
      </Group>
    </Stack>
  );
}

export function PeopleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { gate } = useWorkingAs();
  const people = useQuery({ queryKey: ["people"], queryFn: backend.people, enabled: opened });
  const [target, setTarget] = useState<Target | null>(null);
  // Mirrors the backend: before anyone is an administrator, nobody can be required to be one.
  const none = people.data !== undefined && !people.data.some((p) => p.active && p.roles.includes("administrator"));
  const open: Gate = { allowed: true, reason: null };
  const addGate: Gate = none ? open : gate("administrator", "add people", true);
  const editGate: Gate = none ? open : gate("administrator", "change people's roles", true);
  const { allowed, reason } = editGate;
  const columns = useMemo(
    () => peopleColumns({ allowed, reason }, (person) => setTarget({ kind: "existing", person })),
    [allowed, reason],
  );

  const close = () => {
    setTarget(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="People on this portfolio" size="xl" centered>
      <Stack gap="sm" data-testid="people-modal">
        <Text size="sm" c="dimmed">
          Who works on this portfolio and in which roles: only a compliance officer signs off, only an executive records
          a steering decision, only an administrator manages people. This records who does what on a shared laptop; it
          is not a login.
        </Text>
        {target ? (
          <>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconArrowLeft size={14} />}
              onClick={() => setTarget(null)}
              w="fit-content"
            >
              Back to the list
            </Button>
            <PersonForm
              key={target.kind === "existing" ? target.person.id : "new"}
              target={target}
              first={none}
              onDone={() => setTarget(null)}
            />
          </>
        ) : (
          <>
            {people.isPending && <Loader size="sm" aria-label="Loading people" />}
            {people.isError && <Alert color="red">{people.error.message}</Alert>}
            {none && <Text size="sm">Nobody yet.</Text>}
            {people.data && people.data.length > 0 && (
              <DataTable
                rows={people.data}
                columns={columns}
                rowId={(p) => p.id}
                rowTestId={(p) => `person-row-${p.id}`}
                testId="people-table"
              />
            )}
            <Group justify="flex-end">
              <GatedButton
                gate={addGate}
                leftSection={<IconPlus size={16} />}
                onClick={() => setTarget({ kind: "new" })}
                data-testid="person-new"
              >
                Add person
              </GatedButton>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
