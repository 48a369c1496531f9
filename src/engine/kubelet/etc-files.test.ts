import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { setup } from './testdata/harness';
import { renderResolvConf, resolvConfFor } from '../network';
import { hostsFile } from './etc-files';

const pod = (spec: Record<string, unknown>, ns = 'default', name = 'web'): Pod => ({ metadata: { name, namespace: ns }, spec: { containers: [], ...spec } } as Pod);
const resolv = (p: Pod) => renderResolvConf(resolvConfFor(p));

describe('/etc/resolv.conf per dnsPolicy', () => {
  it('ClusterFirst: cluster DNS, the namespace search path, ndots:5', () => {
    expect(resolv(pod({}, 'prod'))).toBe('search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('Default: the node resolver file', () => {
    expect(resolv(pod({ dnsPolicy: 'Default' }))).toBe('nameserver 192.168.1.1\n');
  });

  it('ClusterFirst on hostNetwork falls back to Default; ClusterFirstWithHostNet keeps the cluster DNS', () => {
    expect(resolv(pod({ hostNetwork: true }))).toBe('nameserver 192.168.1.1\n');
    expect(resolv(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }))).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('None with dnsConfig uses only dnsConfig', () => {
    const p = pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
    expect(resolv(p)).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n');
  });

  it('dnsConfig is merged into ClusterFirst (duplicates dropped, options overridden by name)', () => {
    const p = pod({ dnsConfig: { nameservers: ['10.96.0.10', '8.8.8.8'], searches: ['cluster.local', 'corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
    expect(resolv(p)).toBe('search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 8.8.8.8\noptions ndots:2 edns0\n');
  });
});

describe('/etc/hosts', () => {
  it('is the kubelet-managed file with the pod IP, the FQDN for hostname+subdomain, and hostAliases', () => {
    const p = pod({ hostname: 'web-0', subdomain: 'nginx', hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }, { ip: '10.1.2.3', hostnames: ['foo.remote'] }] });
    expect(hostsFile(p, '10.244.1.7', 'worker')).toBe([
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      '10.244.1.7\tweb-0.nginx.default.svc.cluster.local\tweb-0',
      '',
      '# Entries added by HostAliases.',
      '127.0.0.1\tfoo.local\tbar.local',
      '10.1.2.3\tfoo.remote',
      '',
    ].join('\n'));
  });

  it('gives hostNetwork pods the node file', () => {
    expect(hostsFile(pod({ hostNetwork: true }), '192.168.1.3', 'worker')).toMatch(/^# Kubernetes-managed hosts file \(host network\)\.\n127\.0\.0\.1 localhost\n127\.0\.1\.1 worker\n/);
  });

  it('are the files a container sees (cat /etc/resolv.conf, /etc/hosts, hostname)', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], dnsPolicy: 'Default' });
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], hostNetwork: true }, 'hostnet');
    h.advance(30);
    const exec = (pod: string, ...argv: string[]) => h.kubelet.container('default', pod)!.process.exec(argv).stdout;
    expect(exec('web', 'cat', '/etc/resolv.conf')).toBe('nameserver 192.168.1.1\n');
    expect(exec('web', 'cat', '/etc/hosts')).toMatch(/\n10\.244\.1\.2\tweb\n$/);
    expect(exec('hostnet', 'hostname')).toBe('worker\n');
    expect(exec('hostnet', 'cat', '/etc/hostname')).toBe('worker\n');
  });
});
