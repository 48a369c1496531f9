import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { renderResolvConf, resolvConfFor, resolverTiming } from './resolv';

const pod = (spec: Pod['spec'], ns = 'default'): Pod => ({ metadata: { name: 'p', namespace: ns }, spec: { containers: [], ...spec } });

describe('resolvConfFor / renderResolvConf (kubelet GetPodDNS + containerd)', () => {
  it('ClusterFirst: cluster DNS, the namespace search list, ndots:5', () => {
    const rc = resolvConfFor(pod({ containers: [] }, 'shop'));
    expect(rc).toEqual({ nameservers: ['10.96.0.10'], search: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 });
    expect(renderResolvConf(rc)).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('an explicit ndots:1 from dnsConfig is written although it is the resolver default', () => {
    const rc = resolvConfFor(pod({ containers: [], dnsConfig: { options: [{ name: 'ndots', value: '1' }, { name: 'edns0' }] } }));
    expect(rc.ndots).toBe(1);
    expect(renderResolvConf(rc)).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:1 edns0\n');
  });

  it('Default and ClusterFirst on the host network use the node resolv.conf', () => {
    const want = 'nameserver 192.168.1.1\n';
    expect(renderResolvConf(resolvConfFor(pod({ containers: [], dnsPolicy: 'Default' })))).toBe(want);
    expect(renderResolvConf(resolvConfFor(pod({ containers: [], hostNetwork: true })))).toBe(want);
    expect(resolvConfFor(pod({ containers: [], hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).nameservers).toEqual(['10.96.0.10']);
  });

  it('None takes dnsConfig only; dnsConfig merges into other policies', () => {
    const none = resolvConfFor(pod({ containers: [], dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }));
    expect(renderResolvConf(none)).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.1.1.1\noptions ndots:2 edns0\n');
    const merged = resolvConfFor(pod({ containers: [], dnsConfig: { nameservers: ['10.96.0.10', '8.8.8.8'], options: [{ name: 'ndots', value: '1' }, { name: 'timeout', value: '2' }] } }));
    expect(merged).toMatchObject({ nameservers: ['10.96.0.10', '8.8.8.8'], ndots: 1, options: ['ndots:1', 'timeout:2'] });
    expect(resolverTiming(merged)).toEqual({ timeoutMs: 2000, attempts: 2 });
  });
});
