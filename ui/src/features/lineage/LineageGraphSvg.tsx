// Draws one version's lineage as an inline SVG from the pure layout: column titles, curved edges
// with arrowheads, and nodes as rounded boxes (red where the record has a gap). A node is a button:
// click or Enter opens its record.
import { useId, type KeyboardEvent } from "react";
import type { LineageGraph } from "../../bindings/LineageGraph";
import type { LineageNode } from "../../bindings/LineageNode";
import { fitText, GEOMETRY, layoutGraph, type PlacedNode, wrapText } from "./layout";

const INSET = 10;
const COLOR = {
  stroke: "var(--mantine-color-gray-5)",
  version: "var(--mantine-color-blue-6)",
  versionFill: "var(--mantine-color-blue-0)",
  gap: "var(--mantine-color-red-7)",
  gapFill: "var(--mantine-color-red-0)",
  text: "var(--mantine-color-gray-9)",
  muted: "var(--mantine-color-gray-6)",
  edge: "var(--mantine-color-gray-5)",
  selected: "var(--mantine-color-blue-8)",
};

// About 0.56 em per character for the UI's sans-serif; bold runs a little wider.
const charWidth = (size: number, bold: boolean) => size * (bold ? 0.62 : 0.56);

function Line({
  text,
  x,
  y,
  size,
  weight,
  color,
  width,
}: {
  text: string;
  x: number;
  y: number;
  size: number;
  weight?: number;
  color: string;
  width: number;
}) {
  const { shown } = fitText(text, width, charWidth(size, weight !== undefined));
  return (
    <text x={x} y={y} fontSize={size} fontWeight={weight} fill={color}>
      {shown}
    </text>
  );
}

function Node({ p, selected, onOpen }: { p: PlacedNode; selected: boolean; onOpen: (n: LineageNode) => void }) {
  const n = p.node;
  const isVersion = n.kind === "adapter_version";
  const stroke = n.gap ? COLOR.gap : selected ? COLOR.selected : isVersion ? COLOR.version : COLOR.stroke;
  const fill = n.gap ? COLOR.gapFill : isVersion ? COLOR.versionFill : "white";
  const textColor = n.gap ? COLOR.gap : COLOR.text;
  const inner = p.width - 2 * INSET;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onOpen(n);
    }
  };
  return (
    <g
      data-testid={`lineage-node-${n.id}`}
      data-gap={n.gap ? "true" : "false"}
      role="button"
      tabIndex={0}
      aria-label={`${n.id} ${n.label}${n.gap ? `: ${n.gap}` : ""}`}
      onClick={() => onOpen(n)}
      onKeyDown={onKey}
      style={{ cursor: "pointer" }}
    >
      <title>{[`${n.id} · ${n.label}`, n.detail, n.gap].filter(Boolean).join("\n")}</title>
      <rect
        x={p.x}
        y={p.y}
        width={p.width}
        height={p.height}
        rx={8}
        fill={fill}
        stroke={stroke}
        strokeWidth={selected || n.gap ? 2 : 1.25}
      />
      <Line text={n.id} x={p.x + INSET} y={p.y + 15} size={10} color={n.gap ? COLOR.gap : COLOR.muted} width={inner} />
      <Line text={n.label} x={p.x + INSET} y={p.y + 32} size={12} weight={600} color={textColor} width={inner} />
      {wrapText(n.detail, inner, charWidth(11, false), 2).shown.map((line, i) => (
        <text key={i} x={p.x + INSET} y={p.y + 49 + i * 14} fontSize={11} fill={n.gap ? COLOR.gap : COLOR.muted}>
          {line}
        </text>
      ))}
      {n.gap && (
        <Line
          text={n.gap}
          x={p.x + 2}
          y={p.y + p.height + 13}
          size={11}
          weight={600}
          color={COLOR.gap}
          width={p.width - 4}
        />
      )}
    </g>
  );
}

export function LineageGraphSvg({
  graph,
  selectedId,
  onOpen,
}: {
  graph: LineageGraph;
  selectedId: string | null;
  onOpen: (n: LineageNode) => void;
}) {
  const layout = layoutGraph(graph.nodes, graph.edges);
  const arrow = `lineage-arrow-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      style={{ maxWidth: layout.width, display: "block", fontFamily: "var(--mantine-font-family)" }}
      role="img"
      aria-label={`Lineage of ${graph.label}`}
      data-testid="lineage-graph"
    >
      <defs>
        <marker
          id={arrow}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill={COLOR.edge} />
        </marker>
      </defs>
      {layout.columns.map((c) => (
        <g key={c.kind}>
          <text
            x={c.x + GEOMETRY.nodeWidth / 2}
            y={GEOMETRY.padding + 12}
            textAnchor="middle"
            fontSize={12}
            fontWeight={600}
            fill={COLOR.muted}
          >
            {c.title}
          </text>
          {c.placeholder && (
            <g data-testid={`lineage-empty-${c.kind}`}>
              <rect {...c.placeholder} rx={8} fill="none" stroke={COLOR.stroke} strokeDasharray="4 4" />
              <text
                x={c.placeholder.x + c.placeholder.width / 2}
                y={c.placeholder.y + c.placeholder.height / 2 + 4}
                textAnchor="middle"
                fontSize={12}
                fill={COLOR.muted}
                fontStyle="italic"
              >
                none
              </text>
            </g>
          )}
        </g>
      ))}
      {layout.edges.map((e) => (
        <path
          key={`${e.from}->${e.to}`}
          d={e.d}
          fill="none"
          stroke={COLOR.edge}
          strokeWidth={1.5}
          markerEnd={`url(#${arrow})`}
        />
      ))}
      {layout.nodes.map((p) => (
        <Node key={p.node.id} p={p} selected={p.node.id === selectedId} onOpen={onOpen} />
      ))}
    </svg>
  );
}
