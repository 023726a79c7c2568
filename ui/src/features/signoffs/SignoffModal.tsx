// Signing a record off: the compliance officer's comment, then the SHA-256 of exactly what was
// signed, so it can be quoted in minutes. What a sign-off leaves out is one click away, so the
// signer knows what the signature does not cover. Also the gated "Sign off…" button that opens it.
import {
  Accordion,
  Alert,
  Button,
  type ButtonProps,
  Code,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconSignature } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { SignoffKind } from "../../bindings/SignoffKind";
import type { UnsignedField } from "../../bindings/UnsignedField";
import { FormRefusal } from "../../components/FormRefusal";
import { GatedButton } from "../../components/GatedButton";
import { useSaveForm } from "../../lib/forms";
import { keys } from "../../lib/queryKeys";
import { useWorkingAs } from "../../shell/useWorkingAs";

export interface SignTarget {
  entityId: string;
  /** What is signed, so the modal lists only what that kind of sign-off leaves out. */
  kind: SignoffKind;
  title: string;
}

interface SignValues {
  comment: string;
}

/** Unsigned fields grouped by the record they belong to, in the backend's order. */
function byRecord(fields: readonly UnsignedField[]): [string, UnsignedField[]][] {
  const groups = new Map<string, UnsignedField[]>();
  for (const f of fields) groups.set(f.record, [...(groups.get(f.record) ?? []), f]);
  return [...groups];
}

// What this kind of sign-off leaves out of each record it binds, as the backend lists it.
function NotBound({ kind }: { kind: SignoffKind }) {
  const fields = useQuery({
    queryKey: keys.unsignedFields,
    queryFn: (): Promise<UnsignedField[]> => api.signoffUnsignedFields(),
    // Fixed by the program version: read once per session.
    staleTime: Infinity,
  });
  return (
    <Accordion variant="contained" data-testid="signoff-unsigned">
      <Accordion.Item value="unsigned">
        <Accordion.Control data-testid="signoff-unsigned-toggle">What a sign-off does not bind</Accordion.Control>
        <Accordion.Panel>
          {fields.isPending && <Loader size="xs" aria-label="Loading what a sign-off leaves out" />}
          {fields.isError && <Alert color="red">{fields.error.message}</Alert>}
          {fields.data && (
            <Stack gap="xs" data-testid="signoff-unsigned-list">
              <Text size="xs" c="dimmed">
                Every other field of the record and of the evidence signed with it is bound: changing it turns the
                sign-off stale.
              </Text>
              {byRecord(fields.data.filter((f) => f.kind === kind)).map(([record, list]) => (
                <div key={record}>
                  <Text size="sm" fw={600}>
                    {record}
                  </Text>
                  <List size="sm" spacing={2}>
                    {list.map((f) => (
                      <List.Item key={f.field}>
                        <Text span ff="monospace" size="sm">
                          {f.field}
                        </Text>
                        {": "}
                        {f.reason}
                      </List.Item>
                    ))}
                  </List>
                </div>
              ))}
            </Stack>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function SignForm({ target, onClose }: { target: SignTarget; onClose: () => void }) {
  const { person, gate } = useWorkingAs();
  const [signed, setSigned] = useState<SignoffStatus | null>(null);
  const form = useForm<SignValues>({ initialValues: { comment: "" } });
  const saver = useSaveForm({
    form,
    save: (values: SignValues) => api.signoffSign({ entity_id: target.entityId, comment: values.comment }),
    changes: ["signoffs"],
    onSaved: (status) => {
      setSigned(status);
      notifications.show({
        color: "teal",
        title: `${status.signoff.entity_id} signed off`,
        message: status.entity_title,
      });
    },
  });

  if (signed) {
    return (
      <Stack gap="sm">
        <Alert color="teal" title={`Signed off by ${signed.signoff.signed_by}`} data-testid="signoff-done">
          <Text size="sm">SHA-256 of the signed content:</Text>
          <Code block data-testid="signoff-sha256" style={{ wordBreak: "break-all" }}>
            {signed.signoff.content_sha256}
          </Code>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="signoff-close">
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Textarea
        label="Comment"
        description="What you checked, conditions, or anything the steering committee should know"
        autosize
        minRows={3}
        {...form.getInputProps("comment")}
        data-testid="signoff-comment"
        data-autofocus
      />
      <NotBound kind={target.kind} />
      <FormRefusal refusal={saver.refusal} title="The record was not signed off" onClose={saver.dismiss} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <GatedButton
          gate={gate("sign_off")}
          leftSection={<IconSignature size={16} />}
          onClick={() => form.onSubmit(saver.submit)()}
          loading={saver.pending}
          data-testid="signoff-confirm"
        >
          {person ? `Sign off as ${person.name}` : "Sign off"}
        </GatedButton>
      </Group>
    </Stack>
  );
}

export function SignoffModal({ target, onClose }: { target: SignTarget | null; onClose: () => void }) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `Sign off ${target.title}` : ""}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="signoff-modal">
        <Text size="sm" c="dimmed">
          The sign-off covers the record's content as it stands now, fixed by its SHA-256. If the record or its evidence
          changes afterwards, the sign-off turns stale and shows red until it is signed again.
        </Text>
        {target && <SignForm key={target.entityId} target={target} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}

/** "Sign off…" for one record, enabled when the backend allows the person working to sign off. */
export function SignOffButton({
  target,
  label = "Sign off…",
  testId,
  ...button
}: { target: SignTarget; label?: string; testId: string } & ButtonProps) {
  const { gate } = useWorkingAs();
  const [open, setOpen] = useState<SignTarget | null>(null);
  return (
    <>
      <GatedButton
        gate={gate("sign_off")}
        leftSection={<IconSignature size={14} />}
        onClick={(e) => {
          // Inside clickable rows and cards: opening the modal must not also open the row.
          e.stopPropagation();
          setOpen(target);
        }}
        data-testid={testId}
        {...button}
      >
        {label}
      </GatedButton>
      <SignoffModal target={open} onClose={() => setOpen(null)} />
    </>
  );
}
