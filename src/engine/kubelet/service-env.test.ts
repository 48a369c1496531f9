import { describe, it, expect } from 'vitest';
import type { KObject } from '../types';
import { setup, type Harness } from './testdata/harness';
import { serviceEnvVars } from './service-env';

const svc = (h: Harness, name: string, ns: string, spec: Record<string, unknown>) =>
  h.api.client.create('services', ns, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec } as KObject);

const kubernetesSvc = (h: Harness) => svc(h, 'kubernetes', 'default', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });

const env = (h: Harness, pod: string) => {
  const c = h.kubelet.container('default', pod);
  if (!c) throw new Error(`no running container in ${pod}`);
  return c.process.exec(['env']).stdout;
};

const kubia = { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] };

describe('service environment variables', () => {
  it('gives pods created after a Service its variables, and not those created before (SVC-08)', () => {
    const h = setup();
    kubernetesSvc(h);
    h.run(kubia, 'before');
    h.advance(30);
    svc(h, 'kubia', 'default', { clusterIP: '10.96.6.96', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] });
    h.run(kubia, 'after');
    h.advance(30);
    const before = env(h, 'before');
    expect(before).not.toContain('KUBIA_');
    expect(before).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(env(h, 'after')).toBe([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=after',
      'NPM_CONFIG_LOGLEVEL=info',
      'NODE_VERSION=7.10.1',
      'YARN_VERSION=0.24.4',
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_SERVICE_PORT=443',
      'KUBERNETES_SERVICE_PORT_HTTPS=443',
      'KUBERNETES_PORT=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP_PROTO=tcp',
      'KUBERNETES_PORT_443_TCP_PORT=443',
      'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
      'KUBIA_SERVICE_HOST=10.96.6.96',
      'KUBIA_SERVICE_PORT=80',
      'KUBIA_PORT=tcp://10.96.6.96:80',
      'KUBIA_PORT_80_TCP=tcp://10.96.6.96:80',
      'KUBIA_PORT_80_TCP_PROTO=tcp',
      'KUBIA_PORT_80_TCP_PORT=80',
      'KUBIA_PORT_80_TCP_ADDR=10.96.6.96',
      'HOME=/root',
      '',
    ].join('\n'));
  });

  it('names ports and dashes as upstream, skips headless/ExternalName and other namespaces', () => {
    const h = setup();
    kubernetesSvc(h);
    svc(h, 'kubia-http', 'default', { clusterIP: '10.96.7.7', ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'metrics', port: 9090, protocol: 'UDP' }] });
    svc(h, 'headless', 'default', { clusterIP: 'None', ports: [{ port: 80 }] });
    svc(h, 'ext', 'default', { type: 'ExternalName', externalName: 'example.com' });
    svc(h, 'other', 'prod', { clusterIP: '10.96.9.9', ports: [{ port: 80 }] });
    h.run(kubia);
    h.advance(30);
    const out = env(h, 'web');
    expect(out).toContain('KUBIA_HTTP_SERVICE_HOST=10.96.7.7\nKUBIA_HTTP_SERVICE_PORT=80\nKUBIA_HTTP_SERVICE_PORT_HTTP=80\nKUBIA_HTTP_SERVICE_PORT_METRICS=9090\nKUBIA_HTTP_PORT=tcp://10.96.7.7:80\n');
    expect(out).toContain('KUBIA_HTTP_PORT_9090_UDP=udp://10.96.7.7:9090\nKUBIA_HTTP_PORT_9090_UDP_PROTO=udp\nKUBIA_HTTP_PORT_9090_UDP_PORT=9090\nKUBIA_HTTP_PORT_9090_UDP_ADDR=10.96.7.7\n');
    expect(out).not.toMatch(/HEADLESS_|EXT_|OTHER_/);
  });

  it('keeps only the master service variables with enableServiceLinks: false', () => {
    const h = setup();
    kubernetesSvc(h);
    svc(h, 'kubia', 'default', { clusterIP: '10.96.6.96', ports: [{ port: 80 }] });
    h.run({ ...kubia, enableServiceLinks: false });
    h.advance(30);
    const out = env(h, 'web');
    expect(out).not.toContain('KUBIA_');
    expect(out).toContain('KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1\n');
  });

  it('lets declared env win over a service variable and expand $(KUBIA_SERVICE_HOST)', () => {
    const h = setup();
    svc(h, 'kubia', 'default', { clusterIP: '10.96.6.96', ports: [{ port: 80 }] });
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], env: [{ name: 'KUBIA_SERVICE_PORT', value: '1234' }, { name: 'URL', value: 'http://$(KUBIA_SERVICE_HOST):$(KUBIA_SERVICE_PORT)/' }] }] });
    h.advance(30);
    const out = env(h, 'web');
    expect(out).toContain('KUBIA_SERVICE_PORT=1234\n');
    expect(out).toContain('URL=http://10.96.6.96:1234/\n');
    expect(out.match(/KUBIA_SERVICE_PORT=/g)).toHaveLength(1);
  });

  it('serviceEnvVars formats IPv6 ClusterIPs with brackets', () => {
    const vars = serviceEnvVars([{ metadata: { name: 'v6' }, spec: { clusterIP: 'fd00::1', ports: [{ port: 80 }] } }]);
    expect(vars).toContainEqual(['V6_PORT', 'tcp://[fd00::1]:80']);
  });
});
