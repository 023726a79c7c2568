import type { LineageEdge } from "../../bindings/LineageEdge";
import type { LineageNode } from "../../bindings/LineageNode";
import type { NodeKind } from "../../bindings/NodeKind";
import { COLUMN_KINDS, fitText, GEOMETRY, layoutGraph, wrapText } from "./layout";

const node = (id: string, kind: NodeKind, gap: string | null = null): LineageNode => ({
  id,
  kind,
  label: `label of ${id}`,
  detail: `detail of ${id}`,
  gap,
});

// Listed out of column order on purpose: the layout must not depend on the order nodes arrive in.
const nodes: LineageNode[] = [
  node("DEP-1", "deployment"),
  node("EV-1", "evaluation"),
  node("AV-1", "adapter_version"),
  node("SRC-1", "data_source"),
  node("SRC-2", "data_source", "no policy accepts this source"),
  node("SRC-3", "data_source"),
  node("DP-1", "data_pack", "not approved by compliance"),
  node("DP-2", "data_pack"),
  node("EV-2", "evaluation"),
];
const edges: LineageEdge[] = [
  { from: "SRC-1", to: "DP-1" },
  { from: "SRC-2", to: "DP-1" },
  { from: "SRC-3", to: "DP-2" },
  { from: "DP-1", to: "AV-1" },
  { from: "DP-2", to: "AV-1" },
  { from: "AV-1", to: "EV-1" },
  { from: "AV-1", to: "EV-2" },
  { from: "AV-1", to: "DEP-1" },
];

describe("lineage layout", () => {
  const layout = layoutGraph(nodes, edges);
  const at = (id: string) => layout.nodes.find((p) => p.node.id === id)!;

  it("places the columns left to right in data-flow order", () => {
    expect(layout.columns.map((c) => c.kind)).toEqual(COLUMN_KINDS);
    for (let i = 1; i < layout.columns.length; i++) {
      expect(layout.columns[i]!.x).toBeGreaterThanOrEqual(layout.columns[i - 1]!.x + GEOMETRY.nodeWidth);
    }
    for (const p of layout.nodes) {
      expect(p.x).toBe(layout.columns[COLUMN_KINDS.indexOf(p.node.kind)]!.x);
    }
    expect(at("SRC-1").x).toBeLessThan(at("DP-1").x);
    expect(at("DP-1").x).toBeLessThan(at("AV-1").x);
    expect(at("AV-1").x).toBeLessThan(at("EV-1").x);
    expect(at("EV-1").x).toBeLessThan(at("DEP-1").x);
  });

  it("stacks a column's nodes without overlap, gap text included", () => {
    for (const kind of COLUMN_KINDS) {
      const column = layout.nodes.filter((p) => p.node.kind === kind).sort((a, b) => a.y - b.y);
      for (let i = 1; i < column.length; i++) {
        expect(column[i]!.y).toBeGreaterThanOrEqual(column[i - 1]!.bottom);
      }
      for (const p of column) {
        expect(p.bottom).toBeGreaterThanOrEqual(p.y + p.height);
        if (p.node.gap) expect(p.bottom).toBeGreaterThan(p.y + p.height);
      }
    }
  });

  it("keeps every node and edge inside the drawing", () => {
    expect(layout.nodes).toHaveLength(nodes.length);
    for (const p of layout.nodes) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(GEOMETRY.header);
      expect(p.x + p.width).toBeLessThanOrEqual(layout.width);
      expect(p.bottom).toBeLessThanOrEqual(layout.height);
    }
    for (const e of layout.edges) {
      expect(e.end.y).toBeLessThanOrEqual(layout.height);
    }
  });

  it("runs edges from a node's right side to the next node's left side", () => {
    expect(layout.edges).toHaveLength(edges.length);
    for (const e of layout.edges) {
      const from = at(e.from);
      const to = at(e.to);
      expect(e.start).toEqual({ x: from.x + from.width, y: from.y + from.height / 2 });
      expect(e.end).toEqual({ x: to.x, y: to.y + to.height / 2 });
      expect(e.d.startsWith(`M ${e.start.x} ${e.start.y}`)).toBe(true);
      expect(e.d.endsWith(`${e.end.x} ${e.end.y}`)).toBe(true);
    }
  });

  it("puts each source beside the pack it went into", () => {
    const crossing = layoutGraph(
      [
        node("SRC-1", "data_source"),
        node("SRC-2", "data_source"),
        node("SRC-3", "data_source"),
        node("DP-1", "data_pack"),
        node("DP-2", "data_pack"),
      ],
      [
        { from: "SRC-1", to: "DP-1" },
        { from: "SRC-2", to: "DP-2" },
        { from: "SRC-3", to: "DP-1" },
      ],
    );
    const order = crossing.nodes
      .filter((p) => p.node.kind === "data_source")
      .sort((a, b) => a.y - b.y)
      .map((p) => p.node.id);
    expect(order).toEqual(["SRC-1", "SRC-3", "SRC-2"]);
  });

  it("routes an edge that skips a column below that column's nodes", () => {
    const deploy = layout.edges.find((e) => e.to === "DEP-1")!;
    const lowestEvaluation = Math.max(...layout.nodes.filter((p) => p.node.kind === "evaluation").map((p) => p.bottom));
    const laneY = Number(deploy.d.split(" L ")[1]!.split(" ")[1]);
    expect(laneY).toBeGreaterThan(lowestEvaluation);
    expect(laneY).toBeLessThanOrEqual(layout.height);
  });

  it("shows an empty column as a placeholder box and skips edges to missing nodes", () => {
    const lonely = layoutGraph(
      [node("AV-1", "adapter_version", "no data pack and no evaluation recorded")],
      [{ from: "DP-9", to: "AV-1" }],
    );
    expect(lonely.columns.filter((c) => c.placeholder !== null).map((c) => c.kind)).toEqual([
      "data_source",
      "data_pack",
      "evaluation",
      "deployment",
    ]);
    expect(lonely.columns[2]!.placeholder).toBeNull();
    expect(lonely.edges).toEqual([]);
  });
});

describe("fitText", () => {
  it("keeps short text and cuts long text with an ellipsis", () => {
    expect(fitText("short", 100, 6)).toEqual({ shown: "short", cut: false });
    const cut = fitText("a rather long adapter label that will not fit", 60, 6);
    expect(cut.cut).toBe(true);
    expect(cut.shown.length).toBeLessThanOrEqual(10);
    expect(cut.shown.endsWith("…")).toBe(true);
  });
});

describe("wrapText", () => {
  it("breaks at spaces onto the allowed lines and cuts only what is left over", () => {
    expect(wrapText("1200 records", 100, 6, 2)).toEqual({ shown: ["1200 records"], cut: false });
    const wrapped = wrapText("1200 records · approved by Ana Lopes on 2026-10-01", 120, 6, 2);
    expect(wrapped.shown).toHaveLength(2);
    expect(wrapped.shown[0]).toBe("1200 records ·");
    for (const line of wrapped.shown) expect(line.length).toBeLessThanOrEqual(20);
    expect(wrapped.cut).toBe(true);
    expect(wrapped.shown[1]!.endsWith("…")).toBe(true);
  });

  it("cuts a word longer than a line rather than overflowing", () => {
    const wrapped = wrapText("mistralai/Mistral-7B-Instruct-v0.3-with-a-long-suffix", 60, 6, 2);
    expect(wrapped.shown).toHaveLength(2);
    expect(wrapped.shown[0]).toHaveLength(10);
    expect(wrapped.shown[1]!.length).toBeLessThanOrEqual(10);
  });
});
