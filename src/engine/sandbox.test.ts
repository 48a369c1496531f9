import { describe, it, expect } from 'vitest';
import { createSandbox } from './sandbox';

describe('createSandbox', () => {
  it('applies YAML and advances virtual time until the pod runs', async () => {
    const sb = createSandbox();
    const r = await sb.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n');
    expect(r.output).toBe('pod/web created\n');
    expect(sb.cluster.client.get('pods', 'default', 'web').status).toMatchObject({ phase: 'Pending' });
    sb.advance(20_000);
    expect(sb.cluster.client.get('pods', 'default', 'web').status).toMatchObject({ phase: 'Running' });
    sb.cluster.stop();
  });

  it('runs kubectl exec in the container with the kubelet-managed /etc files', async () => {
    const sb = createSandbox();
    await sb.run('kubectl run web --image=nginx');
    expect((await sb.run('kubectl exec web -- cat /etc/hostname')).output)
      .toBe('error: unable to upgrade connection: container not found ("web")\n');
    await sb.run('sleep 20');
    const r = await sb.run('kubectl exec web -- cat /etc/hostname /etc/resolv.conf');
    expect(r.stdout).toBe('web\nsearch default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const missing = await sb.run('kubectl exec web -- cat /nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('cat: /nope: No such file or directory\ncommand terminated with exit code 1\n');
    sb.cluster.stop();
  });

  it('passes stdin to kubectl exec -i (and not without -i)', async () => {
    const sb = createSandbox();
    await sb.run('kubectl run web --image=nginx');
    await sb.run('sleep 20');
    expect((await sb.run('echo hello | kubectl exec -i web -- cat')).stdout).toBe('hello\n');
    expect((await sb.run("printf 'echo one; echo two >&2\\n' | kubectl exec -i web -- sh")).output).toBe('one\ntwo\n');
    expect((await sb.run('echo ignored | kubectl exec web -- cat')).stdout).toBe('');
    sb.cluster.stop();
  });

  it('hides managedFields in -o yaml/json unless --show-managed-fields, as kubectl does', async () => {
    const sb = createSandbox();
    sb.cluster.api.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: { fieldManager: 'kubectl-create' },
      headers: { 'User-Agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/abc' }, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } } });
    expect((await sb.run('kubectl get cm cfg -o yaml')).stdout).not.toContain('managedFields');
    expect((await sb.run('kubectl get cm cfg -o json')).stdout).not.toContain('managedFields');
    const shown = (await sb.run('kubectl get cm cfg -o yaml --show-managed-fields')).stdout;
    expect(shown).toContain('  managedFields:\n  - apiVersion: v1\n    fieldsType: FieldsV1\n    fieldsV1:\n      f:data:\n        .: {}\n        f:a: {}\n    manager: kubectl-create\n    operation: Update\n');
    sb.cluster.stop();
  });

  it('completes kubectl verbs, resource types and live object names on Tab', async () => {
    const sb = createSandbox();
    await sb.run('kubectl run web --image=nginx');
    expect(sb.shell.complete('kubectl des', 11).candidates).toContain('describe');
    expect(sb.shell.complete('kubectl get po', 14).candidates).toContain('pods');
    expect(sb.shell.complete('kubectl logs w', 14).candidates).toEqual(['web']);
    sb.cluster.stop();
  });

  it('stops the session on exit, as bash does', async () => {
    const sb = createSandbox();
    expect((await sb.run('exit 3')).code).toBe(3);
    expect(sb.shell.exited).toBe(true);
    sb.cluster.stop();
  });
});
