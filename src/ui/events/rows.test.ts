import { describe, expect, it } from 'vitest';
import type { KObject } from '../../engine/protocol';
import { eventRows, eventsFor, humanDuration } from './rows';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const ev = (name: string, type: string, reason: string, kind: string, obj: string, last: string, message: string, count = 1): KObject => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' },
  involvedObject: { kind, name: obj, namespace: 'default' }, reason, type, message: message + '\n', count,
  firstTimestamp: last, lastTimestamp: last,
});

describe('eventRows', () => {
  const events = [
    ev('web.1', 'Normal', 'Scheduled', 'Pod', 'web', '2025-03-01T11:59:40Z', 'Successfully assigned default/web to worker'),
    ev('web.2', 'Warning', 'BackOff', 'Pod', 'web', '2025-03-01T11:55:00Z', 'Back-off restarting failed container web in pod web_default(uid)', 7),
    ev('rs.1', 'Normal', 'SuccessfulCreate', 'ReplicaSet', 'web-5d8f', '2025-03-01T11:59:59Z', 'Created pod: web-5d8f-abcde'),
  ];
  it('prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE as kubectl get events, newest first', () => {
    expect(eventRows(events, NOW).map((r) => [r.lastSeen, r.type, r.reason, r.object, r.message])).toEqual([
      ['1s', 'Normal', 'SuccessfulCreate', 'replicaset/web-5d8f', 'Created pod: web-5d8f-abcde'],
      ['20s', 'Normal', 'Scheduled', 'pod/web', 'Successfully assigned default/web to worker'],
      ['5m', 'Warning', 'BackOff', 'pod/web', 'Back-off restarting failed container web in pod web_default(uid)'],
    ]);
  });
  it('sorts by the LAST SEEN shown, and puts the later write first when it is the same', () => {
    const a = { ...ev('p.b', 'Normal', 'Scheduled', 'Pod', 'p', '2025-03-01T11:59:00Z', 'x'), metadata: { name: 'p.b', namespace: 'default', resourceVersion: '10' } };
    const b = { ...ev('p.a', 'Normal', 'Pulling', 'Pod', 'p', '2025-03-01T11:59:00Z', 'y'), metadata: { name: 'p.a', namespace: 'default', resourceVersion: '11' } };
    expect(eventRows([a, b], NOW).map((r) => r.reason)).toEqual(['Pulling', 'Scheduled']);
    // The scheduler's event has a microsecond eventTime: half a second later, it prints (and sorts) as 59s, not 60s.
    delete (a as Record<string, unknown>).firstTimestamp; delete (a as Record<string, unknown>).lastTimestamp;
    (a as Record<string, unknown>).eventTime = '2025-03-01T11:59:00.500000Z';
    expect(eventRows([a, b], NOW).map((r) => `${r.lastSeen} ${r.reason}`)).toEqual(['59s Scheduled', '60s Pulling']);
  });
  it('filters by object text and type', () => {
    expect(eventRows(events, NOW, { object: 'pod/' }).map((r) => r.reason)).toEqual(['Scheduled', 'BackOff']);
    expect(eventRows(events, NOW, { type: 'Warning' }).map((r) => r.reason)).toEqual(['BackOff']);
    expect(eventsFor(events, { kind: 'ReplicaSet', namespace: 'default', name: 'web-5d8f' }, NOW)).toHaveLength(1);
  });
  it('formats ages as apimachinery HumanDuration', () => {
    expect([humanDuration(119_000), humanDuration(200_000), humanDuration(3 * 3600_000 + 60_000), humanDuration(50 * 3600_000)]).toEqual(['119s', '3m20s', '3h1m', '2d2h']);
  });
});
