import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';
import { indent, wrap } from './text';

// Golden files were printed by the real kubectl v1.32.4 (`kubectl explain …`) against the sandbox's
// /openapi/v3 served over the Node HTTP host, then masked: each line of description text became `…`,
// so the goldens hold kubectl's layout (headers, field lines, types, enums, wrapping line counts and
// indentation) rather than upstream prose, which comes from the generated schemas.
const golden = (name: string): string => readFileSync(new URL(`./testdata/${name}.txt`, import.meta.url), 'utf8');

/** mask replaces description lines with `…` (keeping their indentation), as in the goldens. */
function mask(text: string): string {
  let inEnum = false;
  return text.split('\n').map((l) => {
    if (/^ENUM:/.test(l)) { inEnum = true; return l; }
    if (inEnum && /^ {4}\S+$/.test(l)) return l;
    inEnum = false;
    if (/^(GROUP|KIND|VERSION|FIELD|DESCRIPTION|FIELDS):/.test(l) || /^\s*$/.test(l)) return l;
    if (/^\s*[\w$-]+\t<[^>]*>( -required-)?$/.test(l) || /^\s*enum: /.test(l)) return l;
    return l.replace(/^(\s*)\S.*$/, '$1…');
  }).join('\n');
}

describe('kubectl explain', () => {
  const cases: [string, string][] = [
    ['pods', 'pods'],
    ['pod.spec.containers', 'containers'],
    ['deployment.spec.strategy', 'strategy'],
    ['deployment.spec.strategy --recursive', 'strategy-rec'],
    ['pod.spec.dnsPolicy', 'dns'],
    ['pod.spec.containers.resources.limits', 'limits'],
    ['svc.spec.ports.targetPort', 'target'],
    ['deployments --api-version=apps/v1', 'deploy-av'],
    ['cronjob.spec.jobTemplate.spec.template.spec.containers.ports --recursive', 'cjrec'],
  ];
  for (const [args, file] of cases) {
    it(`prints kubectl 1.32's layout for explain ${args}`, async () => {
      const h = createHarness();
      const r = await h.kubectl(`explain ${args}`);
      expect({ ...r, out: mask(r.out) }).toEqual({ code: 0, out: golden(file), err: '' });
    });
  }

  it('--output=plaintext is the default template', async () => {
    const h = createHarness();
    expect((await h.kubectl('explain pods --output=plaintext')).out).toBe((await h.kubectl('explain pods')).out);
  });

  it('shows -required- and the short enum list in FIELDS', async () => {
    const h = createHarness();
    const r = await h.kubectl('explain pod.spec');
    expect(r.out).toContain('\n  containers\t<[]Container> -required-\n');
    expect(r.out).toContain('\n  dnsPolicy\t<string>\n  enum: ClusterFirst, ClusterFirstWithHostNet, Default, None\n');
    expect(r.out).toContain('\n  restartPolicy\t<string>\n  enum: Always, Never, OnFailure\n');
  });

  it('keeps the header and fails on an unknown field', async () => {
    const h = createHarness();
    expect(await h.kubectl('explain pods.spec.foo')).toEqual({ code: 1, out: golden('fieldfoo'), err: 'error: field "foo" does not exist\n' });
    expect((await h.kubectl('explain pods.spec.containers.foo.bar')).err).toBe('error: field "bar" does not exist\n');
  });

  it('reports unknown types, group-versions and formats with kubectl 1.32 wording', async () => {
    const h = createHarness();
    expect(await h.kubectl('explain foo')).toEqual({ code: 1, out: '', err: 'the server doesn\'t have a resource type "foo"\n' });
    expect((await h.kubectl('explain pods --api-version=v2')).err).toBe('error: couldn\'t find resource for "/v2, Resource=pods"\n');
    expect((await h.kubectl('explain pods --api-version=apps/v1')).err).toBe('error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n');
    expect((await h.kubectl('explain pods --output=json')).err).toBe('error: unrecognized format: json\n');
    expect((await h.kubectl('explain pods --output=plaintext-openapiv2')).err).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect((await h.kubectl('explain')).err).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect((await h.kubectl('explain pods nodes')).err).toBe('error: We accept only this format: explain RESOURCE\n');
  });

  it('accepts short names, kinds, resource.group prefixes and a trailing dot', async () => {
    const h = createHarness();
    const spec = (await h.kubectl('explain deployment.spec')).out;
    expect(spec).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: spec <DeploymentSpec>\n/);
    expect((await h.kubectl('explain deploy.spec')).out).toBe(spec);
    expect((await h.kubectl('explain deployments.apps.spec')).out).toBe(spec);
    const pods = (await h.kubectl('explain pods')).out;
    expect(mask(pods)).toBe(golden('pods'));
    expect((await h.kubectl('explain Pod')).out).toBe(pods);
    expect((await h.kubectl('explain po.')).out).toBe(pods);
  });
});

describe('explain text helpers', () => {
  it('wrap breaks at spaces within the limit, keeps newlines and lets long words overflow', () => {
    expect(wrap(10, 'aaa bbb ccc ddd')).toBe('aaa bbb\nccc ddd');
    expect(wrap(10, 'one\ntwo three four')).toBe('one\ntwo three\nfour');
    expect(wrap(5, 'https://example.com/x y')).toBe('https://example.com/x\ny');
    expect(indent(2, 'a\n\nb')).toBe('  a\n  \n  b');
  });
});
