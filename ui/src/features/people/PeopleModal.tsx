// The portfolio's people and their roles: the list, adding someone and changing a person's
// name, roles or active flag. Whether the person working may manage people is the backend's
// call (anyone, until the portfolio has an administrator); the buttons follow its verdict.
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
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconEdit, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import type { Gate } from "../../bindings/Gate";
import type { Person } from "../../bindings/Person";
import type { PersonInput } from "../../bindings/PersonInput";
import { DataTable } from "../../components/DataTable";
import { FormRefusal } from "../../components/FormRefusal";
import { GatedButton } from "../../components/GatedButton";
import { changedFields, rebaseForm, useSaveForm } from "../../lib/forms";
import { keys, useReload } from "../../lib/queryKeys";
import { ROLE_LABEL } from "../../lib/recordKinds";
import { ROLES, rolesText } from "../../lib/roles";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { RoleBadges } from "./ProfilePicker";

const FIELDS = ["name", "roles", "active"] as const;
type Target = { kind: "new" } | { kind: "existing"; person: Person };

const asInput = (p: Person): PersonInput => ({ name: p.name, roles: p.roles, active: p.active });

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
  const reload = useReload();
  const existing = target.kind === "existing" ? target.person : null;
  // The person as the form first showed them: what an edit is checked against.
  const [loaded, setLoaded] = useState<PersonInput>(() =>
    existing ? asInput(existing) : { name: "", roles: first ? ["administrator"] : [], active: true },
  );
  const form = useForm<PersonInput>({ initialValues: loaded });
  const saver = useSaveForm({
    form,
    save: (values: PersonInput) =>
      existing
        ? api.personUpdate({ id: existing.id, changes: changedFields(loaded, values, FIELDS), loaded })
        : api.personCreate(values),
    changes: ["people"],
    onSaved: (p) => {
      notifications.show({ color: "teal", title: `${p.name} saved`, message: `${p.id} · ${rolesText(p.roles)}` });
      onDone();
    },
    onConflict: async () => {
      if (!existing) return;
      const people = await reload(keys.people, api.personList);
      const stored = people.find((p) => p.id === existing.id);
      if (stored) setLoaded(rebaseForm(form, loaded, asInput(stored)));
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        {first && (
          <Alert color="blue" title="No administrator yet">
            Until someone on this portfolio is an administrator, anyone may add people. Name an administrator early:
            from then on only administrators manage people.
          </Alert>
        )}
        <TextInput label="Name" required {...form.getInputProps("name")} data-testid="person-name" data-autofocus />
        <MultiSelect
          label="Roles"
          required
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          {...form.getInputProps("roles")}
          data-testid="person-roles"
        />
        <Switch
          label="Active (may be chosen as the person working)"
          {...form.getInputProps("active", { type: "checkbox" })}
          data-testid="person-active"
        />
        <FormRefusal refusal={saver.refusal} title="The person was not saved" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="person-save">
            {existing ? "Save person" : "Add person"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PeopleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { gate } = useWorkingAs();
  const people = useQuery({ queryKey: keys.people, queryFn: api.personList, enabled: opened });
  const [target, setTarget] = useState<Target | null>(null);
  // Only for the hint and the first person's proposed role; the permission is the backend's.
  const noAdministrator =
    people.data !== undefined && !people.data.some((p) => p.active && p.roles.includes("administrator"));
  const { allowed, reason } = gate("manage_people");
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
              first={noAdministrator}
              onDone={() => setTarget(null)}
            />
          </>
        ) : (
          <>
            {people.isPending && <Loader size="sm" aria-label="Loading people" />}
            {people.isError && <Alert color="red">{people.error.message}</Alert>}
            {people.data?.length === 0 && <Text size="sm">Nobody yet.</Text>}
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
                gate={{ allowed, reason }}
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
