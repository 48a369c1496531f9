// The UI side of the traffic feed: generator stats in a small zustand store, trace batches handed to
// the map's animation through a listener (60 fps state does not belong in React state), and the
// learner's show/hide choices sent to the worker after every snapshot.
import { create } from 'zustand';
import type { SandboxEvent, TrafficStats, TrafficTrace } from '../../engine/protocol';
import { onSandboxEvent, send } from '../store';

/** TrafficPrefs are the map's traffic toggles, kept across reloads. */
export interface TrafficPrefs { showTraffic: boolean; showProbes: boolean }

/** TrafficState is the generators' latest stats and the toggles. */
export interface TrafficState extends TrafficPrefs { generators: TrafficStats[] }

const KEY = 'kube-sandbox:traffic';

function loadPrefs(): TrafficPrefs {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<TrafficPrefs>;
    return { showTraffic: v.showTraffic !== false, showProbes: v.showProbes === true };
  } catch {
    return { showTraffic: true, showProbes: false };
  }
}

/** useTraffic is the traffic store: `useTraffic((s) => s.generators)`. */
export const useTraffic = create<TrafficState>(() => ({ generators: [], showTraffic: true, showProbes: false }));

/** TraceBatch is one `traffic` event's traces with the virtual time they were sent at. */
export interface TraceBatch { now: number; traces: TrafficTrace[] }

const batchListeners = new Set<(b: TraceBatch) => void>();

/** onTraceBatch subscribes to trace batches (the map's animation); returns an unsubscribe. */
export function onTraceBatch(fn: (b: TraceBatch) => void): () => void {
  batchListeners.add(fn);
  return () => { batchListeners.delete(fn); };
}

function sendOptions(): void {
  const s = useTraffic.getState();
  send({ type: 'trafficOptions', traces: s.showTraffic, probes: s.showTraffic && s.showProbes });
}

/** setTrafficPrefs changes the toggles, tells the worker and remembers them. */
export function setTrafficPrefs(patch: Partial<TrafficPrefs>): void {
  useTraffic.setState(patch);
  const { showTraffic, showProbes } = useTraffic.getState();
  try { localStorage.setItem(KEY, JSON.stringify({ showTraffic, showProbes })); } catch { /* storage disabled */ }
  sendOptions();
}

let installed = false;

/** installTrafficFeed starts listening to worker events (once per page). */
export function installTrafficFeed(): void {
  if (installed) return;
  installed = true;
  useTraffic.setState(loadPrefs());
  onSandboxEvent((ev: SandboxEvent) => {
    if (ev.type === 'snapshot') {
      // A new or restarted worker starts with the defaults and no generators of its own yet.
      useTraffic.setState({ generators: [] });
      sendOptions();
      return;
    }
    if (ev.type !== 'traffic') return;
    if (ev.generators) useTraffic.setState({ generators: ev.generators });
    if (ev.traces.length) for (const fn of [...batchListeners]) fn({ now: ev.now, traces: ev.traces });
  });
}
