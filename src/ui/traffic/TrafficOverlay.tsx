// Animated requests on the map: one dot per traced request, travelling client → Service → pod in the
// answering revision's colour (red when it failed). Drawn imperatively into one SVG (no React render per
// frame); the animation clock stops while virtual time is paused and dots move faster at high speeds.
import { useEffect, useRef } from 'react';
import { useSandbox } from '../store';
import { FAILURE_COLOR, type RevisionColors } from './colors';
import { onTraceBatch, useTraffic } from './feed';
import { tracePath, type PeerIndex, type Point } from './paths';
import './traffic.css';

/** MAX_DOTS caps the dots in flight; beyond it new requests are not drawn (the shares still count them). */
const MAX_DOTS = 160;
/** HOP_MS is how long (real time, at 1×) a dot takes per leg. */
const HOP_MS = 550;
/** LEAD_MS delays drawing so a batch's requests can be spread over the interval they were sent in. */
const LEAD_MS = 120;
/** END_MS is how long a dot lingers (a pulse) at its destination. */
const END_MS = 260;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Dot { points: Point[]; lengths: number[]; total: number; start: number; duration: number; color: string; failed: boolean; el: SVGCircleElement }

function place(d: Dot, progress: number): Point {
  let dist = Math.min(1, Math.max(0, progress)) * d.total;
  for (let i = 0; i < d.lengths.length; i++) {
    const len = d.lengths[i];
    if (dist <= len || i === d.lengths.length - 1) {
      const a = d.points[i], b = d.points[i + 1];
      const f = len > 0 ? Math.min(1, dist / len) : 1;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    dist -= len;
  }
  return d.points[d.points.length - 1];
}

/** TrafficOverlay draws traced requests over the map; index and colors come from the current layout. */
export function TrafficOverlay({ index, colors }: { index: PeerIndex; colors: RevisionColors }) {
  const show = useTraffic((s) => s.showTraffic);
  const group = useRef<SVGGElement>(null);
  const lookup = useRef({ index, colors });
  lookup.current = { index, colors };

  useEffect(() => {
    if (!show) return;
    const g = group.current;
    if (!g) return;
    const dots: Dot[] = [];
    let anim = 0; // animation clock (ms): real time that passes only while virtual time runs
    let last = performance.now();
    let frame = 0;
    // The loop runs only while dots are in flight; a batch restarts it.
    const wake = () => {
      if (frame) return;
      last = performance.now();
      frame = requestAnimationFrame(step);
    };

    const off = onTraceBatch((batch) => {
      const { speed } = useSandbox.getState().time;
      const pace = Math.min(4, Math.max(0.5, Math.sqrt(speed || 1)));
      for (const t of batch.traces) {
        if (dots.length >= MAX_DOTS) break;
        const path = tracePath(t, lookup.current.index);
        if (path.points.length < 2) continue;
        const lengths = path.points.slice(1).map((p, i) => Math.hypot(p.x - path.points[i].x, p.y - path.points[i].y));
        const total = lengths.reduce((a, b) => a + b, 0);
        if (total < 1) continue;
        const el = document.createElementNS(SVG_NS, 'circle');
        const color = path.failed ? FAILURE_COLOR : lookup.current.colors(path.namespace, path.revision);
        el.setAttribute('r', '9');
        el.setAttribute('fill', color);
        el.setAttribute('class', `traffic-dot${path.failed ? ' is-failed' : ''}${t.probe ? ' is-probe' : ''}`);
        el.setAttribute('data-revision', path.revision ?? '');
        el.style.opacity = '0';
        g.appendChild(el);
        const offset = Math.max(0, (t.t - batch.now) / Math.max(speed, 0.25) + LEAD_MS);
        dots.push({ points: path.points, lengths, total, start: anim + offset, duration: (lengths.length * HOP_MS) / pace, color, failed: path.failed, el });
      }
      if (dots.length) wake();
    });

    const step = (now: number) => {
      const dt = Math.min(now - last, 250);
      last = now;
      if (!useSandbox.getState().time.paused) anim += dt;
      for (let i = dots.length - 1; i >= 0; i--) {
        const d = dots[i];
        const p = (anim - d.start) / d.duration;
        if (p < 0) continue;
        const endFor = anim - d.start - d.duration;
        if (endFor > END_MS) { d.el.remove(); dots.splice(i, 1); continue; }
        const pos = place(d, p);
        d.el.setAttribute('cx', pos.x.toFixed(1));
        d.el.setAttribute('cy', pos.y.toFixed(1));
        // Arrived: a short pulse that grows and fades (a failed request bursts bigger).
        if (endFor > 0) {
          const f = endFor / END_MS;
          d.el.setAttribute('r', String(9 + f * (d.failed ? 22 : 12)));
          d.el.style.opacity = String(0.9 * (1 - f));
        } else {
          d.el.style.opacity = '0.95';
        }
      }
      frame = dots.length ? requestAnimationFrame(step) : 0;
    };
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
      for (const d of dots) d.el.remove();
    };
  }, [show]);

  if (!show) return null;
  return (
    <svg className="traffic-layer" aria-hidden="true" data-testid="traffic-layer">
      <g ref={group} />
    </svg>
  );
}
