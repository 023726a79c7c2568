// Pages speak the user's language: rendered with records of every kind, no page shows an internal
// name — a table (`use_case`), a generated value (`adapter_version`, `risk_register`) or a stored
// field (`one_time_cost_cents`) — as text, in a tooltip, a label or an option. Labels come from
// lib/recordKinds; this test renders the pages and reads what a person would see.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { ReactElement } from "react";
import type { AuditRecord } from "./bindings/AuditRecord";
import type { SignoffQueue } from "./bindings/SignoffQueue";
import type { SignoffStatus } from "./bindings/SignoffStatus";
import type { UseCaseCoverage } from "./bindings/UseCaseCoverage";
import type { VerifyReport } from "./bindings/VerifyReport";
import { AuditPage } from "./features/audit/AuditPage";
import { DashboardPage } from "./features/dashboard/DashboardPage";
import { DataPage } from "./features/data/DataPage";
import { LineagePage } from "./features/lineage/LineagePage";
import { PilotsPage } from "./features/pilots/PilotsPage";
import { blueprint, phase, pilot, readiness } from "./features/pilots/testData";
import { PoliciesPage } from "./features/policies/PoliciesPage";
import {
  adapterVersion,
  ANA,
  dataPack,
  dataSource,
  policy,
  sessionAs,
  versionDetail,
} from "./features/registry/testData";
import { RegistryPage } from "./features/registry/RegistryPage";
import { RiskPage } from "./features/risk/RiskPage";
import { SignoffsPage } from "./features/signoffs/SignoffsPage";
import { CadencePage } from "./features/steering/CadencePage";
import { ChecklistPage } from "./features/steering/ChecklistPage";
import { SteeringPage } from "./features/steering/SteeringPage";
import { agenda, backlogItem, CADENCE, CHECKLIST, CLOSED, MEETINGS } from "./features/steering/testData";
import { dashboard, ROI_SVG, caseValue } from "./features/value/testData";
import { ValuePage } from "./features/value/ValuePage";
import { UNION_LABELS } from "./lib/recordKinds";
import { ENTITY_KIND_LABEL, FIELD_LABEL } from "./lib/recordFields";
import { respond } from "./test-backend";
import { aUseCase } from "./test-fixtures";
import { renderWithProviders } from "./test-utils";

/** Every internal name with an underscore the backend uses for a kind, a value or a field, and `signoff`. */
const INTERNAL = [
  ...new Set([
    ...Object.keys(ENTITY_KIND_LABEL),
    ...Object.keys(FIELD_LABEL),
    ...Object.values(UNION_LABELS).flatMap((labels) => Object.keys(labels)),
  ]),
].filter((name) => /^[a-z]+_[a-z_]+$/.test(name));
const SHOWN_INTERNALLY = new RegExp(`\\b(${[...INTERNAL, "signoff"].join("|")})\\b`);

/** What a person reads: text, and the tooltips, labels and placeholders of every element. */
function visibleText(): string {
  const attributes = [...document.body.querySelectorAll("*")].flatMap((el) =>
    ["title", "aria-label", "placeholder", "alt"].map((a) => el.getAttribute(a) ?? ""),
  );
  return [document.body.textContent ?? "", ...attributes].join("\n");
}

function expectNoInternalNames(page: string) {
  const text = visibleText();
  const found = SHOWN_INTERNALLY.exec(text);
  const context = found ? text.slice(Math.max(0, found.index - 60), found.index + 60) : "";
  expect(found?.[0], `${page} shows an internal name: …${context}…`).toBeUndefined();
  expect(text, `${page} lacks a fixture`).not.toContain("the test gave no answer");
}

const audit = (seq: number, entity_kind: string, fields: Partial<AuditRecord>): AuditRecord => ({
  seq,
  at: "2026-03-04T08:50:00.000Z",
  actor: "Jonas Weber",
  action: "update",
  operation: "update",
  entity_kind,
  entity_id: `REC-${seq}`,
  subject: "UC-001",
  before: null,
  after: null,
  prev_hash: "11".repeat(32),
  hash: "22".repeat(32),
  ...fields,
});

const trail: AuditRecord[] = [
  audit(1, "use_case", {
    before: JSON.stringify({ one_time_cost_cents: 25_000_000, executive_sponsor: null, risk_class: "limited" }),
    after: JSON.stringify({ one_time_cost_cents: 28_000_000, executive_sponsor: "Henrik Olsen", risk_class: "high" }),
  }),
  audit(2, "adapter_version", {
    action: "create",
    operation: "insert",
    after: JSON.stringify({ status: "candidate", weights_format: "safetensors", use_rslora: 0 }),
  }),
  audit(3, "bias_check", {
    action: "import",
    operation: "insert",
    after: JSON.stringify({ kind: "demographic_parity", passed: 1 }),
  }),
  audit(4, "data_pack", { action: "decide", before: '{"approved_by":null}', after: '{"approved_by":"Ana"}' }),
  audit(5, "signoff", {
    action: "sign",
    operation: "insert",
    after: JSON.stringify({ entity_kind: "use_case", role: "compliance_officer" }),
  }),
  audit(6, "risk", { before: '{"status":"open"}', after: '{"status":"mitigating"}' }),
  audit(7, "lane_override", { action: "decide", operation: "insert", after: '{"decided_by":"Ben"}' }),
  audit(8, "file", { action: "export", operation: "event", after: '{"what":"use cases CSV","bytes":2048}' }),
  audit(9, "person_role", { action: "delete", operation: "delete", before: '{"role":"product_owner"}' }),
];

const intact: VerifyReport = {
  records: 9,
  head_hash: "22".repeat(32),
  broken: null,
  outside_changes: [],
  unacknowledged: [
    {
      seq: 10,
      at: "2026-03-05T09:00:00.000Z",
      operation: "update",
      entity_kind: "adapter_version",
      entity_id: "AV-3",
      acknowledged_by: null,
      acknowledged_at: null,
      comment: null,
    },
  ],
  acknowledged: [],
  holds: false,
};

const signed = (entity_id: string, kind: SignoffStatus["signoff"]["entity_kind"], stale: boolean): SignoffStatus => ({
  signoff: {
    id: `SO-${entity_id}`,
    entity_kind: kind,
    entity_id,
    signed_by: "Ana",
    role: "compliance_officer",
    signed_at: "2026-03-04T10:00:00Z",
    comment: "",
    content_sha256: "ab".repeat(32),
    content_json: "{}",
  },
  entity_title: `${entity_id} title`,
  stale,
  superseded: false,
  current_sha256: "cd".repeat(32),
});

const queue: SignoffQueue = {
  awaiting: [
    { entity_id: "AV-3", kind: "adapter_version", title: "AV-3 claims 1.2.0", reason: "approved", declined: null },
  ],
  stale: [
    {
      status: signed("UC-001", "use_case", true),
      changes: [
        { field: "dossier.one_time_cost", before: "250000", after: "280000" },
        { field: "dossier.risk_class", before: "limited", after: "high" },
        { field: "bias_checks[BC-1].kind", before: "(absent)", after: "demographic_parity" },
        { field: "oversight.max_intervention_minutes", before: "—", after: "30" },
      ],
      declined: null,
    },
  ],
  current: [signed("EV-1", "evaluation", false)],
};

const coverage: UseCaseCoverage = {
  use_case_id: "UC-001",
  title: "Claims triage",
  evidence: [
    { kind: "oversight_plan", id: "UC-001", complete: true, lacking: null },
    { kind: "risk_register", id: "UC-001", complete: false, lacking: "no risk recorded" },
  ],
  frameworks: [
    {
      framework: "eu_ai_act_annex_iv",
      title: "EU AI Act, Annex IV",
      source: "Regulation (EU) 2024/1689",
      covered: 1,
      partial: 1,
      missing: 0,
      outside: 0,
      total: 2,
      items: [
        {
          id: "art14",
          reference: "Art. 14",
          title: "Human oversight",
          summary: "",
          requires: ["oversight_plan", "risk_register", "bias_check"],
          status: "partial",
          evidence: [{ kind: "oversight_plan", id: "UC-001" }],
          lacking: ["no risk recorded"],
          outside: null,
        },
      ],
    },
  ],
};

beforeEach(() =>
  respond({
    session_status: () => sessionAs(ANA),
    programme_get: () => ({
      name: "Halden",
      currency: "EUR",
      settings: { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
    }),
    audit_log: () => ({ records: trail, matching: trail.length, total: trail.length }),
    audit_verify: () => intact,
    signoff_queue: () => queue,
    signoff_list: () => [],
    use_case_list: () => [aUseCase()],
    oversight_list: () => [],
    bias_list: () => [],
    bias_defaults: () => [],
    risk_list: () => [],
    framework_coverage: () => coverage,
    framework_mapping: () => [],
    source_list: () => [dataSource({ policy_id: null, classification: "personal" })],
    pack_list: () => [dataPack({ personal_data: "pseudonymised" })],
    policy_list: () => [policy({ category: "rl_boundaries" })],
    adapter_list: () => [
      {
        id: "AD-1",
        name: "claims",
        use_case_id: "UC-001",
        version_count: 1,
        latest_version: "1.2.0",
        latest_status: "approved",
        deployed_version: null,
        deployed_version_id: null,
        created_at: "2026-01-01T00:00:00Z",
      },
    ],
    adapter_versions: () => [adapterVersion({ status: "approved", weights_format: "pickle" })],
    adapter_version_list: () => [adapterVersion({ status: "deployed" })],
    adapter_version_get: () => versionDetail(),
    lineage_graph: () => ({
      adapter_version_id: "AV-3",
      label: "claims 1.2.0",
      status: "deployed",
      nodes: [{ id: "DP-1", kind: "data_pack", label: "claims-2026 1.0", detail: "1200 records", gap: null }],
      edges: [],
      gaps: [],
    }),
    pilot_list: () => [
      pilot({ phases: [phase({ status: "stopped", stop_reason: "wrong triage", actual_start: "2026-12-01" })] }),
    ],
    blueprint_get: () =>
      blueprint([{ part: "registry", owner: "Ben", content: { part: "registry", adapter_version_id: "AV-3" } }]),
    pilot_readiness: () => readiness({ signoff: "never signed off; a compliance officer signs it off (Sign-offs)" }),
    lineage_check: () => ({
      versions_checked: 1,
      deployed_versions: 1,
      versions_with_gaps: 0,
      deployed: [],
      gaps: [],
    }),
  }),
);

/** Waits for a page on a loaded machine (the default second is short for a whole page). */
const SLOW = { timeout: 5000 };

async function settle(ui: ReactElement, ready: () => Promise<unknown>) {
  renderWithProviders(ui);
  await ready();
  // Let the queries the page starts afterwards answer too.
  await waitFor(() => expect(document.querySelector("[aria-label^='Loading']")).toBeNull(), SLOW);
}

describe("no page shows an internal name", { timeout: 30_000 }, () => {
  it("audit: the trail, a record's fields and the action filter", async () => {
    await settle(<AuditPage />, () => screen.findByTestId("audit-row-9", {}, SLOW));
    expectNoInternalNames("The audit trail");
    for (const seq of [1, 2, 3, 5, 9]) {
      fireEvent.click(screen.getByTestId(`audit-row-${seq}`));
      await screen.findByTestId("audit-record", {}, SLOW);
      expectNoInternalNames(`Audit record ${seq}`);
    }
    fireEvent.click(screen.getByTestId("audit-action"));
    expect(
      await screen.findByText("Changed outside Steerco", { selector: "[role='option'] *, [role='option']" }, SLOW),
    ).toBeTruthy();
    expectNoInternalNames("The audit action filter");
  });

  it("sign-offs: the queue and what changed since signing", async () => {
    await settle(<SignoffsPage />, () => screen.findByTestId("stale-UC-001", {}, SLOW));
    expectNoInternalNames("The sign-off queue");
  });

  it("risk: every tab, framework coverage's evidence included", async () => {
    await settle(<RiskPage />, () => screen.findByTestId("tab-coverage", {}, SLOW));
    for (const tab of ["oversight", "bias", "register", "coverage"]) {
      fireEvent.click(screen.getByTestId(`tab-${tab}`));
      await waitFor(() =>
        expect(document.querySelector("[aria-label^='Loading'], [aria-label^='Working']")).toBeNull(),
      );
      expectNoInternalNames(`The risk page's ${tab} tab`);
    }
  });

  it("pilots: readiness, the blueprint and the pilot", async () => {
    await settle(<PilotsPage />, () => screen.findByTestId("readiness-list", {}, SLOW));
    for (const tab of ["readiness", "blueprint", "pilot"]) {
      fireEvent.click(screen.getByTestId(`pilots-tab-${tab}`));
      await waitFor(() => expect(document.querySelector("[aria-label^='Loading']")).toBeNull(), SLOW);
      expectNoInternalNames(`The pilots page's ${tab} tab`);
    }
  });

  it("registry, data, policies and lineage", async () => {
    for (const [name, ui, ready] of [
      ["The registry", <RegistryPage />, () => screen.findAllByText("claims", {}, SLOW)],
      ["The data page", <DataPage />, () => screen.findByText("Claims archive", {}, SLOW)],
      ["The policies page", <PoliciesPage />, () => screen.findByText("Acceptable data sources", {}, SLOW)],
      ["The lineage page", <LineagePage />, () => screen.findByTestId("lineage-node-DP-1", {}, SLOW)],
    ] as const) {
      const { unmount } = renderWithProviders(ui);
      await ready();
      expectNoInternalNames(name);
      unmount();
    }
  });

  it("dashboard, value and steering: every tab, an open meeting's agenda and a closed one's minutes", async () => {
    respond({
      steering_dashboard: () => dashboard(),
      value_get: () => caseValue(),
      value_chart: () => ROI_SVG,
      scoring_matrix_svg: () => "<svg></svg>",
      person_list: () => [ANA],
      meeting_list: () => MEETINGS,
      meeting_agenda: () => agenda(),
      meeting_minutes: () => CLOSED,
      meeting_backlog: () => [
        backlogItem(),
        backlogItem({ id: "BL-001", status: "authorised", use_case_id: "UC-021" }),
      ],
      steering_checklist: () => CHECKLIST,
      steering_cadence: () => CADENCE,
    });
    for (const [name, ui, ready] of [
      ["The dashboard", <DashboardPage />, () => screen.findByTestId("dashboard-risks", {}, SLOW)],
      ["The value page", <ValuePage />, () => screen.findByTestId("value-months", {}, SLOW)],
    ] as const) {
      const { unmount } = renderWithProviders(ui);
      await ready();
      await waitFor(
        () => expect(document.querySelector("[aria-label^='Loading'], [aria-label^='Drawing']")).toBeNull(),
        SLOW,
      );
      expectNoInternalNames(name);
      unmount();
    }
    await settle(<SteeringPage />, () => screen.findByTestId("agenda-items", {}, SLOW));
    expectNoInternalNames("The steering page's agenda");
    fireEvent.click(screen.getByTestId("meeting-row-MTG-001"));
    await screen.findByTestId("meeting-minutes", {}, SLOW);
    expectNoInternalNames("A meeting's minutes");
    fireEvent.click(screen.getByTestId("steering-tab-backlog"));
    await screen.findByTestId("backlog-tab", {}, SLOW);
    expectNoInternalNames("The steering page's backlog tab");
    for (const page of [<ChecklistPage key="checklist" />, <CadencePage key="cadence" />]) {
      await settle(page, () => screen.findByTestId(`${page.key}-tab`, {}, SLOW));
      expectNoInternalNames(`The ${page.key} page`);
    }
  });
});
