// The one file that imports React Flow (@xyflow/react): a read-only canvas of positioned boxes and
// edges. Callers describe boxes with plain data and render their content with ordinary components;
// this adapter adds the connection handles, pan/zoom, fit-to-view, the minimap and the controls.
import { memo, useEffect, useMemo, type ComponentType, type ReactNode } from 'react';
import {
  Background, Controls, Handle, MiniMap, Position, ReactFlow, ReactFlowProvider, useReactFlow, ViewportPortal,
  type Edge, type Node, type NodeProps, type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';

/** FlowBox is one positioned box; position is relative to parentId when set. */
export interface FlowBox<D = unknown> {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parentId?: string;
  data: D;
  className?: string;
  zIndex?: number;
}

/** FlowLink is an edge; `up` draws it from the source's top to the target's bottom (a box below its target). */
export interface FlowLink { id: string; source: string; target: string; className?: string; up?: boolean; animated?: boolean }

/** BoxRenderer draws one box's content. */
export type BoxRenderer = ComponentType<{ id: string; data: any; selected: boolean }>;

/** FlowCanvasProps configure FlowCanvas. */
export interface FlowCanvasProps {
  boxes: readonly FlowBox[];
  links: readonly FlowLink[];
  /** renderers by box type; pass a constant object (its identity keys React Flow's node types). */
  renderers: Readonly<Record<string, BoxRenderer>>;
  selectedId?: string | null;
  onBoxClick?(id: string, type: string): void;
  onPaneClick?(): void;
  /** fitKey: whenever it changes the view fits all boxes again. */
  fitKey?: string | number;
  ariaLabel: string;
  theme?: 'dark' | 'light';
  /** overlay is drawn above the boxes in flow coordinates (it pans and zooms with them); it should not take pointer events. */
  overlay?: ReactNode;
}

const handleStyle = { opacity: 0, pointerEvents: 'none' as const, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

function withHandles(Render: BoxRenderer): ComponentType<NodeProps> {
  const Wrapped = (props: NodeProps) => (
    <>
      <Handle type="target" position={Position.Top} id="t" style={handleStyle} isConnectable={false} />
      <Handle type="target" position={Position.Bottom} id="b" style={handleStyle} isConnectable={false} />
      <Render id={props.id} data={props.data} selected={!!props.selected} />
      <Handle type="source" position={Position.Bottom} id="b" style={handleStyle} isConnectable={false} />
      <Handle type="source" position={Position.Top} id="t" style={handleStyle} isConnectable={false} />
    </>
  );
  return memo(Wrapped);
}

const typeCache = new WeakMap<object, NodeTypes>();

function nodeTypesFor(renderers: Readonly<Record<string, BoxRenderer>>): NodeTypes {
  let t = typeCache.get(renderers);
  if (!t) {
    t = Object.fromEntries(Object.entries(renderers).map(([k, r]) => [k, withHandles(r)]));
    typeCache.set(renderers, t);
  }
  return t;
}

function FitOnKey({ fitKey }: { fitKey?: string | number }) {
  const flow = useReactFlow();
  useEffect(() => {
    // Wait a frame so freshly added boxes are measured before fitting.
    const id = requestAnimationFrame(() => { void flow.fitView({ padding: 0.08, duration: 250 }); });
    return () => cancelAnimationFrame(id);
  }, [fitKey, flow]);
  return null;
}

function Canvas(props: FlowCanvasProps) {
  const nodeTypes = nodeTypesFor(props.renderers);
  const nodes = useMemo<Node[]>(() => props.boxes.map((b) => ({
    id: b.id, type: b.type, position: { x: b.x, y: b.y }, parentId: b.parentId, data: b.data as Record<string, unknown>,
    width: b.width, height: b.height, style: { width: b.width, height: b.height }, className: b.className,
    selected: b.id === props.selectedId, draggable: false, connectable: false, zIndex: b.zIndex,
  })), [props.boxes, props.selectedId]);
  const edges = useMemo<Edge[]>(() => props.links.map((l) => ({
    id: l.id, source: l.source, target: l.target, className: l.className, animated: l.animated,
    sourceHandle: l.up ? 't' : 'b', targetHandle: l.up ? 'b' : 't', selectable: false, focusable: false,
  })), [props.links]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      onlyRenderVisibleElements
      minZoom={0.05}
      maxZoom={2}
      fitView
      fitViewOptions={{ padding: 0.08 }}
      proOptions={{ hideAttribution: true }}
      colorMode={props.theme ?? 'dark'}
      aria-label={props.ariaLabel}
      onNodeClick={(_, n) => props.onBoxClick?.(n.id, n.type ?? '')}
      onPaneClick={() => props.onPaneClick?.()}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap pannable zoomable position="bottom-right" nodeStrokeWidth={2} style={{ width: 150, height: 100 }} nodeClassName={(n) => `minimap-${n.type ?? ''}`} />
      <FitOnKey fitKey={props.fitKey} />
      {props.overlay && <ViewportPortal>{props.overlay}</ViewportPortal>}
    </ReactFlow>
  );
}

/** FlowCanvas renders boxes and links on a pannable, zoomable canvas (read-only: boxes cannot be dragged). */
export function FlowCanvas(props: FlowCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
