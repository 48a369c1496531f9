import { SPEEDS } from '../../engine/protocol';
import { controlTime, useSandbox } from '../store';
import { formatSpeed, formatVirtualTime } from './format';

/** TimeControls pause, resume, step and speed up virtual time, and show the current virtual time. */
export function TimeControls() {
  const time = useSandbox((s) => s.time);
  const ready = useSandbox((s) => s.connection === 'ready');
  return (
    <div className="time-controls" role="group" aria-label="Time controls">
      <button type="button" disabled={!ready} onClick={() => controlTime(time.paused ? { type: 'resume' } : { type: 'pause' })}
        aria-label={time.paused ? 'Resume time' : 'Pause time'} title={time.paused ? 'Resume (Alt+P)' : 'Pause (Alt+P)'}>
        {time.paused ? '▶' : '❚❚'}
      </button>
      <button type="button" disabled={!ready} onClick={() => controlTime({ type: 'step', ms: 1000 })} aria-label="Step 1 second" title="Step +1 s (Alt+S)">+1s</button>
      <button type="button" disabled={!ready} onClick={() => controlTime({ type: 'step', ms: 10_000 })} aria-label="Step 10 seconds" title="Step +10 s (Alt+Shift+S)">+10s</button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select aria-label="Speed" value={time.speed} disabled={!ready} title="Speed (Alt+= / Alt+-)"
          onChange={(e) => controlTime({ type: 'speed', speed: Number(e.target.value) })}>
          {SPEEDS.map((s) => <option key={s} value={s}>{formatSpeed(s)}</option>)}
        </select>
      </label>
      <output className="virtual-time" aria-label="Virtual time" data-paused={time.paused || undefined}>
        {formatVirtualTime(time.now)}{time.paused ? ' (paused)' : ''}
      </output>
    </div>
  );
}
