import { useMemo, useRef, useState } from 'react';
import { podView } from '../map';
import { TrafficControl } from '../traffic';
import { controlTime, runInTerminal, useSandbox, type ObjectMirror } from '../store';
import { autoSelect, deploymentEntries, rolloutView, type RolloutReplicaSet, type RolloutView } from './model';
import './rollout.css';

/** NO_OBJECTS stands in for the mirror while the tab is hidden. */
const NO_OBJECTS: ObjectMirror = {};

/** SLOW_SPEEDS are the speed buttons the panel offers for watching a rollout. */
const SLOW_SPEEDS: readonly number[] = [0.25, 0.5, 1];

/** RolloutPanel is the instructor view of a Deployment rollout: old and new ReplicaSets side by side with their budget and controls. */
export function RolloutPanel() {
  // Hidden tabs stay mounted: read the mirror only while the tab is shown.
  const objects = useSandbox((s) => (s.rightTab === 'rollout' ? s.objects : NO_OBJECTS));
  const busy = useSandbox((s) => s.busy);
  const ready = useSandbox((s) => s.connection === 'ready');
  const speed = useSandbox((s) => s.time.speed);
  const [chosen, setChosen] = useState<string | null>(null);
  const last = useRef<string | null>(null);
  const entries = useMemo(() => deploymentEntries(objects), [objects]);
  const id = autoSelect(entries, chosen, last.current);
  if (id) last.current = id;
  const deploy = id ? objects.Deployment?.[id] : undefined;
  const view = useMemo(() => (deploy ? rolloutView(deploy, objects) : null), [deploy, objects]);

  const target = view ? `deployment/${view.name}${view.namespace && view.namespace !== 'default' ? ` -n ${view.namespace}` : ''}` : '';
  return (
    <div className="rollout-panel" data-testid="rollout-panel">
      <div className="rollout-toolbar">
        <label>
          <span>Deployment</span>
          <select aria-label="Deployment" value={id ?? ''} disabled={entries.length === 0} onChange={(e) => setChosen(e.target.value || null)}>
            {entries.length === 0 && <option value="">none</option>}
            {entries.map((e) => <option key={e.id} value={e.id}>{e.id}{e.complete ? '' : ' (rolling)'}</option>)}
          </select>
        </label>
      </div>
      {!view ? <p className="rollout-empty">No Deployments yet. Try <code>kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=3</code>.</p> : (
        <>
          <Summary view={view} />
          <div className="rollout-controls" role="group" aria-label="Rollout controls">
            <button type="button" disabled={!ready || busy || view.paused} onClick={() => runInTerminal(`kubectl rollout pause ${target}`)}
              aria-label="Pause rollout" title={`kubectl rollout pause ${target}`}>Pause rollout</button>
            <button type="button" disabled={!ready || busy || !view.paused} onClick={() => runInTerminal(`kubectl rollout resume ${target}`)}
              aria-label="Resume rollout" title={`kubectl rollout resume ${target}`}>Resume rollout</button>
            <span className="rollout-sep" aria-hidden="true" />
            {SLOW_SPEEDS.map((s) => (
              <button key={s} type="button" disabled={!ready} aria-pressed={speed === s} aria-label={`Speed ${s}×`}
                onClick={() => controlTime({ type: 'speed', speed: s })}>{s}×</button>
            ))}
            <button type="button" disabled={!ready} aria-label="Step 1 second" onClick={() => controlTime({ type: 'step', ms: 1000 })}>+1 s</button>
          </div>
          {deploy && <TrafficControl deploy={deploy} objects={objects} />}
          <div className="rollout-sets">
            {[...view.replicaSets].reverse().map((rs) => <ReplicaSetCard key={rs.name} rs={rs} />)}
          </div>
        </>
      )}
    </div>
  );
}

/** Summary shows the rollout's state and its surge/unavailable budget. */
function Summary({ view }: { view: RolloutView }) {
  const b = view.budget;
  const state = view.paused ? 'paused' : view.complete ? 'complete' : 'rolling';
  return (
    <div className="rollout-summary" data-testid="rollout-summary" data-state={state}>
      <div className="rollout-title">
        <strong>deployment/{view.name}</strong>
        <span className={`rollout-state is-${state}`}>{state}</span>
        <span className="rollout-strategy">{b.strategy}</span>
      </div>
      {b.strategy === 'Recreate' ? (
        <p className="rollout-budget">pods: {view.pods} · available: {view.available} of {b.replicas} (Recreate: old pods go before new ones start)</p>
      ) : (
        <ul className="rollout-budget" aria-label="Rolling update budget">
          <li data-testid="rollout-surge" data-over={view.pods > b.maxPods || undefined}>
            <Meter value={view.pods} max={b.maxPods} label="pods" />
            pods: {view.pods} of max {b.maxPods} (surge +{b.maxSurge})
          </li>
          <li data-testid="rollout-available" data-under={view.available < b.minAvailable || undefined}>
            <Meter value={view.available} max={Math.max(b.replicas, 1)} mark={b.minAvailable} label="available" />
            available: {view.available} of min {b.minAvailable} ({b.replicas} − {b.maxUnavailable} unavailable)
          </li>
          <li>updated: {view.updated} of {b.replicas}</li>
        </ul>
      )}
    </div>
  );
}

/** Meter draws a small bar (decorative; the numbers are in the text beside it). */
function Meter({ value, max, mark, label }: { value: number; max: number; mark?: number; label: string }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <span className={`rollout-meter rollout-meter--${label}`} aria-hidden="true">
      <span className="rollout-meter__fill" style={{ width: `${pct}%` }} />
      {mark !== undefined && max > 0 && <span className="rollout-meter__mark" style={{ left: `${(mark / max) * 100}%` }} />}
    </span>
  );
}

/** ReplicaSetCard shows one ReplicaSet: revision, counts and its pods marked with the revision. */
function ReplicaSetCard({ rs }: { rs: RolloutReplicaSet }) {
  const rev = rs.revision || '?';
  return (
    <section className={`rollout-rs ${rs.isNew ? 'is-new' : 'is-old'}`} data-testid={`rollout-rs-${rev}`} aria-label={`ReplicaSet ${rs.name}, revision ${rev}`}
      data-desired={rs.desired} data-current={rs.current} data-ready={rs.ready} data-available={rs.available}>
      <header>
        <span className="rollout-rev">revision {rev}</span>
        <span className="rollout-age">{rs.isNew ? 'new' : 'old'}</span>
      </header>
      <div className="rollout-rs-name" title={rs.name}>{rs.name}</div>
      <div className="rollout-image" title={rs.image}>{rs.image}</div>
      <dl className="rollout-counts">
        <div><dt>desired</dt><dd>{rs.desired}</dd></div>
        <div><dt>current</dt><dd>{rs.current}</dd></div>
        <div><dt>ready</dt><dd>{rs.ready}</dd></div>
        <div><dt>available</dt><dd>{rs.available}</dd></div>
      </dl>
      <ul className="rollout-pods" aria-label={`Pods of revision ${rev}`}>
        {rs.pods.length === 0 && <li className="rollout-nopods">no pods</li>}
        {rs.pods.map((p) => {
          const v = podView(p.obj);
          return (
            <li key={p.name} className={`rollout-pod tone-${v.tone}`} data-testid={`rollout-pod-${p.name}`} data-revision={p.revision} data-status={v.status}
              title={`${p.name}: ${v.status} ${v.ready}`}>
              <span className="rollout-pod__rev">r{rev}</span>
              <span className="rollout-pod__name">{p.name.slice(p.name.lastIndexOf('-') + 1)}</span>
              <span className="rollout-pod__status">{v.status}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
