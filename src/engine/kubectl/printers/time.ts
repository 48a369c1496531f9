// Go time.Format layouts kubectl uses, on virtual epoch milliseconds, always in UTC (+0000).

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** formatDescribeTime formats ms as time.RFC1123Z (`Mon, 10 Mar 2025 09:00:21 +0000`). */
export function formatDescribeTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** ZERO_TIME_RFC1123Z is how a zero metav1.Time prints with RFC1123Z. */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** formatDescribeTimestamp formats an RFC 3339 timestamp (or a missing one, as Go's zero time). */
export function formatDescribeTimestamp(ts: string | undefined | null): string {
  if (!ts) return ZERO_TIME_RFC1123Z;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? ZERO_TIME_RFC1123Z : formatDescribeTime(ms);
}
