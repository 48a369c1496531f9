import { describe, it, expect } from 'vitest';
import type { TrafficStats } from '../network/traffic';
import { createSandbox } from '../sandbox';
import { InterruptController } from '../util';
import { formatStatus } from './traffic';

const stats: TrafficStats = {
  id: 'traffic-1', target: 'svc/kubia', namespace: 'default', from: 'node/master', path: '/', rps: 5,
  startedAt: 0, now: 95_000, sent: 475, answered: 475, failures: 0, windowMs: 10_000, recentSent: 50, recentFailures: 0,
  versions: [
    { revision: '5d7c9c8f6', version: 'v1', image: 'luksa/kubia:v1', count: 300, failures: 0, share: 300 / 475, recent: 10, recentFailures: 0, recentShare: 0.2 },
    { revision: '7b6f6c9d4', version: 'v2', image: 'luksa/kubia:v2', count: 175, failures: 0, share: 175 / 475, recent: 40, recentFailures: 0, recentShare: 0.8 },
  ],
  pods: [
    { namespace: 'default', pod: 'kubia-5d7c9c8f6-abcde', revision: '5d7c9c8f6', version: 'v1', image: 'luksa/kubia:v1', count: 300, failures: 0, share: 300 / 475, recent: 10, recentFailures: 0, recentShare: 0.2 },
    { namespace: 'default', pod: 'kubia-7b6f6c9d4-xyz12', revision: '7b6f6c9d4', version: 'v2', image: 'luksa/kubia:v2', count: 175, failures: 0, share: 175 / 475, recent: 40, recentFailures: 0, recentShare: 0.8 },
  ],
};

describe('sandbox traffic', () => {
  it('formats shares per version and per pod, with the last 10 seconds as a bar', () => {
    expect(formatStatus([stats])).toBe([
      'GENERATOR   TARGET      NAMESPACE   FROM          RATE   SENT   FAILED   AGE',
      'traffic-1   svc/kubia   default     node/master   5/s    475    0        95s',
      '',
      'VERSION   REVISION    ANSWERS   SHARE   LAST 10s          FAILED',
      'v1        5d7c9c8f6   300       63%     ██░░░░░░░░  20%   0',
      'v2        7b6f6c9d4   175       37%     ████████░░  80%   0',
      '',
      'POD                     VERSION   ANSWERS   SHARE   LAST 10s   FAILED',
      'kubia-5d7c9c8f6-abcde   v1        300       63%     20%        0',
      'kubia-7b6f6c9d4-xyz12   v2        175       37%     80%        0',
      '',
    ].join('\n'));
    expect(formatStatus([])).toBe('No traffic generator is running. Start one with: sandbox traffic svc/NAME --rps 5\n');
  });

  it('starts, changes the rate, reports and stops a generator', async () => {
    const s = createSandbox();
    await s.run('kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=2');
    await s.run('kubectl expose deployment kubia --port=80 --target-port=8080');
    expect(await s.run('sandbox traffic svc/kubia --rps 5')).toMatchObject({
      stdout: 'traffic generator traffic-1 started: 5 requests/s from node/master to svc/kubia in namespace "default"\n', code: 0,
    });
    expect((await s.run('sandbox traffic svc/kubia --rps 10')).stdout).toBe('traffic generator traffic-1: now 10 requests/s to svc/kubia\n');
    await s.run('sleep 3');
    const status = (await s.run('sandbox traffic')).stdout;
    expect(status.split('\n').slice(0, 2).map((l) => l.split(/ +/))).toEqual([
      ['GENERATOR', 'TARGET', 'NAMESPACE', 'FROM', 'RATE', 'SENT', 'FAILED', 'AGE'],
      ['traffic-1', 'svc/kubia', 'default', 'node/master', '10/s', '30', expect.stringMatching(/^\d+$/), '3s'],
    ]);
    expect((await s.run('sandbox traffic stop')).stdout).toMatch(/^traffic generator traffic-1 stopped: 30 requests, \d+ failed\n$/);
    expect(await s.run('sandbox traffic stop')).toMatchObject({ stderr: 'sandbox: no traffic generator is running\n', code: 1 });
    s.cluster.stop();
  });

  it('rejects bad targets, sources, rates and flags with CLI-style errors', async () => {
    const s = createSandbox();
    const err = async (line: string) => (await s.run(line)).stderr;
    expect(await err('sandbox traffic svc/nope')).toBe('sandbox: service "nope" not found in namespace "default"\n');
    expect(await err('sandbox traffic kubia')).toBe('sandbox: invalid target "kubia": use svc/NAME or http://HOST[:PORT][/PATH]\n');
    expect(await err('sandbox traffic svc/kubernetes --rps 0')).toBe('sandbox: invalid rate 0: must be more than 0 and at most 100 requests per second\n');
    expect(await err('sandbox traffic svc/kubernetes --rps x')).toBe('sandbox: invalid rate "x"\n');
    expect(await err('sandbox traffic svc/kubernetes --from ghost')).toBe('sandbox: pod "ghost" not found in namespace "default"\n');
    expect(await err('sandbox traffic svc/kubernetes --from node/nope')).toBe('sandbox: node "nope" not found\n');
    expect(await err('sandbox traffic svc/kubernetes --bogus')).toBe('sandbox: unknown flag: --bogus\n');
    expect(await err('sandbox traffic stop traffic-9')).toBe('sandbox: traffic generator "traffic-9" not found\n');
    expect((await s.run('sandbox help')).stdout).toContain('sandbox traffic [status]');
    s.cluster.stop();
  });
});

describe('sandbox traffic -w', () => {
  it('prints the tables again every 2 s of virtual time until Ctrl-C', async () => {
    const s = createSandbox();
    await s.run('kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=2');
    await s.run('kubectl expose deployment kubia --port=80 --target-port=8080');
    await s.run('sleep 30');
    await s.run('sandbox traffic svc/kubia --rps 5');
    const ic = new InterruptController();
    let out = '';
    const code = await s.shell.run('sandbox traffic -w\n', {
      stdout: (t) => { out += t; if (out.split('GENERATOR').length > 3) ic.fire(); },
      stderr: () => {},
      interrupt: ic.signal,
    });
    expect(code).toBe(130);
    const sent = [...out.matchAll(/^traffic-1 +svc\/kubia +default +node\/master +5\/s +(\d+) /gm)].map((m) => Number(m[1]));
    expect(sent).toEqual([0, 10, 20]);
    s.cluster.stop();
  });
});
