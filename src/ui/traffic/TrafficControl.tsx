// The Rollout tab's traffic section: start/stop the generator against a Service with a rate slider,
// and live shares of answers per version and per pod (the instructor's rollout demo). Commands are
// typed into the terminal, so the audience sees them and they are replayed after a reload.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KObject } from '../../engine/protocol';
import { runInTerminal, useSandbox } from '../store';
import { revisionColors } from './colors';
import { useTraffic } from './feed';
import { generatorFor, podBars, servicesFor, trafficCommand, versionBars, type ShareBar } from './shares';
import './traffic.css';

const EMPTY: Readonly<Record<string, KObject>> = {};

/** TrafficControl is the traffic section for the Deployment deploy (its namespace and pod labels pick the Service). */
export function TrafficControl({ deploy, objects }: { deploy: KObject; objects: Readonly<Record<string, Readonly<Record<string, KObject>>>> }) {
  const namespace = deploy.metadata.namespace ?? 'default';
  const podLabels = ((deploy as Record<string, any>).spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
  const services = useMemo(() => servicesFor(Object.values(objects.Service ?? EMPTY), namespace, podLabels), [objects.Service, namespace, podLabels]);
  const generators = useTraffic((s) => s.generators);
  const busy = useSandbox((s) => s.busy);
  const ready = useSandbox((s) => s.connection === 'ready');
  const [chosen, setChosen] = useState<string | null>(null);
  const service = chosen && services.includes(chosen) ? chosen : services[0];
  const stats = service ? generatorFor(generators, namespace, service) : undefined;
  const [rps, setRps] = useState(5);
  const colors = useMemo(() => revisionColors(Object.values(objects.ReplicaSet ?? EMPTY)), [objects.ReplicaSet]);

  // While running, a moved slider re-rates the generator once the hand rests (one command, not fifty).
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  const onRate = (v: number) => {
    setRps(v);
    window.clearTimeout(pending.current);
    pending.current = undefined;
    if (stats && service) pending.current = window.setTimeout(() => { pending.current = undefined; runInTerminal(trafficCommand(namespace, service, v)); }, 500);
  };
  // A rate changed from the terminal shows on the slider.
  const runningRate = stats?.rps;
  useEffect(() => { if (runningRate !== undefined && pending.current === undefined) setRps(runningRate); }, [runningRate]);

  const versions = stats ? versionBars(stats, colors) : [];
  const pods = stats ? podBars(stats, colors) : [];
  return (
    <section className="traffic-panel" aria-label="Traffic" data-testid="traffic-panel">
      <div className="traffic-controls" role="group" aria-label="Traffic generator">
        <label>
          <span>Traffic to</span>
          <select aria-label="Service" value={service ?? ''} disabled={!services.length} onChange={(e) => setChosen(e.target.value || null)}>
            {!services.length && <option value="">no Service</option>}
            {services.map((s) => <option key={s} value={s}>svc/{s}</option>)}
          </select>
        </label>
        <label className="traffic-rate">
          <input type="range" min={1} max={50} step={1} value={rps} aria-label="Requests per second"
            onChange={(e) => onRate(Number(e.target.value))} />
          <span className="traffic-rate__value">{rps}/s</span>
        </label>
        {stats ? (
          <button type="button" disabled={!ready || busy} onClick={() => runInTerminal(`sandbox traffic stop ${stats.id}`)}
            title={`sandbox traffic stop ${stats.id}`}>Stop traffic</button>
        ) : (
          <button type="button" disabled={!ready || busy || !service} onClick={() => service && runInTerminal(trafficCommand(namespace, service, rps))}
            title={service ? trafficCommand(namespace, service, rps) : 'expose the Deployment first'}>Start traffic</button>
        )}
      </div>
      {!services.length && <p className="traffic-hint">Expose the Deployment to send it traffic: <code>kubectl expose deployment {deploy.metadata.name} --port=80 --target-port=8080</code></p>}
      {stats && (
        <>
          <div className="traffic-totals" data-testid="traffic-totals" data-sent={stats.sent} data-failures={stats.failures} data-answered={stats.answered}>
            <span>{stats.sent} requests</span>
            <span className={stats.failures ? 'is-failed' : 'is-ok'}>{stats.failures} failed</span>
            <span className="traffic-muted">shares over the last {Math.round(stats.windowMs / 1000)} s</span>
          </div>
          <StackedBar bars={versions} label="Answers per version, last 10 seconds" />
          <ul className="traffic-versions" aria-label="Answers per version">
            {versions.map((v) => (
              <li key={v.key} data-testid={`traffic-version-${v.label}`} data-recent-share={v.recentShare} data-share={v.share} data-count={v.count} data-failures={v.failures} title={v.title}>
                <span className="traffic-swatch" style={{ background: v.color }} />
                <span className="traffic-label">{v.label}</span>
                <span className="traffic-share">{v.recentShare}%</span>
                <span className="traffic-muted">{v.count} answers{v.failures ? ` · ${v.failures} failed` : ''}</span>
              </li>
            ))}
          </ul>
          <ul className="traffic-pods" aria-label="Answers per pod">
            {pods.map((p) => (
              <li key={p.key} data-testid={`traffic-pod-${p.label}`} data-recent-share={p.recentShare} title={p.title} className={p.recentShare ? '' : 'is-idle'}>
                <span className="traffic-pod__name">{p.label.slice(p.label.lastIndexOf('-') + 1)}</span>
                <span className="traffic-pod__track"><span className="traffic-pod__fill" style={{ width: `${p.recentShare}%`, background: p.color }} /></span>
                <span className="traffic-share">{p.recentShare}%</span>
              </li>
            ))}
          </ul>
          {stats.failures > 0 && stats.lastError && <p className="traffic-error">last error: {stats.lastError}</p>}
        </>
      )}
    </section>
  );
}

/** StackedBar draws the versions' recent shares side by side in one bar. */
function StackedBar({ bars, label }: { bars: ShareBar[]; label: string }) {
  const shown = bars.filter((b) => b.recentShare > 0);
  return (
    <div className="traffic-stack" role="img" aria-label={`${label}: ${shown.map((b) => `${b.label} ${b.recentShare}%`).join(', ') || 'no answers'}`}>
      {shown.map((b) => (
        <span key={b.key} className="traffic-stack__seg" style={{ width: `${b.recentShare}%`, background: b.color }}>
          {b.recentShare >= 12 ? `${b.label} ${b.recentShare}%` : ''}
        </span>
      ))}
    </div>
  );
}
