// Compares printYaml/printJson with real kubectl's offline (--dry-run=client) output.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { printJson, printYaml } from './index';

const tricky = fileURLToPath(new URL('./testdata/tricky.json', import.meta.url));

function kubectlAvailable(): boolean {
  try { execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' }); return true; } catch { return false; }
}

const HAVE_KUBECTL = kubectlAvailable();
const longWords = 'word '.repeat(40);
const longPlain = 'word '.repeat(40).trim();

const CASES: [string, string[]][] = [
  ['deployment', ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80']],
  ['configmap', ['create', 'configmap', 'cfg', `--from-literal=long=${longWords}`, `--from-literal=plain=${longPlain}`,
    '--from-literal=n=80', '--from-literal=t=true', '--from-literal=s=*', '--from-literal=c=a: b', '--from-literal=ml=l1\nl2\n',
    '--from-literal=empty=', '--from-literal=f=1.0', '--from-literal=ts=2025-03-10T09:00:00Z', '--from-literal=nul=null',
    '--from-literal=html=<a&b>', '--from-literal=hash=#x', '--from-literal=lead= x', '--from-literal=y=yes', '--from-literal=hex=0x1F',
    '--from-literal=tab=a\tb', '--from-literal=emoji=😀 x', '--from-literal=quote=it\'s "q"', '--from-literal=a10=x', '--from-literal=a9=x',
    '--from-literal=A=x', '--from-literal=_u=x', '--from-literal=a-b=x', '--from-literal=ml2=  indented\nnext', '--from-literal=trail=x ',
    '--from-literal=sp=a \nb', '--from-literal=nn=a\n\n']],
  ['secret', ['create', 'secret', 'generic', 'db', '--from-literal=password=s3cr3t', '--from-literal=user=admin']],
  ['namespace', ['create', 'namespace', 'dev']],
  ['service', ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:8443']],
  ['job', ['create', 'job', 'pi', '--image=perl', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)']],
  ['cronjob', ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/1 * * * *', '--', 'sh', '-c', 'date; echo Hello\n  there']],
];

describe.skipIf(!HAVE_KUBECTL)('printers match real kubectl output', () => {
  for (const [name, args] of CASES) {
    it(`-o yaml / -o json for ${name}`, () => {
      const run = (o: string) => {
        const cut = args.includes('--') ? args.indexOf('--') : args.length;
        return execFileSync('kubectl', [...args.slice(0, cut), '--dry-run=client', '-o', o, ...args.slice(cut)], { encoding: 'utf8' });
      };
      const yaml = run('yaml');
      const json = run('json');
      const obj = JSON.parse(json) as unknown;
      expect(printYaml(obj)).toBe(yaml);
      expect(printJson(obj, { sortKeys: false })).toBe(json);
    });
  }

  it('-o yaml / -o json for an object with tricky scalars, keys and nesting (annotate --local)', () => {
    const run = (o: string) => execFileSync('kubectl', ['annotate', '--local', '-f', tricky, 'z=1', '-o', o], { encoding: 'utf8' });
    const json = run('json');
    const obj = JSON.parse(json) as unknown;
    expect(printYaml(obj)).toBe(run('yaml'));
    expect(printJson(obj)).toBe(json);
  });

  it('multi-line and long keys become complex keys (? / :)', () => {
    const long = 'k'.repeat(129);
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, extra: { 'a\nb': 1, [long]: 'v', 'ok': { 'x\n': [1] } } };
    const file = `${process.env.TMPDIR ?? '/tmp'}/c2-complex-${process.pid}.json`;
    writeFileSync(file, JSON.stringify(obj));
    const run = (o: string) => execFileSync('kubectl', ['annotate', '--local', '-f', file, 'z=1', '-o', o], { encoding: 'utf8' });
    expect(printYaml(JSON.parse(run('json')))).toBe(run('yaml'));
  });
});
