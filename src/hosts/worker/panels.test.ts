import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../engine/sandbox';
import type { SandboxEvent } from '../../engine/protocol';
import { inspectObject, PanelHost } from './panels';
import { schemaBundle } from './schema-bundle';

describe('PanelHost', () => {
  it('inspect prints -o yaml and describe with kubectl\'s printers, and kubectl\'s error for a missing object', async () => {
    const sb = createSandbox();
    await sb.run('kubectl run web --image=nginx');
    sb.advance(20_000);
    const r = inspectObject(sb, { kind: 'Pod', namespace: 'default', name: 'web' });
    expect(r.yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(r.yaml).toContain('  phase: Running\n');
    expect(r.describe).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    expect(r.describe).toContain('Successfully assigned default/web to worker');
    expect(inspectObject(sb, { kind: 'Pod', namespace: 'default', name: 'nope' }).error).toBe('Error from server (NotFound): pods "nope" not found');
    expect(inspectObject(sb, { kind: 'Node', namespace: '', name: 'worker' }).describe).toMatch(/^Name:\s+worker\nRoles:\s+<none>\n/);
  });

  it('follows pod logs as logData events until stopped', async () => {
    const sb = createSandbox();
    await sb.run('kubectl run counter --image=busybox -- sh -c "while true; do echo tick; sleep 1; done"');
    sb.advance(5_000);
    const events: SandboxEvent[] = [];
    const host = new PanelHost((e) => events.push(e));
    host.handle({ type: 'followLogs', stream: 7, namespace: 'default', pod: 'counter' }, sb);
    const before = events.filter((e) => e.type === 'logData').map((e) => (e as { data: string }).data).join('');
    sb.advance(3_000);
    await Promise.resolve();
    const after = events.filter((e) => e.type === 'logData').map((e) => (e as { data: string }).data).join('');
    expect(before).toContain('tick\n');
    expect(after.length).toBeGreaterThan(before.length);
    host.handle({ type: 'stopLogs', stream: 7 }, sb);
    host.handle({ type: 'followLogs', stream: 8, namespace: 'default', pod: 'missing' }, sb);
    expect(events.at(-1)).toEqual({ type: 'logData', stream: 8, data: '', error: 'Error from server (NotFound): pods "missing" not found', done: true });
  });

  it('vim waits for the editor: openEditor goes out, editorClosed lets the command return', async () => {
    const events: SandboxEvent[] = [];
    const host = new PanelHost((e) => events.push(e));
    const sb = createSandbox({ host: { openEditor: (p) => host.openEditor(p) } });
    let done = false;
    const run = sb.run('vim notes.yaml; echo back').then((r) => { done = true; return r; });
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([{ type: 'openEditor', editor: 1_000_000, path: '/root/notes.yaml' }]);
    expect(done).toBe(false);
    host.handle({ type: 'editorClosed', editor: 1_000_000, saved: true }, sb);
    expect((await run).stdout).toBe('back\n');
  });

  it('the schema bundle picks a kind by apiVersion and kind, and rejects unknown fields', () => {
    const { schema, source } = schemaBundle() as { schema: { allOf: { if: { properties: { kind: { const: string }; apiVersion: { const: string } } }; then: { $ref: string } }[]; components: { schemas: Record<string, { additionalProperties?: unknown }> } }; source: string };
    const dep = schema.allOf.find((b) => b.if.properties.kind.const === 'Deployment')!;
    expect(dep.if.properties.apiVersion.const).toBe('apps/v1');
    expect(dep.then.$ref).toBe('#/components/schemas/io.k8s.api.apps.v1.Deployment');
    expect(schema.components.schemas['io.k8s.api.core.v1.PodSpec'].additionalProperties).toBe(false);
    expect(source).toMatch(/^kubernetes-models@/);
    expect((schema.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Time'] as { type?: unknown }).type).toEqual(['string', 'null']);
  });
});
