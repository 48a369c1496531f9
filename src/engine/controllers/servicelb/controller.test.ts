import { describe, it, expect } from 'vitest';
import { createSandbox } from '../../sandbox';
import { inPool, LB_POOL, pickAddress } from './pool';
import { createRng } from '../../util';

const LB = `apiVersion: v1
kind: Service
metadata:
  name: kubia-http
spec:
  type: LoadBalancer
  ports:
  - port: 8080
  selector:
    app: kubia
`;

type Svc = { metadata: { finalizers?: string[] }; status?: { loadBalancer?: { ingress?: Array<{ ip: string; ipMode: string }> } } };
const ingress = (sb: ReturnType<typeof createSandbox>) => (sb.cluster.client.tryGet('services', 'default', 'kubia-http') as Svc | undefined)?.status?.loadBalancer?.ingress;
type Ev = { involvedObject: { name: string }; source: { component: string }; reason: string; message: string };
const reasons = (sb: ReturnType<typeof createSandbox>) => (sb.cluster.client.list('events', 'default') as unknown as Ev[])
  .filter((e) => e.involvedObject.name === 'kubia-http')
  .map((e) => `${e.source.component} ${e.reason} ${e.message}`);

describe('service-lb-controller', () => {
  it('keeps EXTERNAL-IP pending for 30 s, then publishes an address from the pool with events', async () => {
    const sb = createSandbox();
    await sb.apply(LB);
    expect(ingress(sb)).toBeUndefined();
    expect((sb.cluster.client.get('services', 'default', 'kubia-http') as Svc).metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    expect(reasons(sb)).toEqual(['service-controller EnsuringLoadBalancer Ensuring load balancer']);
    sb.advance(29_000);
    expect((await sb.run('kubectl get svc kubia-http')).stdout).toMatch(/kubia-http +LoadBalancer +10\.\d+\.\d+\.\d+ +<pending> +8080:3\d{4}\/TCP +29s\n$/);
    sb.advance(16_000);
    const ing = ingress(sb);
    expect(ing).toHaveLength(1);
    expect(ing?.[0].ipMode).toBe('VIP');
    expect(inPool(ing?.[0].ip ?? '')).toBe(true);
    expect(reasons(sb).sort()).toEqual(['service-controller EnsuredLoadBalancer Ensured load balancer', 'service-controller EnsuringLoadBalancer Ensuring load balancer']);
    expect((await sb.run('kubectl get svc kubia-http')).stdout).toContain(` ${ing?.[0].ip} `);
  });

  it('releases the address when the type changes and lets the Service be deleted', async () => {
    const sb = createSandbox();
    await sb.apply(LB);
    sb.advance(60_000);
    expect(ingress(sb)).toHaveLength(1);
    await sb.run(`kubectl patch svc kubia-http -p '{"spec":{"type":"NodePort"}}'`);
    const svc = sb.cluster.client.get('services', 'default', 'kubia-http') as Svc;
    expect(svc.status?.loadBalancer?.ingress).toBeUndefined();
    expect(svc.metadata.finalizers).toBeUndefined();
    expect(reasons(sb).sort()).toEqual(['service-controller DeletedLoadBalancer Deleted load balancer', 'service-controller DeletingLoadBalancer Deleting load balancer',
      'service-controller EnsuredLoadBalancer Ensured load balancer', 'service-controller EnsuringLoadBalancer Ensuring load balancer']);
    await sb.run(`kubectl patch svc kubia-http -p '{"spec":{"type":"LoadBalancer"}}'`);
    sb.advance(60_000);
    expect(ingress(sb)).toHaveLength(1);
    const del = await sb.run('kubectl delete svc kubia-http');
    expect(del.output).toBe('service "kubia-http" deleted\n');
    expect(sb.cluster.client.tryGet('services', 'default', 'kubia-http')).toBeUndefined();
  });

  it('never assigns an address with loadBalancer: none (bare metal)', async () => {
    const sb = createSandbox({ loadBalancer: 'none' });
    await sb.apply(LB);
    sb.advance(10 * 60_000);
    expect(ingress(sb)).toBeUndefined();
    expect(reasons(sb)).toEqual([]);
    expect((await sb.run('kubectl get svc kubia-http')).stdout).toContain('<pending>');
  });

  it('draws pool addresses that are free', () => {
    const rng = createRng(1);
    const used = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const ip = pickAddress(rng, used) ?? '';
      expect(inPool(ip)).toBe(true);
      expect(used.has(ip)).toBe(false);
      used.add(ip);
    }
    expect(LB_POOL.cidr).toBe('34.97.0.0/16');
  });
});

describe('service-lb-controller updates', () => {
  it('re-ensures a built load balancer when what it follows changes, keeping the address', async () => {
    const sb = createSandbox();
    await sb.apply(LB);
    sb.advance(60_000);
    const ip = ingress(sb)?.[0].ip;
    const counts = () => Object.fromEntries((sb.cluster.client.list('events', 'default') as unknown as Array<Ev & { count: number }>)
      .filter((e) => e.involvedObject.name === 'kubia-http').map((e) => [e.reason, e.count]));
    expect(counts()).toEqual({ EnsuringLoadBalancer: 1, EnsuredLoadBalancer: 1 });
    expect((await sb.run(`kubectl patch svc kubia-http -p '{"spec":{"loadBalancerSourceRanges":["10.0.0.0/8"]}}'`)).code).toBe(0);
    expect(counts()).toEqual({ EnsuringLoadBalancer: 2, EnsuredLoadBalancer: 1 });
    sb.advance(11_000);
    expect(counts()).toEqual({ EnsuringLoadBalancer: 2, EnsuredLoadBalancer: 2 });
    expect(ingress(sb)?.[0].ip).toBe(ip);
    await sb.run('kubectl label svc kubia-http x=y');
    sb.advance(11_000);
    expect(counts()).toEqual({ EnsuringLoadBalancer: 2, EnsuredLoadBalancer: 2 });
  });
});
