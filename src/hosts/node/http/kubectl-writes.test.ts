/**
 * Real-kubectl oracle for writes: server-side apply (create, managedFields, conflicts, --force-conflicts),
 * server-side field validation (Strict/Warn/Ignore), edit with a scripted EDITOR, replace, replace --force,
 * diff and the three patch types.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECTL, startHarness } from './kubectl-harness';
import type { Harness } from './kubectl-harness';

if (!KUBECTL) console.warn('kubectl not found on PATH: skipping the real-kubectl write tests');

const podYaml = (name: string, image: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n${extra}  containers:\n  - name: web\n    image: ${image}\n`;

describe.skipIf(!KUBECTL)('real kubectl writes against the HTTP host', () => {
  let h: Harness;
  const file = (name: string, text: string) => { const p = join(h.dir, name); writeFileSync(p, text); return p; };
  beforeAll(async () => { h = await startHarness(); }, 60_000);
  afterAll(async () => { await h?.close(); });

  it('field validation: Strict rejects unknown fields with the decoder text, warn warns, false ignores', async () => {
    const bad = file('bad.yaml', podYaml('fv', 'nginx', '  foo: 1\n  bar: x\n'));
    const strict = await h.kubectl(['apply', '-f', bad]);
    expect(strict).toMatchObject({ code: 1, stdout: '' });
    expect(strict.stderr).toBe(`Error from server (BadRequest): error when creating "${bad}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bar", unknown field "spec.foo"\n`);
    const warn = await h.kubectl(['create', '--validate=warn', '-f', bad]);
    expect(warn).toMatchObject({ code: 0, stdout: 'pod/fv created\n' });
    expect(warn.stderr).toBe('Warning: unknown field "spec.bar"\nWarning: unknown field "spec.foo"\n');
    const ignore = await h.kubectl(['create', '--validate=false', '-f', file('bad2.yaml', podYaml('fv2', 'nginx', '  foo: 1\n'))]);
    expect(ignore).toMatchObject({ code: 0, stdout: 'pod/fv2 created\n', stderr: '' });
    expect((await h.kubectl(['get', 'pod', 'fv2', '-o', 'jsonpath={.spec.foo}'])).stdout).toBe('');
  }, 60_000);

  it('apply --server-side creates, records managedFields, reports conflicts and --force-conflicts takes over', async () => {
    expect(await h.kubectl(['apply', '--server-side', '-f', file('ssa.yaml', podYaml('ssa', 'nginx'))])).toMatchObject({ code: 0, stdout: 'pod/ssa serverside-applied\n', stderr: '' });
    const shown = await h.kubectl(['get', 'pod', 'ssa', '-o', 'yaml', '--show-managed-fields']);
    expect(shown.stdout).toMatch(/ {2}managedFields:\n {2}- apiVersion: v1\n {4}fieldsType: FieldsV1\n {4}fieldsV1:\n {6}f:metadata:\n {8}f:labels:\n {10}f:app: \{\}\n {6}f:spec:\n {8}f:containers:\n {10}k:\{"name":"web"\}:\n {12}\.: \{\}\n {12}f:image: \{\}\n {12}f:name: \{\}\n {4}manager: kubectl\n {4}operation: Apply\n {4}time: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
    expect((await h.kubectl(['get', 'pod', 'ssa', '-o', 'yaml'])).stdout).not.toContain('managedFields');

    // A field owned by client-side apply conflicts; --force-conflicts takes it over.
    const csa = file('csa.yaml', podYaml('csa', 'nginx'));
    expect((await h.kubectl(['apply', '-f', csa])).stdout).toBe('pod/csa created\n');
    const clash = await h.kubectl(['apply', '--server-side', '-f', file('csa2.yaml', podYaml('csa', 'nginx:1.27'))]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: \.spec\.containers\[name="web"\]\.image\n/);
    const forced = await h.kubectl(['apply', '--server-side', '--force-conflicts', '-f', join(h.dir, 'csa2.yaml')]);
    expect(forced).toMatchObject({ code: 0, stdout: 'pod/csa serverside-applied\n' });
    expect((await h.kubectl(['get', 'pod', 'csa', '-o', 'jsonpath={.spec.containers[0].image}'])).stdout).toBe('nginx:1.27');
    const unknown = await h.kubectl(['apply', '--server-side', '-f', file('ssa-bad.yaml', podYaml('ssa', 'nginx', '  foo: 1\n'))]);
    expect(unknown.stderr).toBe('Error from server: failed to create typed patch object (/v1, Kind=Pod): .spec.foo: field not declared in schema\n');
  }, 60_000);

  it('edit with a scripted EDITOR, replace, replace --force and diff', async () => {
    const f = file('ed.yaml', podYaml('ed', 'nginx'));
    expect((await h.kubectl(['create', '-f', f])).stdout).toBe('pod/ed created\n');
    const edited = await h.kubectl(['edit', 'pod', 'ed'], { env: { EDITOR: 'sed -i s/image:\\ nginx$/image:\\ nginx:1.27/' } });
    expect(edited).toMatchObject({ code: 0, stdout: 'pod/ed edited\n' });
    expect((await h.kubectl(['get', 'pod', 'ed', '-o', 'jsonpath={.spec.containers[0].image}'])).stdout).toBe('nginx:1.27');
    expect((await h.kubectl(['edit', 'pod', 'ed'], { env: { EDITOR: 'true' } })).stderr).toBe('Edit cancelled, no changes made.\n');

    const same = await h.kubectl(['diff', '-f', file('ed2.yaml', podYaml('ed', 'nginx:1.27'))]);
    expect(same).toMatchObject({ code: 0, stdout: '' });
    const diff = await h.kubectl(['diff', '-f', file('ed3.yaml', podYaml('ed', 'nginx:1.26'))]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^- {2}- image: nginx:1\.27$/m);
    expect(diff.stdout).toMatch(/^\+ {2}- image: nginx:1\.26$/m);

    // replace takes the whole live object back (a bare manifest would change immutable pod fields).
    const live = (await h.kubectl(['get', 'pod', 'ed', '-o', 'yaml'])).stdout;
    expect(await h.kubectl(['replace', '-f', '-'], { input: live.replace('app: ed', 'app: ed2') })).toMatchObject({ code: 0, stdout: 'pod/ed replaced\n' });
    expect((await h.kubectl(['get', 'pod', 'ed', '-o', 'jsonpath={.metadata.labels.app}'])).stdout).toBe('ed2');
    const immutable = await h.kubectl(['replace', '-f', join(h.dir, 'ed3.yaml')]);
    expect(immutable.stderr).toMatch(/^The Pod "ed" is invalid: \n/);
    expect(immutable.stderr).toContain('* spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
    const forced = await h.kubectl(['replace', '--force', '--grace-period=0', '-f', join(h.dir, 'ed3.yaml')]);
    expect(forced.stdout).toBe('pod "ed" deleted\npod/ed replaced\n');
    expect((await h.kubectl(['get', 'pod', 'ed', '-o', 'jsonpath={.spec.containers[0].image}'])).stdout).toBe('nginx:1.26');
  }, 90_000);

  it('patch: strategic (default), merge and json, and "patched (no change)"', async () => {
    await h.kubectl(['create', '-f', file('pt.yaml', podYaml('pt', 'nginx'))]);
    expect((await h.kubectl(['patch', 'pod', 'pt', '-p', '{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}'])).stdout).toBe('pod/pt patched\n');
    expect((await h.kubectl(['patch', 'pod', 'pt', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}'])).stdout).toBe('pod/pt patched\n');
    expect((await h.kubectl(['patch', 'pod', 'pt', '--type=json', '-p', '[{"op":"replace","path":"/metadata/labels/tier","value":"back"}]'])).stdout).toBe('pod/pt patched\n');
    expect((await h.kubectl(['patch', 'pod', 'pt', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"back"}}}'])).stdout).toBe('pod/pt patched (no change)\n');
    const got = await h.kubectl(['get', 'pod', 'pt', '-o', 'jsonpath={.spec.containers[0].image} {.metadata.labels.tier}']);
    expect(got.stdout).toBe('nginx:1.27 back');
    const bad = await h.kubectl(['patch', 'pod', 'pt', '--type=json', '-p', '[{"op":"remove","path":"/metadata/labels/nope"}]']);
    expect(bad.code).toBe(1);
  }, 60_000);

  it('create ingress sends a protobuf Ingress that the host decodes (rules, inline http, TLS, default backend)', async () => {
    const r = await h.kubectl(['create', 'ingress', 'kubia', '--rule=kubia.example.com/*=kubia:80', '--rule=foo.com/bar=svc2:http,tls=my-cert', '--default-backend=def:8080', '--class=nginx']);
    expect(r).toMatchObject({ code: 0, stdout: 'ingress.networking.k8s.io/kubia created\n' });
    const ing = JSON.parse((await h.kubectl(['get', 'ingress', 'kubia', '-o', 'json'])).stdout);
    expect(ing.spec).toEqual({
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'def', port: { number: 8080 } } },
      rules: [
        { host: 'kubia.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } }] } },
        { host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Exact', backend: { service: { name: 'svc2', port: { name: 'http' } } } }] } },
      ],
      tls: [{ hosts: ['foo.com'], secretName: 'my-cert' }],
    });
    expect(ing.status).toEqual({ loadBalancer: {} });
  }, 60_000);
});
