// What the review shows of a record before it is signed: the checks a compliance officer would
// otherwise gather from five pages (failed first, each linking to where its record is fixed), the
// record's readable sections as the signature binds them (money in the programme's currency), the
// latest sign-off, and any refusal to sign its current content.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleX } from "@tabler/icons-react";
import type { ReviewCheck } from "../../bindings/ReviewCheck";
import type { SignoffDecline } from "../../bindings/SignoffDecline";
import type { SignoffReview } from "../../bindings/SignoffReview";
import { localDate } from "../../lib/compliance";
import { useMoney } from "../../lib/money";
import { CHECK_AREA_LABEL } from "../../lib/recordKinds";
import { CHECK_COLOR, SIGNOFF_STATE_COLOR } from "../../lib/statusColors";
import { type PageId, useNavigation } from "../../shell/navigation";
import { type RiskTab, riskParam } from "../risk/riskLocation";

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

export function Checks({ review, onLeave }: { review: SignoffReview; onLeave: () => void }) {
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

export function Sections({ review }: { review: SignoffReview }) {
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

export function LatestSignoff({ review }: { review: SignoffReview }) {
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

/** "Declined by Ana Ruiz on 4 Mar 2026: no bias check yet" */
export function declinedText(declined: SignoffDecline): string {
  return `Declined by ${declined.declined_by} on ${localDate(declined.declined_at)}: ${declined.reason}`;
}
