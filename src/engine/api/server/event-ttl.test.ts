import { describe, it, expect } from 'vitest';
import { newTestServer } from './testutil';
import { EVENT_TTL_MS } from './index';

const event = (name: string) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name }, involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
  reason: 'Demo', message: 'hello', type: 'Normal', count: 1,
});

describe('event TTL (--event-ttl, one hour after the last write)', () => {
  it('deletes any event an hour after it was written, with a DELETED watch event', () => {
    const { client, clock, api } = newTestServer();
    client.create('events', 'default', event('a'));
    clock.advance(1000);
    client.create('events', 'default', event('b'));
    const seen: string[] = [];
    client.watch('events', 'default', { resourceVersion: String(api.store.revision) }).onEvent((e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    clock.advance(EVENT_TTL_MS - 1001);
    expect(client.list('events', 'default').map((e) => e.metadata.name)).toEqual(['a', 'b']);
    clock.advance(1);
    expect(client.list('events', 'default').map((e) => e.metadata.name)).toEqual(['b']);
    clock.advance(1000);
    expect(client.list('events', 'default')).toHaveLength(0);
    expect(seen).toEqual(['DELETED a', 'DELETED b']);
  });

  it('restarts the hour on every write', () => {
    const { client, clock } = newTestServer();
    client.create('events', 'default', event('a'));
    clock.advance(30 * 60 * 1000);
    client.patch('events', 'default', 'a', 'application/merge-patch+json', { count: 2 });
    clock.advance(EVENT_TTL_MS - 1);
    expect(client.get('events', 'default', 'a').count).toBe(2);
    clock.advance(1);
    expect(client.tryGet('events', 'default', 'a')).toBeUndefined();
  });
});
