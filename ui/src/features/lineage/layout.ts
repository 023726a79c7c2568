// Where each lineage node goes in the drawing: one column per record kind, left to right in the
// order data flows (source → pack → version → evaluation → deployment), each column's nodes
// stacked and centred vertically, and edges as curves from one node's right side to the next's
// left side. Pure geometry, so it can be tested without rendering.
import type { LineageEdge } from "../../bindings/LineageEdge";
import type { LineageNode } from "../../bindings/LineageNode";
import type { NodeKind } from "../../bindings/NodeKind";

export const COLUMN_KINDS: readonly NodeKind[] = [
  "data_source",
  "data_pack",
  "adapter_version",
  "evaluation",
  "deployment",
];

export const COLUMN_TITLE: Record<NodeKind, string> = {
  data_source: "Data sources",
  data_pack: "Data packs",
  adapter_version: "Adapter version",
  evaluation: "Evaluations",
  deployment: "Deployments",
};

export const GEOMETRY = {
  nodeWidth: 168,
  /** Room for the id, the label and two lines of detail. */
  nodeHeight: 72,
  /** Height of the muted "none" box of an empty column. */
  placeholderHeight: 34,
  columnGap: 36,
  rowGap: 16,
  /** Room under a node for its gap text. */
  gapLine: 16,
  /** Room above the nodes for the column titles. */
  header: 28,
  padding: 12,
  /** How far below the columns it passes an edge that skips a column (version → deployment). */
  bypassMargin: 14,
};

export type Geometry = typeof GEOMETRY;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Box {
  node: LineageNode;
  column: number;
  /** The bottom of what the node occupies: its box, plus its gap text when it has a gap. */
  bottom: number;
}

export interface Column {
  kind: NodeKind;
  title: string;
  x: number;
  /** The muted box drawn when the column has no node. */
  placeholder: Box | null;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
  start: { x: number; y: number };
  end: { x: number; y: number };
}

export interface Layout {
  width: number;
  height: number;
  columns: Column[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function layoutGraph(
  nodes: readonly LineageNode[],
  edges: readonly LineageEdge[],
  g: Geometry = GEOMETRY,
): Layout {
  const columnX = (i: number) => g.padding + i * (g.nodeWidth + g.columnGap);
  const slot = (n: LineageNode) => g.nodeHeight + (n.gap ? g.gapLine : 0);
  const stacks = COLUMN_KINDS.map((kind) => nodes.filter((n) => n.kind === kind));
  stacks[0] = besideTargets(stacks[0] ?? [], stacks[1] ?? [], edges);
  const stackHeight = (members: LineageNode[]) =>
    members.length === 0
      ? g.placeholderHeight
      : members.reduce((sum, n) => sum + slot(n), 0) + g.rowGap * (members.length - 1);
  const tallest = Math.max(...stacks.map(stackHeight));
  const top = g.padding + g.header;

  const placed: PlacedNode[] = [];
  const columns: Column[] = COLUMN_KINDS.map((kind, i) => {
    const members = stacks[i] ?? [];
    const x = columnX(i);
    let y = top + (tallest - stackHeight(members)) / 2;
    for (const node of members) {
      placed.push({ node, column: i, x, y, width: g.nodeWidth, height: g.nodeHeight, bottom: y + slot(node) });
      y += slot(node) + g.rowGap;
    }
    const placeholder = members.length === 0 ? { x, y, width: g.nodeWidth, height: g.placeholderHeight } : null;
    return { kind, title: COLUMN_TITLE[kind], x, placeholder };
  });

  const byId = new Map(placed.map((p) => [p.node.id, p]));
  const columnBottom = (i: number) => {
    const c = columns[i];
    if (c?.placeholder) return c.placeholder.y + c.placeholder.height;
    return Math.max(top, ...placed.filter((p) => p.column === i).map((p) => p.bottom));
  };
  const bend = g.columnGap / 2;
  let lowest = top + tallest;
  const placedEdges: PlacedEdge[] = [];
  for (const edge of edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) continue;
    const start = { x: from.x + from.width, y: from.y + from.height / 2 };
    const end = { x: to.x, y: to.y + to.height / 2 };
    let d: string;
    if (to.column - from.column <= 1) {
      d = `M ${start.x} ${start.y} C ${start.x + bend} ${start.y}, ${end.x - bend} ${end.y}, ${end.x} ${end.y}`;
    } else {
      // Pass under the columns in between rather than through their nodes, so the edge cannot be
      // read as going through them.
      const skipped = Array.from({ length: to.column - from.column - 1 }, (_, k) => from.column + 1 + k);
      const laneY = Math.max(...skipped.map(columnBottom)) + g.bypassMargin;
      const enter = columnX(from.column + 1);
      const leave = columnX(to.column - 1) + g.nodeWidth;
      d =
        `M ${start.x} ${start.y} C ${start.x + bend} ${start.y}, ${enter - bend} ${laneY}, ${enter} ${laneY} ` +
        `L ${leave} ${laneY} C ${leave + bend} ${laneY}, ${end.x - bend} ${end.y}, ${end.x} ${end.y}`;
      lowest = Math.max(lowest, laneY);
    }
    placedEdges.push({ from: edge.from, to: edge.to, d, start, end });
  }

  return {
    width: columnX(COLUMN_KINDS.length - 1) + g.nodeWidth + g.padding,
    height: lowest + g.padding,
    columns,
    nodes: placed,
    edges: placedEdges,
  };
}

/**
 * Orders a column's nodes by the mean position of the nodes they feed in the next column, so a
 * source sits beside the pack it went into and edges cross less. Stable for ties.
 */
function besideTargets(column: LineageNode[], next: LineageNode[], edges: readonly LineageEdge[]): LineageNode[] {
  const position = new Map(next.map((n, i) => [n.id, i]));
  const key = (n: LineageNode) => {
    const targets = edges.filter((e) => e.from === n.id).flatMap((e) => position.get(e.to) ?? []);
    return targets.length === 0 ? Number.POSITIVE_INFINITY : targets.reduce((a, b) => a + b, 0) / targets.length;
  };
  return column
    .map((n, i) => ({ n, i, k: key(n) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map(({ n }) => n);
}

/** Cuts `text` to what fits in `width` pixels at about `charWidth` per character, marking the cut. */
export function fitText(text: string, width: number, charWidth: number): { shown: string; cut: boolean } {
  const max = Math.max(1, Math.floor(width / charWidth));
  if (text.length <= max) return { shown: text, cut: false };
  return { shown: `${text.slice(0, max - 1).trimEnd()}…`, cut: true };
}

/**
 * Breaks `text` at spaces into at most `lines` lines that fit in `width`; whatever is left over
 * is cut from the last line, marked with an ellipsis.
 */
export function wrapText(
  text: string,
  width: number,
  charWidth: number,
  lines: number,
): { shown: string[]; cut: boolean } {
  const max = Math.max(1, Math.floor(width / charWidth));
  const shown: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && shown.length < lines - 1) {
    if (rest.length <= max) break;
    const space = rest.lastIndexOf(" ", max);
    const end = space > 0 ? space : max;
    shown.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  const last = fitText(rest, width, charWidth);
  if (last.shown.length > 0) shown.push(last.shown);
  return { shown, cut: last.cut };
}
