// The map's box renderers: node containers, pod groups, pod chips, Services and owners. Every
// user-provided string (names, labels, messages) is rendered as a React text node, never as HTML.
import { createContext, memo, useContext, type CSSProperties } from 'react';
import type { GroupData, NodeBoxData, OwnerData, PodData, ServiceData } from './model';
import type { PodTone } from './pod-state';
import { formatCpu, formatMemory } from './resources';

/** MapActions are callbacks the boxes need from the map (React context, so renderers stay constant). */
export interface MapActions { toggleGroup(id: string): void }

/** MapActionsContext provides MapActions to the box renderers. */
export const MapActionsContext = createContext<MapActions>({ toggleGroup: () => {} });

function Bar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="map-bar" title={`${label} requests: ${text} (${pct}%)`}>
      <span className="map-bar__label">{label}</span>
      <span className="map-bar__track"><span className={`map-bar__fill${pct >= 90 ? ' is-high' : ''}`} style={{ width: `${pct}%` }} /></span>
      <span className="map-bar__text">{text}</span>
    </div>
  );
}

/** NodeBox draws a node container's header: name, role, Ready state and request bars. */
export const NodeBox = memo(function NodeBox({ data, selected }: { data: NodeBoxData; selected: boolean }) {
  const ready = data.ready.startsWith('Ready');
  return (
    <div className={`map-node${data.ref ? '' : ' map-node--pending'}${selected ? ' is-selected' : ''}`} data-testid={`map-node-${data.name}`}>
      <div className="map-node__head">
        <span className="map-node__name">{data.name}</span>
        <span className="map-node__role">{data.role}</span>
        {data.ready && <span className={`map-node__ready ${ready ? 'is-ready' : 'is-notready'}`}>{data.ready}</span>}
      </div>
      {data.usage && (
        <div className="map-node__bars">
          <Bar label="CPU" used={data.usage.cpu} total={data.usage.cpuAllocatable} text={`${formatCpu(data.usage.cpu)} / ${formatCpu(data.usage.cpuAllocatable)}`} />
          <Bar label="Mem" used={data.usage.memory} total={data.usage.memoryAllocatable} text={`${formatMemory(data.usage.memory)} / ${formatMemory(data.usage.memoryAllocatable)}`} />
        </div>
      )}
    </div>
  );
});

const TONE_ORDER: PodTone[] = ['running', 'notready', 'creating', 'pending', 'failed', 'completed', 'terminating', 'other'];

/** GroupBox draws a group of pods sharing an owner; collapsed, it shows counts by state instead of chips. */
export const GroupBox = memo(function GroupBox({ data }: { data: GroupData }) {
  const { toggleGroup } = useContext(MapActionsContext);
  return (
    <div className={`map-group${data.collapsed ? ' is-collapsed' : ''}${data.color ? ' has-revision' : ''}`}
      style={data.color ? ({ '--revision-color': data.color } as CSSProperties) : undefined} data-revision-color={data.color}>
      <div className="map-group__head">
        <button
          type="button"
          className="map-group__toggle nodrag"
          aria-expanded={!data.collapsed}
          aria-label={`${data.collapsed ? 'Expand' : 'Collapse'} ${data.label}`}
          onClick={(e) => { e.stopPropagation(); toggleGroup(data.id); }}
        >{data.collapsed ? '▸' : '▾'}</button>
        <span className="map-group__label" title={data.detail}>{data.label}</span>
        <span className="map-group__count">{data.count}</span>
      </div>
      {data.collapsed && (
        <div className="map-group__summary">
          {TONE_ORDER.filter((t) => data.tones[t]).map((t) => (
            <span key={t} className={`map-chip tone-${t}`}>{data.tones[t]} {t}</span>
          ))}
        </div>
      )}
    </div>
  );
});

/** PodBox draws one pod: name, STATUS text, READY and a restart badge, coloured by state. */
export const PodBox = memo(function PodBox({ data, selected }: { data: PodData; selected: boolean }) {
  const v = data.view;
  return (
    <div
      className={`map-pod tone-${v.tone}${selected ? ' is-selected' : ''}`}
      title={`${data.namespace}/${data.name}\n${v.status}  ready ${v.ready}  restarts ${v.restarts}`}
      data-testid={`map-pod-${data.name}`}
      data-status={v.status}
    >
      <div className="map-pod__name">{data.label}</div>
      <div className="map-pod__status">
        <span className="map-pod__dot" />
        <span className="map-pod__text">{v.status}</span>
        <span className="map-pod__ready">{v.ready}</span>
        {v.restarts > 0 && <span className="map-pod__restarts" title={`${v.restarts} restarts`}>↻{v.restarts}</span>}
      </div>
    </div>
  );
});

/** ServiceBox draws a Service: name, type, cluster IP and ports, and how many ready endpoints it has. */
export const ServiceBox = memo(function ServiceBox({ data, selected }: { data: ServiceData; selected: boolean }) {
  return (
    <div className={`map-svc${selected ? ' is-selected' : ''}`} data-testid={`map-svc-${data.name}`} title={`${data.namespace}/${data.name}`}>
      <div className="map-svc__name"><span className="map-kind">svc</span>{data.name}</div>
      <div className="map-svc__detail">{data.type} {data.clusterIP} · {data.ports} · {data.endpoints} ep</div>
    </div>
  );
});

const KIND_ABBR: Record<string, string> = { Deployment: 'deploy', ReplicaSet: 'rs', DaemonSet: 'ds', StatefulSet: 'sts', Job: 'job', CronJob: 'cj', ReplicationController: 'rc' };

/** OwnerBox draws a workload controller (Deployment, ReplicaSet, …) with its ready count. */
export const OwnerBox = memo(function OwnerBox({ data, selected }: { data: OwnerData; selected: boolean }) {
  return (
    <div className={`map-owner${selected ? ' is-selected' : ''}`} title={`${data.kind} ${data.namespace}/${data.name}`}>
      <div className="map-owner__name"><span className="map-kind">{KIND_ABBR[data.kind] ?? data.kind}</span>{data.name}</div>
      <div className="map-owner__detail">{data.status}</div>
    </div>
  );
});
