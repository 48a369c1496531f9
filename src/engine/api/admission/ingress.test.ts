import { describe, it, expect } from 'vitest';
import type { KObject } from '../../types';
import { admitDefaultIngressClass } from './ingress';

const cls = (name: string, created: string, isDefault: boolean) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) } }) as unknown as KObject;
const ing = (spec: Record<string, unknown>, annotations?: Record<string, string>) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', ...(annotations ? { annotations } : {}) }, spec }) as unknown as KObject & { spec: { ingressClassName?: string } };

describe('DefaultIngressClass admission', () => {
  it('fills in the newest default class only when the Ingress names none', () => {
    const classes = [cls('nginx', '2025-03-10T09:00:00Z', true), cls('newer', '2025-03-10T09:05:00Z', true), cls('traefik', '2025-03-10T09:10:00Z', false)];
    const a = ing({ rules: [] });
    admitDefaultIngressClass(a, () => classes);
    expect(a.spec.ingressClassName).toBe('newer');
    const b = ing({ ingressClassName: 'traefik' });
    admitDefaultIngressClass(b, () => classes);
    expect(b.spec.ingressClassName).toBe('traefik');
    const c = ing({}, { 'kubernetes.io/ingress.class': 'nginx' });
    admitDefaultIngressClass(c, () => classes);
    expect(c.spec.ingressClassName).toBeUndefined();
    const d = ing({});
    admitDefaultIngressClass(d, () => [classes[2]]);
    expect(d.spec.ingressClassName).toBeUndefined();
  });
});
