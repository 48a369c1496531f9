// Models robfig/cron/v3 SpecSchedule.Next and pkg/controller/cronjob/utils.go mostRecentScheduleTime,
// over the one cron parser (api/validation parseCronSchedule). Wall-clock arithmetic happens in the
// schedule's time zone; daylight-saving gaps are not special-cased.
import type { CronSchedule } from '../../api/validation';

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** validTimeZone reports whether tz is an IANA zone this runtime knows (time.LoadLocation). */
export function validTimeZone(tz: string): boolean {
  if (tz === '' || tz === 'UTC' || tz === 'Local') return true;
  try { formatter(tz); return true; } catch { return false; }
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** zoneOffsetMs returns tz's UTC offset at instant ms (0 for UTC). */
export function zoneOffsetMs(tz: string | undefined, ms: number): number {
  if (!tz || tz === 'UTC' || tz === 'Local' || tz === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.dom.values.has(d.getUTCDate());
  const dow = s.dow.values.has(d.getUTCDay());
  return s.dom.star || s.dow.star ? dom && dow : dom || dow;
}

/** nextTime is SpecSchedule.Next: the first activation strictly after ms (undefined if none within 5 years). */
export function nextTime(s: CronSchedule, ms: number, tz?: string): number | undefined {
  const zone = s.timeZone ?? tz;
  if (s.everyMs) return Math.floor(ms / 1000) * 1000 + s.everyMs;
  const off = zoneOffsetMs(zone, ms);
  // Work in wall-clock time of the zone, represented as a UTC Date.
  let t = Math.floor((ms + off) / MINUTE) * MINUTE + MINUTE;
  const limit = t + 5 * 366 * 24 * 60 * MINUTE;
  while (t < limit) {
    const d = new Date(t);
    if (!s.month.values.has(d.getUTCMonth() + 1)) { t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); continue; }
    if (!dayMatches(s, d)) { t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1); continue; }
    if (!s.hour.values.has(d.getUTCHours())) { t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1); continue; }
    if (!s.minute.values.has(d.getUTCMinutes())) { t += MINUTE; continue; }
    const guess = t - zoneOffsetMs(zone, t - off);
    return t - zoneOffsetMs(zone, guess);
  }
  return undefined;
}

/** MostRecent is mostRecentScheduleTime's answer: the latest missed activation (if any) and how many were missed. */
export interface MostRecent { time?: number; missed: number }

/**
 * mostRecentScheduleTime returns the latest activation in (earliest, now], where earliest is
 * lastScheduleTime or creationTimestamp, moved up to now - startingDeadlineSeconds when that is later.
 */
export function mostRecentScheduleTime(s: CronSchedule, earliest: number, now: number, tz?: string): MostRecent {
  let missed = 0;
  let last: number | undefined;
  for (let t = nextTime(s, earliest, tz); t !== undefined && t <= now; t = nextTime(s, t, tz)) {
    last = t;
    missed++;
    if (missed > 500_000) break;
  }
  return { time: last, missed };
}
