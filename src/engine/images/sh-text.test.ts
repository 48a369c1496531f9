import { describe, it, expect } from 'vitest';
import { execSync } from './sh-run';
import { COMMON_BINARIES, BUSYBOX_BINARIES } from './program';

const env = (flavor: 'busybox' | 'gnu') => ({
  vars: new Map([['KUBIA_SERVICE_HOST', '10.96.6.96'], ['KUBIA_SERVICE_PORT', '80'], ['HOME', '/root']]),
  fs: new Map([['/etc/hosts', '127.0.0.1\tlocalhost\n10.244.1.5\tclient\n']]),
  hostname: 'client', now: () => 0, binaries: new Set(flavor === 'busybox' ? BUSYBOX_BINARIES : COMMON_BINARIES), flavor,
});

describe('text filters in container pipes', () => {
  it('grep, head, tail and wc work on a pipe and on files', () => {
    expect(execSync(['sh', '-c', 'env | grep KUBIA_'], env('gnu')).stdout).toBe('KUBIA_SERVICE_HOST=10.96.6.96\nKUBIA_SERVICE_PORT=80\n');
    expect(execSync(['sh', '-c', 'env | grep -c KUBIA'], env('gnu')).stdout).toBe('2\n');
    expect(execSync(['sh', '-c', 'env | grep nothing'], env('gnu')).exitCode).toBe(1);
    expect(execSync(['sh', '-c', 'grep -v localhost /etc/hosts'], env('busybox')).stdout).toBe('10.244.1.5\tclient\n');
    expect(execSync(['sh', '-c', 'cat /etc/hosts | head -n 1'], env('busybox')).stdout).toBe('127.0.0.1\tlocalhost\n');
    expect(execSync(['sh', '-c', 'tail -1 /etc/hosts'], env('gnu')).stdout).toBe('10.244.1.5\tclient\n');
    expect(execSync(['sh', '-c', 'env | wc -l'], env('gnu')).stdout).toBe('3\n');
    expect(execSync(['sh', '-c', 'env | cut -c1'], env('gnu')).stderr).toBe('sh: 1: cut: not found\n');
  });
});

describe('working directory in container shells', () => {
  it('cd changes where relative paths, pwd and ls point', () => {
    const r = execSync(['sh', '-c', 'cd /tmp; echo x > f; pwd; cat /tmp/f; ls; cd /etc && cat hosts | head -1'], env('busybox'));
    expect(r.stdout).toBe('/tmp\nx\nf\n127.0.0.1\tlocalhost\n');
    expect(execSync(['sh', '-c', 'cd /nope'], env('busybox'))).toMatchObject({ exitCode: 1, stderr: "sh: cd: can't cd to /nope: No such file or directory\n" });
    expect(execSync(['sh', '-c', 'cd /nope'], env('gnu'))).toMatchObject({ exitCode: 2, stderr: "sh: 1: cd: can't cd to /nope\n" });
  });
});
