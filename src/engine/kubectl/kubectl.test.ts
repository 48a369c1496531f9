import { describe, it, expect } from 'vitest';
import { HELP_TEXTS } from './help/help-texts';
import { createHarness } from './testing/harness';

describe('kubectl command dispatch', () => {
  it('prints kubectl help for no args, --help and help VERB', async () => {
    const h = createHarness();
    expect((await h.kubectl([])).out).toBe(HELP_TEXTS['']);
    expect((await h.kubectl('get --help')).out).toBe(HELP_TEXTS.get);
    expect((await h.kubectl('help apply')).out).toBe(HELP_TEXTS.apply);
    expect((await h.kubectl('config view -h')).out).toBe(HELP_TEXTS['config view']);
    expect((await h.kubectl('config')).out).toBe(HELP_TEXTS.config);
    expect(HELP_TEXTS.get).toMatch(/^Display one or many resources\./);
  });

  it('reports unknown commands with cobra suggestions and removed-command hints', async () => {
    const h = createHarness();
    expect(await h.kubectl('gte pods')).toEqual({ code: 1, out: '', err: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n' });
    expect((await h.kubectl('rolling-update web')).err).toMatch(/^error: unknown command "rolling-update" for "kubectl"\nhint: /);
    expect((await h.kubectl('config bogus')).err).toBe('error: unknown command "bogus"\nSee \'kubectl config -h\' for help and examples\n');
  });

  it('accepts global flags before the verb', async () => {
    const h = createHarness();
    expect((await h.kubectl('-n kube-system get cm')).err).toBe('No resources found in kube-system namespace.\n');
    expect((await h.kubectl('--request-timeout=5s -v=6 get cm --context=kubernetes-admin@kubernetes')).code).toBe(0);
    expect((await h.kubectl('get cm --context=nope')).err).toBe('error: context was not found for specified context: nope\n');
  });

  it('prints versions and discovery', async () => {
    const h = createHarness();
    expect((await h.kubectl('version')).out).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n');
    expect((await h.kubectl('version --client')).out).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
    const res = await h.kubectl('api-resources');
    expect(res.out.split('\n')[0]).toBe(res.out.split('\n')[0].replace(/\s+/g, ' ') === 'NAME SHORTNAMES APIVERSION NAMESPACED KIND' ? res.out.split('\n')[0] : 'bad header');
    expect(res.out).toMatch(/\npods +po +v1 +true +Pod\n/);
    expect(res.out).toMatch(/\ndeployments +deploy +apps\/v1 +true +Deployment\n/);
    expect((await h.kubectl('api-resources -o name --namespaced=false')).out).toMatch(/^[a-z]+\n/);
    expect((await h.kubectl('api-versions')).out).toMatch(/^apps\/v1\n(.*\n)*v1\n$/);
    expect((await h.kubectl('cluster-info')).out).toBe("Kubernetes control plane is running at https://192.168.1.2:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  });
});

describe('flags removed from kubectl', () => {
  it('adds a hint line for flags old books use', async () => {
    const h = createHarness();
    const r = await h.kubectl('version --short');
    expect(r.err).toBe("error: unknown flag: --short\nSee 'kubectl version --help' for usage.\nhint: --short was removed in kubectl 1.28; `kubectl version` now prints the short form by default.\n");
    expect((await h.kubectl('get pods --export')).err).toMatch(/\nhint: --export was removed in kubectl 1\.18/);
  });

  it('accepts a bare --dry-run with klog\'s deprecation warning', async () => {
    const h = createHarness();
    const r = await h.kubectl('create namespace x --dry-run -o name');
    expect(r.out).toBe('namespace/x\n');
    expect(r.err).toBe('W0310 09:00:00.000000       1 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n');
  });
});

describe('kubectl auth', () => {
  it('answers yes for the admin user and shows whoami', async () => {
    const h = createHarness();
    expect(await h.kubectl('auth can-i create pods')).toEqual({ code: 0, out: 'yes\n', err: '' });
    expect((await h.kubectl('auth can-i get foos')).err).toBe("Warning: the server doesn't have a resource type 'foos'\n");
    expect((await h.kubectl('auth whoami')).out).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
  });
});
