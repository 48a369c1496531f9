import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox';
import type { CommandContext } from '../../shell/types';
import { createNetCommand } from './workstation';
import { createFakeNetwork } from './testing';

describe('workstation network commands', () => {
  it('reach ClusterIPs and NodePorts from master, save files, and wait in virtual time', async () => {
    const sb = createSandbox();
    try {
      await sb.run('kubectl create deployment web --image=nginx --replicas=2');
      await sb.run('kubectl expose deployment web --port=80 --type=NodePort');
      await sb.run('sleep 30');
      const ip = (await sb.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'")).stdout;
      const np = (await sb.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'")).stdout;
      expect((await sb.run(`curl -s http://${ip} | grep title`)).stdout).toBe('<title>Welcome to nginx!</title>\n');
      expect((await sb.run(`curl -s -o /dev/null -w '%{http_code}' 192.168.1.3:${np}`)).stdout).toBe('200');
      expect(await sb.run('curl -s web')).toMatchObject({ code: 6, output: '' });
      expect((await sb.run(`wget -q -O page.html http://${ip}/ && grep -c nginx page.html`)).stdout).toBe('6\n');
      const before = sb.cluster.clock.now();
      const r = await sb.run(`curl -sS -m 2 http://${ip}:81/`);
      expect(r).toMatchObject({ code: 28, stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n' });
      expect(sb.cluster.clock.now() - before).toBeGreaterThanOrEqual(2000);
      expect((await sb.run(`ping -c 1 ${ip}`)).code).toBe(1);
      expect((await sb.run('nslookup web.default.svc.cluster.local 10.96.0.10')).stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
      expect((await sb.run('dig +short @10.96.0.10 web.default.svc.cluster.local')).stdout).toBe(`${ip}\n`);
    } finally {
      sb.cluster.stop();
    }
  }, 30_000);

  it('streams ping a second at a time and prints the statistics on Ctrl-C', async () => {
    const net = createFakeNetwork({ pingable: ['10.244.1.9'] });
    let echoes = 0;
    const ping = net.ping;
    net.ping = (src, ip) => { echoes++; return ping(src, ip); };
    const cmd = createNetCommand(net, 'master');
    let out = '';
    let sleeps = 0;
    const ctx = {
      argv: ['ping', '10.244.1.9'], stdin: '', env: {}, cwd: '/root', isTTY: true,
      stdout: (s: string) => { out += s; }, stderr: (s: string) => { out += s; },
      time: { sleep: async () => ++sleeps < 4, waitFor: async () => true, poll: () => {} },
      interrupt: { interrupted: false, onInterrupt: () => () => {} },
    } as unknown as CommandContext;
    const code = await cmd(ctx);
    expect(code).toBe(0);
    // Echoes are sent one per second as time passes, not all up front.
    expect(echoes).toBe(2);
    expect(out).toMatch(/^PING 10\.244\.1\.9 \(10\.244\.1\.9\) 56\(84\) bytes of data\.\n64 bytes from 10\.244\.1\.9: icmp_seq=1 ttl=63 time=[\d.]+ ms\n64 bytes from 10\.244\.1\.9: icmp_seq=2 ttl=63 time=[\d.]+ ms\n--- 10\.244\.1\.9 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1001ms\nrtt min\/avg\/max\/mdev = [\d./]+ ms\n$/);
  });
});
