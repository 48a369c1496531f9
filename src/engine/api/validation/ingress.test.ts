import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types';
import { formatFieldError, validateCreate } from './index';

const ingress = (rules: unknown[]) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec: { rules } }) as unknown as KObject;
const path = (backend: unknown, p = '/') => ({ host: 'a.example.com', http: { paths: [{ path: p, pathType: 'Prefix', backend }] } });
const msgs = (o: KObject) => validateCreate('ingresses', o).map(formatFieldError);

describe('Ingress validation (ValidateIngressCreate, validateIngressBackend)', () => {
  it('reports backend port problems as upstream does', () => {
    expect(msgs(ingress([path({ service: { name: 'svc' } })]))).toEqual(['spec.rules[0].http.paths[0].backend: Required value: port name or number is required']);
    expect(msgs(ingress([path({ service: { name: 'svc', port: { name: 'http', number: 80 } } })]))).toEqual(['spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number']);
    expect(msgs(ingress([path({ service: { name: 'svc', port: { number: 70000 } } })]))).toEqual(['spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive']);
  });

  it('checks wildcard hosts on their own and rejects IP hosts', () => {
    expect(msgs(ingress([{ ...path({ service: { name: 'svc', port: { number: 80 } } }), host: '*.example.com' }]))).toEqual([]);
    expect(msgs(ingress([{ ...path({ service: { name: 'svc', port: { number: 80 } } }), host: 'a.*.com' }]))[0]).toMatch(/^spec\.rules\[0\]\.host: Invalid value: "a\.\*\.com": a wildcard DNS-1123 subdomain must start with '\*\.'/);
    expect(msgs(ingress([{ ...path({ service: { name: 'svc', port: { number: 80 } } }), host: '10.0.0.1' }]))).toEqual(['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']);
  });
});
