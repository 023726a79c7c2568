// The launch readiness gate of one use case, as the backend judges it: each item met or not with
// what holds or what is missing, and a "Fix" that opens where it is fixed (a tab of this page, or
// the sign-off, the oversight plan, the registry or the lineage of the launch version). The same
// items refuse a pilot's start, so the list is what the person clears before launching.
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconArrowRight, IconCheck, IconX } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { BlueprintPart } from "../../bindings/BlueprintPart";
import type { Readiness } from "../../bindings/Readiness";
import type { ReadinessItem } from "../../bindings/ReadinessItem";
import { BLUEPRINT_PART_LABEL } from "../../lib/recordKinds";
import { CHECK_COLOR, TONE } from "../../lib/statusColors";
import { type PageId, PAGE_LABEL, useNavigation } from "../../shell/navigation";
import { riskParam } from "../risk/riskLocation";
import type { PilotsTab } from "./pilotsLocation";
import { PILOTS_TAB_LABEL } from "./pilotsLocation";

/** Opens a tab of this page, on a part of the blueprint when given. */
export type OpenTab = (tab: PilotsTab, part?: BlueprintPart | null) => void;

interface Fix {
  /** Where the fix is, for the button: "Sign-offs", "Blueprint → Monitoring". */
  where: string;
  go: () => void;
}

interface FixContext {
  useCaseId: string;
  /** The blueprint's launch version, which the baseline and lineage are checked for. */
  launchVersion: string | null;
  /** The first blueprint part still incomplete or unreviewed. */
  unfinishedPart: BlueprintPart | null;
  openTab: OpenTab;
  navigate: (page: PageId, param?: string | null) => void;
}

function tabFix(ctx: FixContext, tab: PilotsTab, part: BlueprintPart | null = null): Fix {
  const where = part ? `${PILOTS_TAB_LABEL[tab]} → ${BLUEPRINT_PART_LABEL[part]}` : PILOTS_TAB_LABEL[tab];
  return { where, go: () => ctx.openTab(tab, part) };
}

function pageFix(ctx: FixContext, page: PageId, param: string | null): Fix {
  return { where: PAGE_LABEL[page], go: () => ctx.navigate(page, param) };
}

/** Where each item is fixed; an item the backend adds later shows without a Fix until named here. */
function fixFor(key: string, ctx: FixContext): Fix | null {
  switch (key) {
    case "blueprint":
      return tabFix(ctx, "blueprint", ctx.unfinishedPart);
    case "protocols":
      return tabFix(ctx, "pilot");
    case "monitoring":
      return tabFix(ctx, "blueprint", "monitoring");
    case "signoff":
      return pageFix(ctx, "signoffs", ctx.useCaseId);
    case "oversight":
      return {
        where: `${PAGE_LABEL.risk} → Oversight`,
        go: () => ctx.navigate("risk", riskParam(ctx.useCaseId, "oversight")),
      };
    // Both are checked for the launch version: without one, naming it in the blueprint comes first.
    case "baseline":
      return ctx.launchVersion ? pageFix(ctx, "registry", ctx.launchVersion) : tabFix(ctx, "blueprint", "registry");
    case "lineage":
      return ctx.launchVersion ? pageFix(ctx, "lineage", ctx.launchVersion) : tabFix(ctx, "blueprint", "registry");
    default:
      return null;
  }
}

/** "Ready to launch" or "3 of 7 met", coloured by the verdict. */
export function ReadinessBadge({ readiness, launched = false }: { readiness: Readiness; launched?: boolean }) {
  const met = readiness.items.filter((i) => i.met).length;
  // A case already in front of users has launched; the items still say whether it stays sound.
  return (
    <Badge
      miw="max-content"
      size="lg"
      variant={readiness.ready ? "filled" : "light"}
      color={readiness.ready ? CHECK_COLOR.passed : TONE.attention}
      tt="none"
      data-testid="readiness-summary"
      data-ready={String(readiness.ready)}
    >
      {readiness.ready
        ? launched
          ? "Launched · every item holds"
          : "Ready to launch"
        : `${met} of ${readiness.items.length} met`}
    </Badge>
  );
}

function Item({ item, fix }: { item: ReadinessItem; fix: Fix | null }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`readiness-${item.key}`} data-met={String(item.met)}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ThemeIcon
            variant="light"
            radius="xl"
            color={item.met ? CHECK_COLOR.passed : CHECK_COLOR.failed}
            aria-label={item.met ? "Met" : "Not met"}
          >
            {item.met ? <IconCheck size={16} /> : <IconX size={16} />}
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text fw={600} size="sm">
              {item.title}
            </Text>
            <Text size="sm" c={item.met ? "dimmed" : "red.8"} style={{ overflowWrap: "anywhere" }}>
              {item.detail}
            </Text>
          </div>
        </Group>
        {!item.met && fix && (
          <Button
            variant="light"
            size="xs"
            rightSection={<IconArrowRight size={14} />}
            onClick={fix.go}
            miw="max-content"
            data-testid={`readiness-fix-${item.key}`}
          >
            Fix in {fix.where}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

export function ReadinessList({
  useCaseId,
  readiness,
  launchVersion,
  unfinishedPart,
  openTab,
}: {
  useCaseId: string;
  readiness: UseQueryResult<Readiness>;
  launchVersion: string | null;
  unfinishedPart: BlueprintPart | null;
  openTab: OpenTab;
}) {
  const { navigate } = useNavigation();
  if (readiness.isPending) return <Loader size="sm" aria-label="Loading launch readiness" />;
  if (readiness.isError)
    return (
      <Alert color="red" title="Launch readiness could not be read">
        {readiness.error.message}
      </Alert>
    );
  const r = readiness.data;
  const ctx: FixContext = { useCaseId, launchVersion, unfinishedPart, openTab, navigate };
  return (
    <Stack gap="sm" data-testid="readiness-list">
      <Text size="sm" c="dimmed">
        {r.ready
          ? "Every item holds: the pilot's first phase may start (Pilot tab)."
          : "A pilot's first phase starts only when every item holds. Fix each one where it is recorded."}
      </Text>
      {r.items.map((item) => (
        <Item key={item.key} item={item} fix={fixFor(item.key, ctx)} />
      ))}
    </Stack>
  );
}
