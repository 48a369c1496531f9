import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

describe('kubectl config', () => {
  it('behaves as kubeadm admin.conf when ~/.kube/config is missing, redacting secrets', async () => {
    const h = createHarness();
    expect((await h.kubectl('config current-context')).out).toBe('kubernetes-admin@kubernetes\n');
    expect((await h.kubectl('config view')).out).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://192.168.1.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
    expect((await h.kubectl('config view --raw')).out).toMatch(/certificate-authority-data: LS0t/);
  });

  it('sets the namespace of the current context, which later commands use', async () => {
    const h = createHarness();
    expect((await h.kubectl('config set-context --current --namespace=kube-system')).out).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(h.fs.readFile(`${h.fs.home}/.kube/config`)).toMatch(/namespace: kube-system/);
    expect((await h.kubectl('config get-contexts')).out).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
      '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n');
    expect((await h.kubectl('get cm')).err).toBe('No resources found in kube-system namespace.\n');
    expect((await h.kubectl('get cm -n default')).err).toBe('No resources found in default namespace.\n');
  });

  it('creates, switches, renames and deletes contexts', async () => {
    const h = createHarness();
    expect((await h.kubectl('config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev')).out).toBe('Context "dev" created.\n');
    expect((await h.kubectl('config use-context dev')).out).toBe('Switched to context "dev".\n');
    expect((await h.kubectl('config current-context')).out).toBe('dev\n');
    expect((await h.kubectl('get cm')).err).toBe('No resources found in dev namespace.\n');
    expect((await h.kubectl('config use-context nope')).err).toBe('error: no context exists with the name: "nope"\n');
    expect((await h.kubectl('config rename-context dev test')).out).toBe('Context "dev" renamed to "test".\n');
    expect((await h.kubectl('config get-contexts -o name')).out).toBe('kubernetes-admin@kubernetes\ntest\n');
    expect((await h.kubectl('config set-context x --current')).err).toBe('error: you cannot specify both a context name and --current\n');
  });
});
