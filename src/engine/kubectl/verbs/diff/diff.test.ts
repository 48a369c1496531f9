import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';
import { unifiedDiff } from './unified';

describe('unifiedDiff', () => {
  it('produces diff -u hunks with 3 lines of context', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const b = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i'];
    expect(unifiedDiff(a, b)).toBe('@@ -2,7 +2,8 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n+i\n');
    expect(unifiedDiff(a, a)).toBe('');
    expect(unifiedDiff([], ['x'])).toBe('@@ -0,0 +1 @@\n+x\n');
  });
});

describe('kubectl diff', () => {
  it('exits 0 when the manifest matches and 1 with a unified diff otherwise', async () => {
    const h = createHarness();
    const cm = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "${v}"\n`;
    h.fs.writeFile(`${h.fs.home}/cm.yaml`, cm('1'));
    await h.kubectl('apply -f cm.yaml');
    expect(await h.kubectl('diff -f cm.yaml')).toEqual({ code: 0, out: '', err: '' });
    h.fs.writeFile(`${h.fs.home}/cm.yaml`, cm('2'));
    const r = await h.kubectl('diff -f cm.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.c \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.c\n--- /);
    expect(r.out).toContain('\n-  a: "1"\n+  a: "2"\n');
    expect(h.client.get('configmaps', 'default', 'c').data).toEqual({ a: '1' });
  });
});
