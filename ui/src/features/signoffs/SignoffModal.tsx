// Reviewing a record for sign-off, and signing it: the record as the signature will bind it (its
// readable sections, money in the programme's currency), the checks a compliance officer would
// otherwise gather from five pages (failed first, each linking to where its record is fixed), the
// latest sign-off and any refusal on the record's current content, then the comment and "Sign off"
// or "Decline…" with a reason. After signing, the SHA-256 of exactly what was signed, so it can be
// quoted in minutes. What a sign-off leaves out is one click away. Also the "Sign off…" button
// that opens the review, gated by the backend's permission.
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  type ButtonProps,
  Code,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconCircleX, IconSignature } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { ReviewCheck } from "../../bindings/ReviewCheck";
import type { SignoffDecline } from "../../bindings/SignoffDecline";
import type { SignoffKind } from "../../bindings/SignoffKind";
import type { SignoffReview } from "../../bindings/SignoffReview";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { UnsignedField } from "../../bindings/UnsignedField";
import { FormRefusal } from "../../components/FormRefusal";
import { ReasonForm } from "../../components/ReasonForm";
import { GatedButton } from "../../components/GatedButton";
import { HashText } from "../../components/HashText";
import { localDate } from "../../lib/compliance";
import { useSaveForm } from "../../lib/forms";
import { useMoney } from "../../lib/money";
import { keys } from "../../lib/queryKeys";
import { CHECK_AREA_LABEL, SIGNOFF_KIND_LABEL } from "../../lib/recordKinds";
import { fieldLabel } from "../../lib/recordFields";
import { CHECK_COLOR, SIGNOFF_STATE_COLOR } from "../../lib/statusColors";
import { type PageId, useNavigation } from "../../shell/navigation";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { type RiskTab, riskParam } from "../risk/riskLocation";

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

function SignForm({ target, onClose, onDecline }: { target: SignTarget; onClose: () => void; onDecline: () => void }) {
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
function DeclineForm({ review, onBack }: { review: SignoffReview; onBack: () => void }) {
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

/** Where a check's record is fixed: the page (and record) its link opens. */
export function checkLink(
  check: ReviewCheck,
  review: Pick<SignoffReview, "kind" | "entity_id">,
): { page: PageId; param: string | null; label: string } {
  const id = check.record_id;
  const useCase = id?.startsWith("UC-") ? id : review.kind === "use_case" ? review.entity_id : null;
  const risk = (tab: RiskTab, label: string) => ({
    page: "risk" as const,
    param: useCase ? riskParam(useCase, tab) : null,
    label,
  });
  switch (check.area) {
    case "dossier":
      return { page: "portfolio", param: id ?? useCase, label: "Open the dossier" };
    case "oversight":
      return risk("oversight", "Open the oversight plan");
    case "risk_register":
      return risk("register", "Open the risk register");
    case "bias_checks":
      return risk("bias", "Open the bias checks");
    case "lineage":
      // A gap sits on the version, or on the data pack or source it was trained on.
      return id?.startsWith("DP-") || id?.startsWith("SRC-")
        ? { page: "data", param: id, label: `Open ${id} in Data` }
        : { page: "lineage", param: id, label: "Open the lineage" };
    case "registry":
      return { page: "registry", param: id?.startsWith("AV-") ? id : null, label: "Open in the Registry" };
    case "signoffs":
      return { page: "signoffs", param: id, label: `Review ${id ?? "the sign-off"}` };
  }
}

function Checks({ review, onLeave }: { review: SignoffReview; onLeave: () => void }) {
  const { navigate } = useNavigation();
  // Failed first (the backend orders them so; kept stable here whatever it sends).
  const checks = [...review.checks.filter((c) => !c.passed), ...review.checks.filter((c) => c.passed)];
  const failed = checks.filter((c) => !c.passed).length;
  return (
    <div>
      <Group gap="xs" mb={4}>
        <Text fw={600}>Checks</Text>
        <Badge miw="max-content" variant="light" color={failed > 0 ? CHECK_COLOR.failed : CHECK_COLOR.passed} tt="none">
          {failed > 0 ? `${failed} of ${checks.length} failed` : `all ${checks.length} passed`}
        </Badge>
      </Group>
      <Stack gap={4} data-testid="signoff-checks">
        {checks.map((c, i) => {
          const link = checkLink(c, review);
          return (
            <Group
              key={`${c.area}-${c.record_id ?? ""}-${i}`}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              data-testid={`signoff-check-${c.passed ? "passed" : "failed"}`}
            >
              {c.passed ? (
                <IconCircleCheck
                  size={18}
                  color={`var(--mantine-color-${CHECK_COLOR.passed}-6)`}
                  aria-label="passed"
                  style={{ flexShrink: 0 }}
                />
              ) : (
                <IconCircleX
                  size={18}
                  color={`var(--mantine-color-${CHECK_COLOR.failed}-6)`}
                  aria-label="failed"
                  style={{ flexShrink: 0 }}
                />
              )}
              <Text size="sm" style={{ flex: 1 }} c={c.passed ? undefined : "red.8"}>
                <Text span size="xs" c="dimmed" mr={6}>
                  {CHECK_AREA_LABEL[c.area]}
                </Text>
                {c.message}
              </Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                style={{ whiteSpace: "nowrap" }}
                onClick={() => {
                  onLeave();
                  navigate(link.page, link.param);
                }}
                data-testid={`signoff-check-link-${c.area}-${c.record_id ?? ""}`}
              >
                {link.label}
              </Anchor>
            </Group>
          );
        })}
      </Stack>
    </div>
  );
}

function Sections({ review }: { review: SignoffReview }) {
  const money = useMoney();
  return (
    <Stack gap="sm" data-testid="signoff-sections">
      {review.sections.map((section) => (
        <Paper key={section.title} withBorder p="sm" radius="md">
          <Text fw={600} size="sm" mb={6}>
            {section.title}
          </Text>
          {/* Labels may repeat within a section (two risks' "Status"), so keyed by position. */}
          <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
            {section.fields.map((f, i) => (
              <div key={i} style={{ minWidth: 0 }} data-testid="signoff-field">
                <Text size="xs" c="dimmed">
                  {f.label}
                </Text>
                <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
                  {f.money === null ? f.text : money.format(f.money)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

function LatestSignoff({ review }: { review: SignoffReview }) {
  const latest = review.latest_signoff;
  if (!latest) {
    return (
      <Text size="sm" c="dimmed" data-testid="signoff-latest">
        Never signed off.
      </Text>
    );
  }
  const s = latest.signoff;
  return (
    <Group gap="xs" data-testid="signoff-latest">
      <Badge
        miw="max-content"
        tt="none"
        variant={latest.stale ? "filled" : "light"}
        color={latest.stale ? SIGNOFF_STATE_COLOR.stale : SIGNOFF_STATE_COLOR.current}
      >
        {latest.stale ? "Sign-off stale" : "Signed off"}
      </Badge>
      <Text size="sm">
        {latest.stale ? "Last signed off" : "Signed off"} by <b>{s.signed_by}</b> on {localDate(s.signed_at)}
        {latest.stale ? "; the record changed since." : "."}
      </Text>
    </Group>
  );
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

/** "Declined by Ana Ruiz on 4 Mar 2026: no bias check yet" */
export function declinedText(declined: SignoffDecline): string {
  return `Declined by ${declined.declined_by} on ${localDate(declined.declined_at)}: ${declined.reason}`;
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
