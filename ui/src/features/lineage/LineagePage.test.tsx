import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { LineageCheck } from "../../bindings/LineageCheck";
import type { LineageGraph } from "../../bindings/LineageGraph";
import { requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { adapterVersion, dataSource } from "../registry/testData";
import { exported, LineagePage } from "./LineagePage";

const version = (id: string, status: AdapterVersion["status"]) =>
  adapterVersion({ id, version: id === "AV-1" ? "1.0.0" : "1.1.0", status });

/** The versions whose graph was asked for, in order. */
const graphsDrawn = () => requestsTo("lineage_graph").map((req) => (req as { id: string }).id);

const graph: LineageGraph = {
  adapter_version_id: "AV-2",
  label: "claims 1.1.0",
  status: "deployed",
  nodes: [
    {
      id: "SRC-1",
      kind: "data_source",
      label: "Claims archive",
      detail: "Guidewire · confidential",
      gap: "no policy accepts this source",
    },
    {
      id: "DP-1",
      kind: "data_pack",
      label: "claims-2026 1.0",
      detail: "1200 records · approved by Ana on 2026-10-01",
      gap: null,
    },
    {
      id: "AV-2",
      kind: "adapter_version",
      label: "claims 1.1.0",
      detail: "deployed · r=16 α=32",
      gap: "no evaluation recorded",
    },
    { id: "DEP-1", kind: "deployment", label: "production", detail: "2026-11-02 · approved by Ben", gap: null },
  ],
  edges: [
    { from: "SRC-1", to: "DP-1" },
    { from: "DP-1", to: "AV-2" },
    { from: "AV-2", to: "DEP-1" },
  ],
  gaps: [
    {
      kind: "unaccepted_source",
      record_id: "SRC-1",
      adapter_version_id: "AV-2",
      message: "claims 1.1.0 was trained on SRC-1 (Claims archive): no policy accepts this source",
      how_to_close: "Name the policy that accepts the source (Data → the source → Accepted under).",
    },
    {
      kind: "no_evaluation",
      record_id: "AV-2",
      adapter_version_id: "AV-2",
      message: "claims 1.1.0 has no evaluation",
      how_to_close: "Import an evaluation of this version (Registry → the version → Import evaluation).",
    },
  ],
};

/** The release check with AV-2 deployed and `gaps` on it. */
const releaseCheck = (gaps: LineageCheck["gaps"]): LineageCheck => ({
  versions_checked: 2,
  deployed_versions: 1,
  versions_with_gaps: gaps.length > 0 ? 1 : 0,
  deployed: [{ adapter_version_id: "AV-2", label: "claims 1.1.0", use_case_id: "UC-001", gap_count: gaps.length }],
  gaps,
});

describe("LineagePage", () => {
  beforeEach(() =>
    respond({
      adapter_version_list: () => [version("AV-1", "candidate"), version("AV-2", "deployed")],
      lineage_graph: () => graph,
      lineage_check: () => releaseCheck([]),
      source_list: () => [dataSource()],
      policy_list: () => [],
    }),
  );

  it("draws the version it was opened on, with gaps flagged on their nodes", async () => {
    renderWithProviders(<LineagePage />, { location: { page: "lineage", param: "AV-2" } });
    const source = await screen.findByTestId("lineage-node-SRC-1");
    expect(graphsDrawn()).toEqual(["AV-2"]);
    expect(source.getAttribute("data-gap")).toBe("true");
    expect(screen.getByTestId("lineage-node-DP-1").getAttribute("data-gap")).toBe("false");
    expect(screen.getByTestId("lineage-node-AV-2").getAttribute("data-gap")).toBe("true");
    expect(screen.getByTestId("lineage-empty-evaluation")).toBeTruthy();
    expect(screen.getByTestId("lineage-gaps").textContent).toContain("claims 1.1.0 has no evaluation");
    expect((await screen.findByTestId("lineage-check-result")).textContent).toBe("1 deployed version checked: no gaps");
  });

  it("opens a node's record on Enter, with its gap and what closes it", async () => {
    renderWithProviders(<LineagePage />, { location: { page: "lineage", param: "AV-2" } });
    fireEvent.keyDown(await screen.findByTestId("lineage-node-SRC-1"), { key: "Enter" });
    const record = await screen.findByTestId("lineage-record");
    expect(await within(record).findByText("No policy accepts this source")).toBeTruthy();
    expect(within(record).getByText("Guidewire")).toBeTruthy();
    expect(within(record).getByTestId("lineage-record-how-to-close").textContent).toBe(
      `To close: ${graph.gaps[0]!.how_to_close}`,
    );
  });

  it("says when nothing is deployed yet", async () => {
    respond({
      lineage_check: () => ({
        versions_checked: 2,
        deployed_versions: 0,
        versions_with_gaps: 0,
        deployed: [],
        gaps: [],
      }),
    });
    renderWithProviders(<LineagePage />);
    const result = await screen.findByTestId("lineage-check-result");
    expect(result.textContent).toContain("Nothing deployed yet");
    expect(screen.queryByTestId("lineage-check-versions")).toBeNull();
  });

  it("counts gaps per deployed version, says how to close each, and links a missing sign-off to its review", async () => {
    respond({
      lineage_check: () =>
        releaseCheck([
          graph.gaps[1]!,
          {
            kind: "no_current_signoff",
            record_id: "UC-001",
            adapter_version_id: "AV-2",
            message: "AV-2 (claims 1.1.0) is deployed without a current sign-off: its use case has no sign-off",
            how_to_close:
              "A compliance officer reviews and signs off the use case as it now stands (Sign-offs → Review).",
          },
        ]),
    });
    const { navigate } = renderWithProviders(<LineagePage />);
    const result = await screen.findByTestId("lineage-check-result");
    expect(result.textContent).toContain("2 gaps in 1 of 1 deployed version");
    expect(screen.getByTestId("lineage-check-gap-count-AV-2").textContent).toBe("2 gaps");
    const close = screen.getAllByTestId("lineage-check-how-to-close").map((e) => e.textContent);
    expect(close).toEqual([
      `To close: ${graph.gaps[1]!.how_to_close}`,
      "To close: A compliance officer reviews and signs off the use case as it now stands (Sign-offs → Review).",
    ]);
    expect(result.textContent).toContain("No current sign-off");
    fireEvent.click(screen.getByTestId("lineage-check-review-UC-001"));
    expect(navigate).toHaveBeenCalledWith("signoffs", "UC-001");
  });

  it("lists release gaps with a link that shows the version", async () => {
    respond({
      lineage_check: () =>
        releaseCheck([{ ...graph.gaps[1]!, message: "AV-2 (claims 1.1.0) is deployed without an evaluation" }]),
    });
    renderWithProviders(<LineagePage />);
    expect(await screen.findByTestId("lineage-node-AV-2")).toBeTruthy();
    expect(graphsDrawn().at(-1)).toBe("AV-1");
    fireEvent.click(await screen.findByTestId("lineage-check-show-AV-2"));
    await waitFor(() => expect(graphsDrawn().at(-1)).toBe("AV-2"));
  });
});

describe("exported", () => {
  it("says what the export wrote: events, size, where, and the file's hash", () => {
    const sha256 = "cd".repeat(32);
    expect(exported({ path: "/tmp/lineage.jsonl", bytes: 1536, sha256, items: 12 })).toBe(
      `12 events (1.5 KiB) written to /tmp/lineage.jsonl; SHA-256 ${sha256}`,
    );
    expect(exported({ path: "/tmp/one.jsonl", bytes: 10, sha256, items: 1 })).toContain("1 event (10 B)");
  });
});
