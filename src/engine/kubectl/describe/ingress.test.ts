import { describe, it, expect } from 'vitest';
import { createCluster } from '../../cluster';
import type { ResourceDef } from '../../api/types';
import type { KObject } from '../../types';
import { describeObject } from './index';

const k = (o: unknown) => o as KObject;
const def = (kind: string): ResourceDef => ({ group: 'networking.k8s.io', version: 'v1', kind, listKind: `${kind}List`, plural: '', singular: '',
  shortNames: [], namespaced: kind === 'Ingress', verbs: [], categories: [], subresources: [] });

describe('describe ingress / ingressclass (describe.go IngressDescriber layout)', () => {
  it('prints address, class, default backend, TLS, rules with endpoints, annotations', () => {
    const c = createCluster();
    try {
      c.client.create('services', 'default', k({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { ports: [{ port: 80, targetPort: 8080 }] } }));
      c.client.create('endpointslices', 'default', k({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubia-abc', labels: { 'kubernetes.io/service-name': 'kubia' } },
        addressType: 'IPv4', ports: [{ name: '', port: 8080, protocol: 'TCP' }], endpoints: [{ addresses: ['10.244.1.3'], conditions: { ready: true } }, { addresses: ['10.244.2.4'], conditions: { ready: true } }] }));
      const ing = c.client.create('ingresses', 'default', k({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'kubia', annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } },
        spec: { ingressClassName: 'nginx', tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }, { hosts: ['a.example.com', 'b.example.com'] }],
          rules: [
            { host: 'kubia.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } }, { path: '/foo', pathType: 'Exact', backend: { service: { name: 'foo', port: { name: 'http' } } } }] } },
            { http: { paths: [{ path: '/bar', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } }] } },
          ] } }));
      const out = describeObject(ing, def('Ingress'), { client: c.client, now: c.clock.now(), showEvents: true });
      expect(out).toBe([
        'Name:             kubia',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'TLS:',
        '  tls-secret terminates kubia.example.com',
        '  SNI routes a.example.com,b.example.com',
        'Rules:',
        '  Host               Path  Backends',
        '  ----               ----  --------',
        '  kubia.example.com  ',
        '                     /      kubia:80 (10.244.1.3:8080,10.244.2.4:8080)',
        '                     /foo   foo:http (<error: services "foo" not found>)',
        '  *                  ',
        '                     /bar   kubia:80 (10.244.1.3:8080,10.244.2.4:8080)',
        'Annotations:         nginx.ingress.kubernetes.io/ssl-redirect: false',
        'Events:              <none>',
        '',
      ].join('\n'));
      const onlyDefault = c.client.create('ingresses', 'default', k({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'def' }, spec: { defaultBackend: { service: { name: 'kubia', port: { number: 80 } } } } }));
      expect(describeObject(onlyDefault, def('Ingress'), { client: c.client, now: c.clock.now(), showEvents: false })).toContain('Default backend:  kubia:80 (10.244.1.3:8080,10.244.2.4:8080)\nRules:\n  Host        Path  Backends\n  ----        ----  --------\n  *           *     kubia:80 (10.244.1.3:8080,10.244.2.4:8080)\nAnnotations:  <none>\n');
      const ic = c.client.create('ingressclasses', undefined, k({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } }));
      expect(describeObject(ic, def('IngressClass'), { client: c.client, now: c.clock.now(), showEvents: true })).toBe(
        'Name:         nginx\nLabels:       <none>\nAnnotations:  ingressclass.kubernetes.io/is-default-class: true\nController:   k8s.io/ingress-nginx\nEvents:       <none>\n');
    } finally { c.stop(); }
  });
});
