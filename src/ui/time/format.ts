/** formatVirtualTime shows a virtual instant as UTC `YYYY-MM-DD HH:MM:SS`. */
export function formatVirtualTime(ms: number): string {
  if (!ms) return '--:--:--';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** formatSpeed shows a speed factor as `0.25×`, `1×`, `16×`. */
export function formatSpeed(speed: number): string { return `${speed}×`; }

/** nextSpeed returns the next faster (dir 1) or slower (dir -1) speed from the list. */
export function nextSpeed(speeds: readonly number[], current: number, dir: 1 | -1): number {
  const i = speeds.indexOf(current);
  const j = Math.max(0, Math.min(speeds.length - 1, (i < 0 ? speeds.indexOf(1) : i) + dir));
  return speeds[j];
}
