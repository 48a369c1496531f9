import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

type Spec = { template: { spec: { containers: Array<{ env?: Array<{ name: string; value?: string }>; resources?: Record<string, Record<string, string>> }> } } };

function setup() {
  const h = createHarness();
  h.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia', namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'kubia' } }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] } } },
  });
  const spec = () => h.client.get('deployments.apps', 'default', 'kubia').spec as Spec;
  return { h, spec };
}

describe('kubectl set env / set resources', () => {
  it('adds, overwrites, lists and removes variables', async () => {
    const { h, spec } = setup();
    expect((await h.kubectl('set env deployment/kubia A=1 B=2')).out).toBe('deployment.apps/kubia env updated\n');
    expect(spec().template.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect((await h.kubectl('set env deployment/kubia A=3 B-')).out).toBe('deployment.apps/kubia env updated\n');
    expect((await h.kubectl('set env deployment/kubia --list')).out).toBe('# Deployment kubia, container nodejs\nA=3\n');
    expect((await h.kubectl('set env deployment/kubia A=4 --overwrite=false')).err).toBe("error: 'A' already has a value (3), and --overwrite is false\n");
    expect((await h.kubectl('set env deployment/kubia X=1 -c other')).err).toBe('Warning: Deployment/kubia does not have any containers matching "other"\n');
    expect((await h.kubectl('set env A=1 deployment/kubia')).err).toBe('error: all resources must be specified before environment changes: deployment/kubia\n');
  });

  it('merges limits and requests into the selected containers', async () => {
    const { h, spec } = setup();
    expect((await h.kubectl('set resources deployment kubia --limits=cpu=200m,memory=512Mi')).out).toBe('deployment.apps/kubia resource requirements updated\n');
    expect((await h.kubectl('set resources deployment kubia --requests=cpu=100m')).out).toBe('deployment.apps/kubia resource requirements updated\n');
    const res = spec().template.spec.containers[0].resources!;
    expect(res.limits).toEqual({ cpu: '200m', memory: '512Mi' });
    expect(res.requests.cpu).toBe('100m');
    expect((await h.kubectl('set resources deployment kubia')).err).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    expect((await h.kubectl('set resources deployment kubia --limits=cpu=1 -c nope')).err).toBe('error: unable to find container named nope\n');
  });

  it('--record warns and stores the command line as kubernetes.io/change-cause', async () => {
    const { h } = setup();
    const r = await h.kubectl('set image deployment kubia nodejs=luksa/kubia:v2 --record');
    expect(r.err).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(r.out).toBe('deployment.apps/kubia image updated\n');
    expect(h.client.get('deployments.apps', 'default', 'kubia').metadata.annotations?.['kubernetes.io/change-cause'])
      .toBe('kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true');
    expect((await h.kubectl('set env deployment kubia A=1 --record')).err).toMatch(/^error: unknown flag: --record\nSee 'kubectl set env --help' for usage.\n/);
  });
});
