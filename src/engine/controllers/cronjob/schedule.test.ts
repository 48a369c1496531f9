import { describe, it, expect } from 'vitest';
import { parseCronSchedule } from '../../api/validation';
import type { CronSchedule } from '../../api/validation';
import { mostRecentScheduleTime, nextTime } from './schedule';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString().replace('.000', ''));
const sched = (spec: string) => {
  const s = parseCronSchedule(spec);
  if (typeof s === 'string') throw new Error(s);
  return s as CronSchedule;
};
const nexts = (spec: string, from: string, n: number, tz?: string) => {
  const s = sched(spec);
  const out: string[] = [];
  let t: number | undefined = at(from);
  for (let i = 0; i < n && t !== undefined; i++) { t = nextTime(s, t, tz); out.push(iso(t)); }
  return out;
};

describe('cron schedule', () => {
  it('handles lists, ranges, steps and names', () => {
    expect(nexts('0,15,30,45 * * * *', '2025-03-10T09:05:00Z', 3)).toEqual(['2025-03-10T09:15:00Z', '2025-03-10T09:30:00Z', '2025-03-10T09:45:00Z']);
    expect(nexts('*/20 9-10 * * *', '2025-03-10T09:45:00Z', 3)).toEqual(['2025-03-10T10:00:00Z', '2025-03-10T10:20:00Z', '2025-03-10T10:40:00Z']);
    expect(nexts('5/30 * * * *', '2025-03-10T09:05:00Z', 2)).toEqual(['2025-03-10T09:35:00Z', '2025-03-10T10:05:00Z']);
    expect(nexts('0 3 * * sun', '2025-03-10T09:00:00Z', 1)).toEqual(['2025-03-16T03:00:00Z']);
    expect(nexts('0 0 1 jan-mar *', '2025-03-10T09:00:00Z', 2)).toEqual(['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']);
  });

  it('ORs day-of-month and day-of-week unless one is *', () => {
    // The notes' example: every 30 minutes on the 1st of the month.
    expect(nexts('0,30 * 1 * *', '2025-03-10T09:00:00Z', 2)).toEqual(['2025-04-01T00:00:00Z', '2025-04-01T00:30:00Z']);
    // 13th or a Friday: Friday 14 March comes first after the 10th... no: the 13th (Thursday) does.
    expect(nexts('0 0 13 * 5', '2025-03-10T09:00:00Z', 2)).toEqual(['2025-03-13T00:00:00Z', '2025-03-14T00:00:00Z']);
  });

  it('supports descriptors and time zones', () => {
    expect(nexts('@hourly', '2025-03-10T09:05:00Z', 1)).toEqual(['2025-03-10T10:00:00Z']);
    expect(nexts('@daily', '2025-03-10T09:05:00Z', 1)).toEqual(['2025-03-11T00:00:00Z']);
    expect(nexts('@weekly', '2025-03-10T09:05:00Z', 1)).toEqual(['2025-03-16T00:00:00Z']);
    expect(nexts('@monthly', '2025-03-10T09:05:00Z', 1)).toEqual(['2025-04-01T00:00:00Z']);
    expect(nexts('@yearly', '2025-03-10T09:05:00Z', 1)).toEqual(['2026-01-01T00:00:00Z']);
    expect(nexts('0 9 * * *', '2025-03-10T09:05:00Z', 1, 'Asia/Seoul')).toEqual(['2025-03-11T00:00:00Z']);
    expect(nexts('TZ=America/New_York 0 9 * * *', '2025-03-10T09:05:00Z', 1)).toEqual(['2025-03-10T13:00:00Z']);
  });

  it('finds the most recent missed activation and counts the misses', () => {
    const s = sched('*/1 * * * *');
    expect(mostRecentScheduleTime(s, at('2025-03-10T09:00:00Z'), at('2025-03-10T09:00:30Z'))).toEqual({ time: undefined, missed: 0 });
    const r = mostRecentScheduleTime(s, at('2025-03-10T09:00:00Z'), at('2025-03-10T11:00:30Z'));
    expect(iso(r.time)).toBe('2025-03-10T11:00:00Z');
    expect(r.missed).toBe(120);
  });
});
