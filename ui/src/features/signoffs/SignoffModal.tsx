// Reviewing a record for sign-off, and signing it: the record as the signature will bind it, the
// checks, the latest sign-off and any refusal on the record's current content (./ReviewParts),
// then the comment and "Sign off" or "Decline…" with a reason (./SignoffForms). Also the
// "Sign off…" button that opens the review, gated by the backend's permission.
import { Alert, Badge, type ButtonProps, Group, Loader, Modal, Stack, Text, Title } from "@mantine/core";
import { IconCircleX, IconSignature } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { SignoffKind } from "../../bindings/SignoffKind";
import { GatedButton } from "../../components/GatedButton";
import { HashText } from "../../components/HashText";
import { keys } from "../../lib/queryKeys";
import { SIGNOFF_KIND_LABEL } from "../../lib/recordKinds";
import { SIGNOFF_STATE_COLOR } from "../../lib/statusColors";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { Checks, declinedText, LatestSignoff, Sections } from "./ReviewParts";
import { DeclineForm, SignForm } from "./SignoffForms";

export interface SignTarget {
  entityId: string;
  /** What is signed, so the modal lists only what that kind of sign-off leaves out. */
  kind: SignoffKind;
  title: string;
}

function Review({ entityId, onClose }: { entityId: string; onClose: () => void }) {
  const review = useQuery({
    queryKey: keys.signoffReview(entityId),
    queryFn: () => api.signoffReview({ entity_id: entityId }),
  });
  const [declining, setDeclining] = useState(false);
  if (review.isPending) return <Loader size="sm" aria-label="Loading the record under review" />;
  if (review.isError) {
    return (
      <Alert color="red" title="The record could not be loaded for review">
        {review.error.message}
      </Alert>
    );
  }
  const r = review.data;
  const target: SignTarget = { entityId: r.entity_id, kind: r.kind, title: r.title };
  return (
    <Stack gap="md" data-testid="signoff-review">
      <div>
        <Group gap="xs">
          <Title order={3} data-testid="signoff-review-title">
            {r.title}
          </Title>
          <Badge miw="max-content" variant="outline" color="gray" tt="none">
            {SIGNOFF_KIND_LABEL[r.kind]} {r.entity_id}
          </Badge>
        </Group>
        <LatestSignoff review={r} />
      </div>
      {r.declined && (
        <Alert color={SIGNOFF_STATE_COLOR.stale} icon={<IconCircleX />} title="Declined" data-testid="signoff-declined">
          {declinedText(r.declined)}
        </Alert>
      )}
      <Checks review={r} onLeave={onClose} />
      <Sections review={r} />
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          Signing binds this content, SHA-256
        </Text>
        <HashText sha256={r.content_sha256} size="xs" />
      </Group>
      {declining ? (
        <DeclineForm review={r} onBack={() => setDeclining(false)} />
      ) : (
        <SignForm target={target} onClose={onClose} onDecline={() => setDeclining(true)} />
      )}
    </Stack>
  );
}

/** The review of one record for sign-off (null: closed). */
export function SignoffModal({ entityId, onClose }: { entityId: string | null; onClose: () => void }) {
  return (
    <Modal opened={entityId !== null} onClose={onClose} title="Review for sign-off" size="xl">
      <Stack gap="sm" data-testid="signoff-modal">
        <Text size="sm" c="dimmed">
          The sign-off covers the record's content as it stands now, fixed by its SHA-256. If the record or its evidence
          changes afterwards, the sign-off turns stale and shows red until it is signed again.
        </Text>
        {entityId && <Review key={entityId} entityId={entityId} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}

/**
 * "Sign off…" for one record, enabled when the backend allows the person working to sign off: it
 * opens the record's review (through `onOpen` when the page shows the review itself).
 */
export function SignOffButton({
  target,
  label = "Sign off…",
  testId,
  onOpen,
  ...button
}: { target: SignTarget; label?: string; testId: string; onOpen?: (entityId: string) => void } & ButtonProps) {
  const { gate } = useWorkingAs();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <GatedButton
        gate={gate("sign_off")}
        variant="light"
        leftSection={<IconSignature size={14} />}
        onClick={(e) => {
          // Inside clickable rows and cards: opening the review must not also open the row.
          e.stopPropagation();
          if (onOpen) onOpen(target.entityId);
          else setOpen(target.entityId);
        }}
        data-testid={testId}
        {...button}
      >
        {label}
      </GatedButton>
      {!onOpen && <SignoffModal entityId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
