// Signing a record under review, or declining to: the comment and "Sign off" (then the SHA-256 of
// exactly what was signed, to quote in minutes), or "Decline…" with the reason it is not signed.
// Also what a sign-off of that kind leaves out of each record, one click away.
import { Accordion, Alert, Button, Code, Group, List, Loader, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCircleX, IconSignature } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { SignoffKind } from "../../bindings/SignoffKind";
import type { SignoffReview } from "../../bindings/SignoffReview";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { UnsignedField } from "../../bindings/UnsignedField";
import { FormRefusal } from "../../components/FormRefusal";
import { GatedButton } from "../../components/GatedButton";
import { ReasonForm } from "../../components/ReasonForm";
import { useSaveForm } from "../../lib/forms";
import { keys } from "../../lib/queryKeys";
import { fieldLabel } from "../../lib/recordFields";
import { useWorkingAs } from "../../shell/useWorkingAs";
import type { SignTarget } from "./SignoffModal";

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
                        <Text span fw={500} size="sm">
                          {fieldLabel(f.field)}
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

export function SignForm({
  target,
  onClose,
  onDecline,
}: {
  target: SignTarget;
  onClose: () => void;
  onDecline: () => void;
}) {
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
  // noValidate: the backend's refusal beside the field says what is missing, not a browser bubble.
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
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
        <Group justify="space-between">
          <GatedButton
            gate={gate("sign_off")}
            variant="subtle"
            color="red"
            leftSection={<IconCircleX size={16} />}
            onClick={onDecline}
            data-testid="signoff-decline"
          >
            Decline…
          </GatedButton>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <GatedButton
              gate={gate("sign_off")}
              leftSection={<IconSignature size={16} />}
              type="submit"
              loading={saver.pending}
              data-testid="signoff-confirm"
            >
              {person ? `Sign off as ${person.name}` : "Sign off"}
            </GatedButton>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

interface DeclineValues {
  reason: string;
}

/** Declining to sign: the reason is required, and says what must change before it can be signed. */
export function DeclineForm({ review, onBack }: { review: SignoffReview; onBack: () => void }) {
  const { person, gate } = useWorkingAs();
  const form = useForm<DeclineValues>({
    initialValues: { reason: "" },
    validate: {
      reason: (r) => (r.trim() === "" ? "A reason is required: say what must change before it can be signed" : null),
    },
  });
  const saver = useSaveForm({
    form,
    save: (values: DeclineValues) => api.signoffDecline({ entity_id: review.entity_id, reason: values.reason.trim() }),
    changes: ["signoffs"],
    onSaved: (declined) => {
      notifications.show({
        color: "orange",
        title: `${declined.entity_id} not signed off`,
        message: `Declined: ${declined.reason}`,
      });
      onBack();
    },
  });
  return (
    <ReasonForm
      testId="signoff-decline-form"
      onSubmit={form.onSubmit(saver.submit)}
      field={{
        label: "Why it is not signed off",
        description: "What must change first. The queue shows it beside the record, and the trail keeps it.",
        testId: "signoff-decline-reason",
        inputProps: form.getInputProps("reason"),
      }}
      refusal={saver.refusal}
      refusalTitle="The refusal was not recorded"
      onDismiss={saver.dismiss}
      cancel={{ label: "Back", onClick: onBack }}
      confirm={{
        label: person ? `Decline as ${person.name}` : "Decline",
        testId: "signoff-decline-confirm",
        icon: <IconCircleX size={16} />,
        color: "red",
        loading: saver.pending,
        gate: gate("sign_off"),
      }}
    />
  );
}
