/** rfc3339 formats virtual epoch milliseconds as Kubernetes' metav1.Time (second precision, Z). */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  // Virtual time repeats the same second many times in a row: remember the last answer.
  if (sec !== lastSecond) { lastSecond = sec; lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z'); }
  return lastText;
}

let lastSecond = NaN;
let lastText = '';

/** rfc3339Micro formats virtual epoch milliseconds as metav1.MicroTime (microsecond precision). */
export function rfc3339Micro(ms: number): string {
  // Many writes share one virtual instant: remember the last answer.
  if (ms !== lastMicroMs) { lastMicroText = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'); lastMicroMs = ms; }
  return lastMicroText;
}

let lastMicroMs = NaN;
let lastMicroText = '';

/** parseTime turns an RFC 3339 timestamp into epoch milliseconds (NaN when invalid). */
export function parseTime(s: string | undefined): number {
  return s ? Date.parse(s) : NaN;
}

/**
 * humanDuration formats a duration as apimachinery's duration.HumanDuration does
 * (the AGE column: 5s, 5m12s, 2d3h, 45d, 2y30d).
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** translateTimestampSince is the printers' AGE cell: '<unknown>' for a missing time. */
export function translateTimestampSince(ts: string | undefined, now: number): string {
  if (!ts) return '<unknown>';
  return humanDuration(now - parseTime(ts));
}
