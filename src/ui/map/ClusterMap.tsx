// The cluster map panel: filters on top, the laid-out graph below. Reads the mirror, never the engine.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KObject, ObjectRef } from '../../engine/protocol';
import { FlowCanvas, type BoxRenderer, type FlowBox, type FlowLink } from '../adapters/reactflow';
import { select, useSandbox } from '../store';
import { GroupBox, MapActionsContext, NodeBox, OwnerBox, PodBox, ServiceBox, type MapActions } from './boxes';
import { createLayoutMemory, layoutMap, type MapGraph, type MapNode } from './model';
import { createPeerIndex, revisionColors, setTrafficPrefs, TrafficOverlay, useTraffic } from '../traffic';
import './map.css';

const RENDERERS: Record<string, BoxRenderer> = { node: NodeBox, group: GroupBox, pod: PodBox, service: ServiceBox, owner: OwnerBox };
const OWNER_KINDS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'];
const EMPTY: Readonly<Record<string, KObject>> = {};
/** LEAVE_MS is how long a removed pod stays on the map, fading out. */
const LEAVE_MS = 450;
/** NEW_MS is how long a newly added pod counts as new (its entry animation). */
const NEW_MS = 1500;

const values = (r: Readonly<Record<string, KObject>> | undefined): KObject[] => Object.values(r ?? EMPTY);

/** mapIdOf returns the map box id of an object reference, as layoutMap names boxes. */
export function mapIdOf(ref: ObjectRef): string {
  const key = `${ref.namespace}/${ref.name}`;
  switch (ref.kind) {
    case 'Pod': return `pod:${key}`;
    case 'Node': return `node:${ref.name}`;
    case 'Service': return `svc:${key}`;
    default: return `owner:${ref.kind}:${key}`;
  }
}

function useMapInput() {
  const nodes = useSandbox((s) => s.objects.Node);
  const pods = useSandbox((s) => s.objects.Pod);
  const services = useSandbox((s) => s.objects.Service);
  const endpoints = useSandbox((s) => s.objects.Endpoints);
  const objects = useSandbox((s) => s.objects);
  const ownerMaps = OWNER_KINDS.map((k) => objects[k]);
  // The owner kinds are compared by identity, one by one (a fixed-length dependency list).
  const owners = useMemo(() => ownerMaps.flatMap(values), ownerMaps);
  return useMemo(() => ({ nodes: values(nodes), pods: values(pods), services: values(services), endpoints: values(endpoints), owners }), [nodes, pods, services, endpoints, owners]);
}

function toBox(n: MapNode, extraClass = ''): FlowBox {
  return {
    id: n.id, type: n.kind, x: n.x, y: n.y, width: n.width, height: n.height, parentId: n.parentId, data: n.data,
    className: `map-box map-box--${n.kind}${extraClass}`, zIndex: n.kind === 'pod' ? 3 : n.kind === 'group' ? 2 : 1,
  };
}

/** ClusterMap shows nodes holding their pods, Services linked to endpoints and (optionally) owner chains. */
export function ClusterMap() {
  const input = useMapInput();
  const namespaces = useSandbox((s) => s.objects.Namespace);
  const selection = useSandbox((s) => s.selection);
  const theme = useSandbox((s) => s.theme);
  const [namespace, setNamespace] = useState('');
  const [labels, setLabels] = useState('');
  const [showOwners, setShowOwners] = useState(false);
  const [showServices, setShowServices] = useState(true);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const memory = useRef(createLayoutMemory());

  const graph: MapGraph = useMemo(
    () => layoutMap(input, { namespace, labels, showOwners, showServices, toggled }, memory.current),
    [input, namespace, labels, showOwners, showServices, toggled],
  );

  // Entry and exit animations, for pods that really came or went (not ones a filter hid or showed):
  // remember when each pod first appeared in the mirror, and keep removed pods a moment, fading out.
  const firstSeen = useRef(new Map<string, number>());
  const seeded = useRef(false);
  const fresh = useMemo(() => {
    const now = performance.now();
    const live = new Set<string>();
    for (const p of input.pods) {
      const id = `pod:${p.metadata.namespace ?? ''}/${p.metadata.name}`;
      live.add(id);
      if (!firstSeen.current.has(id)) firstSeen.current.set(id, seeded.current ? now : -Infinity);
    }
    for (const id of [...firstSeen.current.keys()]) if (!live.has(id)) firstSeen.current.delete(id);
    if (input.nodes.length > 0) seeded.current = true;
    const out = new Set<string>();
    for (const [id, t] of firstSeen.current) if (now - t < NEW_MS) out.add(id);
    return out;
  }, [input]);
  const [ghosts, setGhosts] = useState<MapNode[]>([]);
  const previous = useRef<Map<string, MapNode>>(new Map());
  const timers = useRef(new Set<number>());
  useEffect(() => () => { for (const t of timers.current) window.clearTimeout(t); }, []);
  useEffect(() => {
    const current = new Map(graph.nodes.filter((n) => n.kind === 'pod').map((n) => [n.id, n]));
    const inMirror = new Set(input.pods.map((p) => `pod:${p.metadata.namespace ?? ''}/${p.metadata.name}`));
    const gone = [...previous.current.values()].filter((n) => !current.has(n.id) && !inMirror.has(n.id));
    previous.current = current;
    if (!gone.length) return;
    setGhosts((g) => [...g.filter((x) => !current.has(x.id)), ...gone]);
    const t = window.setTimeout(() => { timers.current.delete(t); setGhosts((g) => g.filter((x) => !gone.includes(x))); }, LEAVE_MS);
    timers.current.add(t);
  }, [graph, input.pods]);

  const actions: MapActions = useMemo(() => ({
    toggleGroup: (id) => setToggled((t) => { const n = new Set(t); if (n.has(id)) n.delete(id); else n.add(id); return n; }),
  }), []);

  const boxes = useMemo(() => {
    const live = new Set(graph.nodes.map((n) => n.id));
    const out = graph.nodes.map((n) => toBox(n, fresh.has(n.id) ? ' is-new' : ''));
    for (const g of ghosts) {
      if (live.has(g.id)) continue;
      out.push({ ...toBox({ ...g, parentId: undefined, x: g.abs.x, y: g.abs.y }, ' is-leaving'), zIndex: 4 });
    }
    return out;
  }, [graph, ghosts, fresh]);
  const links: FlowLink[] = useMemo(() => graph.edges.map((e) => ({
    id: e.id, source: e.source, target: e.target, className: `map-edge map-edge--${e.kind}`, up: e.source.startsWith('svc:'),
  })), [graph]);
  const refs = useMemo(() => new Map(graph.nodes.map((n) => [n.id, 'ref' in n.data ? n.data.ref : null])), [graph]);

  // Traffic: traced requests drawn over the boxes, coloured like the groups of their revision.
  const showTraffic = useTraffic((s) => s.showTraffic);
  const showProbes = useTraffic((s) => s.showProbes);
  const peerIndex = useMemo(() => createPeerIndex(
    graph.nodes.map((n) => ({ id: n.id, kind: n.kind, x: n.abs.x, y: n.abs.y, width: n.width, height: n.height })),
    { pods: input.pods, nodes: input.nodes, services: input.services },
  ), [graph, input]);
  const colors = useMemo(() => revisionColors(input.owners.filter((o) => o.kind === 'ReplicaSet')), [input.owners]);

  const onBoxClick = useCallback((id: string) => {
    const ref = refs.get(id);
    if (ref) select(ref);
  }, [refs]);

  const nsNames = useMemo(() => Object.keys(namespaces ?? {}).sort(), [namespaces]);
  const nodeCount = input.nodes.length;
  const [fitKey, setFitKey] = useState(0);
  // Fit once the first snapshot arrives, and whenever the set of nodes or the filters change.
  useEffect(() => { setFitKey((k) => k + 1); }, [nodeCount, namespace, showOwners, showServices]);

  return (
    <section className="cluster-map" aria-label="Cluster map" data-testid="cluster-map">
      <div className="map-toolbar" role="toolbar" aria-label="Map filters">
        <label>
          Namespace{' '}
          <select value={namespace} onChange={(e) => setNamespace(e.target.value)} aria-label="Namespace filter">
            <option value="">all namespaces</option>
            {nsNames.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>
          Labels{' '}
          <input
            type="search" value={labels} placeholder="app=web,tier!=db" spellCheck={false} aria-label="Label filter"
            className={graph.filterError ? 'is-invalid' : ''} title={graph.filterError ?? 'label selector, as kubectl -l'}
            onChange={(e) => setLabels(e.target.value)}
          />
        </label>
        <label><input type="checkbox" checked={showOwners} onChange={(e) => setShowOwners(e.target.checked)} /> Owners</label>
        <label><input type="checkbox" checked={showServices} onChange={(e) => setShowServices(e.target.checked)} /> Services</label>
        <label title="Animate requests (sandbox traffic, curl, …) hop by hop">
          <input type="checkbox" checked={showTraffic} onChange={(e) => setTrafficPrefs({ showTraffic: e.target.checked })} /> Traffic
        </label>
        <label title="Include kubelet probe requests in the animation">
          <input type="checkbox" checked={showProbes} disabled={!showTraffic} onChange={(e) => setTrafficPrefs({ showProbes: e.target.checked })} /> Probes
        </label>
        <button type="button" onClick={() => setFitKey((k) => k + 1)}>Fit</button>
        <span className="map-toolbar__count" aria-live="polite">{graph.visiblePods} pods · {nodeCount} nodes</span>
      </div>
      <div className="map-canvas">
        <MapActionsContext.Provider value={actions}>
          <FlowCanvas
            boxes={boxes}
            links={links}
            renderers={RENDERERS}
            selectedId={selection ? mapIdOf(selection) : null}
            onBoxClick={onBoxClick}
            fitKey={fitKey}
            theme={theme}
            ariaLabel="Cluster map canvas"
            overlay={<TrafficOverlay index={peerIndex} colors={colors} />}
          />
        </MapActionsContext.Provider>
      </div>
    </section>
  );
}
