import { describe, it, expect } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { createSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import type { KObject } from '../../types';
import { cannedManifest } from './manifest';

const CLOUD = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/cloud/deploy.yaml';
const BAREMETAL = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/baremetal/deploy.yaml';

const KUBIA_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  ingressClassName: nginx
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: kubia
            port:
              number: 80
`;

const addressOf = (sb: Sandbox, name = 'kubia') =>
  ((sb.cluster.client.get('ingresses', 'default', name) as unknown as Ingress).status?.loadBalancer?.ingress ?? []).map((i) => i.ip);

/** assignLb plays the cloud's part when no LoadBalancer controller assigned an address yet. */
function assignLb(sb: Sandbox, ip: string) {
  const svc = sb.cluster.client.get('services', 'ingress-nginx', 'ingress-nginx-controller') as unknown as Service;
  if (svc.status?.loadBalancer?.ingress?.length) return svc.status.loadBalancer.ingress[0].ip ?? ip;
  const next = { ...svc, status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } };
  sb.cluster.client.updateStatus('services', 'ingress-nginx', next as unknown as KObject);
  return ip;
}

describe('ingress-nginx install', () => {
  it('serves the canned manifests only for the known URLs', () => {
    expect(cannedManifest(CLOUD)).toContain('type: LoadBalancer');
    expect(cannedManifest(BAREMETAL)).toContain('type: NodePort');
    expect(cannedManifest(CLOUD)).toContain('image: registry.k8s.io/ingress-nginx/controller:v1.12.0@sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa');
    expect(cannedManifest('https://raw.githubusercontent.com/someone/else/main/deploy.yaml')).toBeUndefined();
    expect(cannedManifest(CLOUD.replace('v1.12.0', 'v1.14.0'))).toContain('image: registry.k8s.io/ingress-nginx/controller:v1.14.0\n');
    expect(cannedManifest(CLOUD.replace('v1.12.0', 'v1.12.99'))).toBeUndefined();
  });

  it('kubectl apply -f URL installs the controller, which becomes Ready and publishes its address on Ingresses', async () => {
    const sb = createSandbox();
    try {
      const out = await sb.run(`kubectl apply -f ${CLOUD}`);
      expect(out.code).toBe(0);
      expect(out.stdout.split('\n')).toEqual(expect.arrayContaining([
        'namespace/ingress-nginx created', 'service/ingress-nginx-controller created', 'deployment.apps/ingress-nginx-controller created',
        'ingressclass.networking.k8s.io/nginx created', 'job.batch/ingress-nginx-admission-create created',
      ]));
      await sb.apply(KUBIA_INGRESS);
      sb.advance(60_000);
      const pods = await sb.run('kubectl get pods -n ingress-nginx --no-headers');
      expect(pods.stdout).toMatch(/^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0/m);
      expect(pods.stdout).toMatch(/^ingress-nginx-admission-create-[a-z0-9]{5}\s+0\/1\s+Completed/m);
      const ip = assignLb(sb, '192.168.1.240');
      sb.advance(61_000);
      expect(addressOf(sb)).toEqual([ip]);
      const get = await sb.run('kubectl get ingress');
      expect(get.stdout).toMatch(new RegExp(`^NAME\\s+CLASS\\s+HOSTS\\s+ADDRESS\\s+PORTS\\s+AGE\\nkubia\\s+nginx\\s+kubia\\.example\\.com\\s+${ip.replace(/\./g, '\\.')}\\s+80\\s+\\S+\\n$`));
      const events = await sb.run('kubectl get events --field-selector involvedObject.kind=Ingress --no-headers');
      expect(events.stdout).toMatch(/Normal\s+Sync\s+ingress\/kubia\s+Scheduled for sync/);
      const logs = await sb.run('kubectl logs -n ingress-nginx deploy/ingress-nginx-controller');
      expect(logs.stdout).toContain('NGINX Ingress controller\n  Release:       v1.12.0\n');
    } finally { sb.cluster.stop(); }
  });

  it('leaves Ingresses of other classes alone', async () => {
    const sb = createSandbox();
    try {
      await sb.run(`kubectl apply -f ${CLOUD}`);
      await sb.apply(KUBIA_INGRESS.replace('ingressClassName: nginx', 'ingressClassName: traefik'));
      sb.advance(60_000);
      assignLb(sb, '192.168.1.240');
      sb.advance(61_000);
      expect(addressOf(sb)).toEqual([]);
    } finally { sb.cluster.stop(); }
  });

  it('publishes the node address on bare metal (NodePort Service, no --publish-service)', async () => {
    const sb = createSandbox();
    try {
      await sb.run(`kubectl apply -f ${BAREMETAL}`);
      await sb.apply(KUBIA_INGRESS);
      sb.advance(90_000);
      const svc = await sb.run('kubectl get svc -n ingress-nginx ingress-nginx-controller --no-headers');
      expect(svc.stdout).toMatch(/^ingress-nginx-controller\s+NodePort\s+[\d.]+\s+<none>\s+80:3\d{4}\/TCP,443:3\d{4}\/TCP/);
      const pod = (await sb.run("kubectl get pods -n ingress-nginx -l app.kubernetes.io/component=controller -o jsonpath='{.items[0].status.hostIP}'")).stdout;
      expect(addressOf(sb)).toEqual([pod]);
    } finally { sb.cluster.stop(); }
  });

  it('fails other URLs as kubectl does offline', async () => {
    const sb = createSandbox();
    try {
      const gh = await sb.run('kubectl apply -f https://raw.githubusercontent.com/someone/else/main/deploy.yaml');
      expect(gh.stderr.split('\n')[0]).toBe('Unable to connect to the server: dial tcp: lookup raw.githubusercontent.com on 192.168.1.1:53: no such host');
      const ex = await sb.run('kubectl apply -f https://example.com/x.yaml');
      expect(ex.stderr.split('\n')[0]).toBe('error: unable to read URL "https://example.com/x.yaml", server reported 404 Not Found, status code=404');
    } finally { sb.cluster.stop(); }
  });

  it('rejects the book\'s extensions/v1beta1 Ingress with the v1.32 error and a hint', async () => {
    const sb = createSandbox({ files: { '/root/kubia-ingress.yaml': KUBIA_INGRESS.replace('networking.k8s.io/v1', 'extensions/v1beta1') } });
    try {
      const r = await sb.run('kubectl create -f kubia-ingress.yaml');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: resource mapping not found for name: "kubia" namespace: "" from "kubia-ingress.yaml": no matches for kind "Ingress" in version "extensions\/v1beta1"\nensure CRDs are installed first\nhint: .*networking\.k8s\.io\/v1/);
    } finally { sb.cluster.stop(); }
  });
});

describe('traffic through the controller', () => {
  it("curl -H 'Host: kubia.example.com' http://<ingress-ip>/ reaches the kubia pods; the controller logs each request", async () => {
    const sb = createSandbox();
    try {
      await sb.run(`kubectl apply -f ${CLOUD}`);
      await sb.run('kubectl create deployment kubia --image=luksa/kubia --replicas=3');
      await sb.run('kubectl expose deployment kubia --port=80 --target-port=8080');
      await sb.apply(KUBIA_INGRESS);
      sb.advance(60_000);
      assignLb(sb, '192.168.1.240');
      sb.advance(61_000);
      const ip = addressOf(sb)[0] ?? '';
      const answers = new Set<string>();
      for (let i = 0; i < 12; i++) {
        const r = await sb.run(`curl -s -H 'Host: kubia.example.com' http://${ip}/`);
        expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]+-[a-z0-9]{5}\n$/);
        answers.add(r.stdout);
      }
      expect(answers.size).toBeGreaterThan(1);
      expect((await sb.run(`curl -s http://${ip}/`)).stdout).toContain('<head><title>404 Not Found</title></head>');
      await sb.run('kubectl scale deployment kubia --replicas=0');
      sb.advance(10_000);
      expect((await sb.run(`curl -s -o /dev/null -w '%{http_code}' -H 'Host: kubia.example.com' http://${ip}/`)).stdout).toBe('503');
      const logs = (await sb.run('kubectl logs -n ingress-nginx deploy/ingress-nginx-controller --tail=2')).stdout.split('\n');
      expect(logs[0]).toMatch(/"GET \/ HTTP\/1\.1" 404 146 .* \[upstream-default-backend\] \[\] 127\.0\.0\.1:8181 146 0\.000 404 [0-9a-f]{32}$/);
      expect(logs[1]).toMatch(/"GET \/ HTTP\/1\.1" 503 190 .* \[default-kubia-80\] \[\] - - - - [0-9a-f]{32}$/);
    } finally { sb.cluster.stop(); }
  });
});

describe('sandbox addons enable ingress', () => {
  it('installs the controller with nginx as the default IngressClass, so class-less Ingresses are served', async () => {
    const sb = createSandbox();
    try {
      const out = await sb.run('sandbox addons enable ingress');
      expect(out.stdout).toContain('deployment/ingress-nginx-controller created\n');
      expect((await sb.run("kubectl get ingressclass nginx -o jsonpath='{.metadata.annotations}'")).stdout).toBe('{"ingressclass.kubernetes.io/is-default-class":"true"}');
      await sb.apply(KUBIA_INGRESS.replace('  ingressClassName: nginx\n', ''));
      sb.advance(60_000);
      const ip = assignLb(sb, '192.168.1.240');
      sb.advance(61_000);
      expect(addressOf(sb)).toEqual([ip]);
      expect((await sb.run('sandbox addons enable ingress')).stdout).toBe('ingress is already enabled\n');
    } finally { sb.cluster.stop(); }
  });
});
