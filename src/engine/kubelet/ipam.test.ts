import { describe, it, expect } from 'vitest';
import { setup } from './testdata/harness';
import { createIpam } from './ipam';

describe('host-local IPAM', () => {
  it('allocates round-robin from .2, skips used addresses and reports exhaustion', () => {
    const ipam = createIpam('10.244.1.0/29');
    expect(ipam.gateway).toBe('10.244.1.1');
    expect(['a', 'b', 'c', 'd', 'e'].map((o) => ipam.allocate(o))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6']);
    expect(ipam.allocate('f')).toBeUndefined();
    ipam.release('b');
    expect(ipam.allocate('f')).toBe('10.244.1.3');
    expect(ipam.allocate('a')).toBe('10.244.1.2');
  });

  it('releases the IPs of deleted and completed pods: 300 pods on one /24 never exhaust it', () => {
    const h = setup();
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const name = `p${i}`;
      h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], terminationGracePeriodSeconds: 1 }, name);
      h.until(() => h.pod(name).status?.phase === 'Running', 60);
      const ip = h.pod(name).status?.podIP ?? '';
      expect(ip).toMatch(/^10\.244\.1\.\d+$/);
      seen.add(ip);
      h.api.client.delete('pods', 'default', name);
      h.until(() => !h.api.client.tryGet('pods', 'default', name), 60);
    }
    expect(seen.size).toBeLessThanOrEqual(253);
    expect(seen.size).toBeGreaterThan(200);
    expect(h.api.events.filter((e) => e.reason === 'FailedCreatePodSandBox')).toEqual([]);
  });

  it('frees a completed pod\'s IP when its sandbox stops; podByIP no longer finds it', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['true'] }], restartPolicy: 'Never' }, 'job');
    h.until(() => h.pod('job').status?.phase === 'Succeeded', 60);
    h.advance(5);
    const ip = h.pod('job').status?.podIP ?? '';
    expect(ip).toBe('10.244.1.2');
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] }, 'next');
    h.until(() => h.pod('next').status?.phase === 'Running', 60);
    expect(h.pod('next').status?.podIP).toBe('10.244.1.3');
    expect(h.kubelet.podByIP(ip)).toBeUndefined();
  });
});
