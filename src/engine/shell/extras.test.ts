import { describe, it, expect } from 'vitest';
import { makeHarness } from './testdata/harness';

describe('shell extras used in Kubernetes sessions', () => {
  it('expands ~ after NAME= in export and passes prefix assignments to commands', async () => {
    const h = makeHarness();
    expect((await h.run('export KUBECONFIG=~/.kube/config; echo $KUBECONFIG')).out).toBe('/root/.kube/config\n');
    expect((await h.run('ETCDCTL_API=3 env | grep ETCD; echo "[$ETCDCTL_API]"')).out).toBe('ETCDCTL_API=3\n[]\n');
  });

  it('keeps a variable named do usable as a dry-run shortcut', async () => {
    const h = makeHarness();
    const r = await h.run('export do="--dry-run=client -o yaml"; alias k=kubectl; k create deploy x --image=nginx $do');
    expect(r.out).toBe('kubectl ["create","deploy","x","--image=nginx","--dry-run=client","-o","yaml"]\n');
  });

  it('passes jsonpath braces and label selectors through untouched', async () => {
    const h = makeHarness();
    expect((await h.run("kubectl get po -o jsonpath='{.items[*].metadata.name}' -l app=web,tier!=db")).out)
      .toBe('kubectl ["get","po","-o","jsonpath={.items[*].metadata.name}","-l","app=web,tier!=db"]\n');
  });

  it('feeds process substitution through a temporary /dev/fd file that is removed afterwards', async () => {
    const h = makeHarness();
    expect((await h.run('cat <(echo hi); wc -l <(seq 3)')).out).toBe('hi\n3 /dev/fd/63\n');
    expect(h.fs.exists('/dev')).toBe(false);
    expect(await h.run('source <(echo "echo sourced")')).toEqual({ out: 'sourced\n', err: '', status: 0 });
    h.fs.writeFile('/tmp/completion.sh', '__start_kubectl() { local -a words; }\ncomplete -o default -F __start_kubectl kubectl\n');
    expect(await h.run('source /tmp/completion.sh; complete -o default -F __start_kubectl k')).toEqual({ out: '', err: '', status: 0 });
  });

  it('supports set -e, set -o pipefail and set -x', async () => {
    const h = makeHarness();
    expect(await h.run('bash -c "set -e; echo before; false; echo after"')).toEqual({ out: 'before\n', err: '', status: 1 });
    expect((await h.run('(set -o pipefail; false | true; echo $?); false | true; echo $?')).out).toBe('1\n0\n');
    expect((await h.run('(set -x; echo a $HOME)')).err).toBe('+ echo a /root\n');
  });

  it('runs sudo, time and less as a learner expects', async () => {
    const h = makeHarness({ '/root/f': 'x\n' });
    expect((await h.run('sudo kubectl get nodes')).out).toBe('kubectl ["get","nodes"]\n');
    expect(await h.run('time sleep 2')).toEqual({ out: '', err: '\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', status: 0 });
    expect((await h.run('less f')).out).toBe('x\n');
  });

  it('lists directories recursively and pastes columns', async () => {
    const h = makeHarness({ '/root/d/a.yaml': '', '/root/d/sub/b.yaml': '' });
    expect((await h.run('ls -R d')).out).toBe('d:\na.yaml\nsub\n\nd/sub:\nb.yaml\n');
    expect((await h.run('seq 3 | paste -sd+')).out).toBe('1+2+3\n');
    expect((await h.run('seq 4 | paste - -')).out).toBe('1\t2\n3\t4\n');
  });

  it('prints ls output space-separated on a terminal and one per line in pipes', async () => {
    const h = makeHarness({ '/root/a': '', '/root/b': '' });
    expect((await h.run('ls', { tty: true })).out).toBe('a  b\n');
    expect((await h.run('ls')).out).toBe('a\nb\n');
    expect((await h.run('ls -l a')).out).toBe('-rw-r--r-- 1 root root 0 Mar 10 09:00 a\n');
  });

  it('reports job completion before the next command on a terminal', async () => {
    const h = makeHarness();
    expect((await h.run('sleep 1 &', { tty: true })).err).toBe('[1] 4242\n');
    expect(await h.run('echo next', { tty: true })).toEqual({ out: 'next\n', err: '[1]+  Done                    sleep 1\n', status: 0 });
    expect(h.sh.jobs()).toEqual([]);
  });

  it('xargs runs registered commands per item and with -I', async () => {
    const h = makeHarness();
    expect((await h.run('echo pod/a pod/b | xargs kubectl delete')).out).toBe('kubectl ["delete","pod/a","pod/b"]\n');
    expect((await h.run('printf "a\\nb\\n" | xargs -I{} kubectl get po {} -o name')).out).toBe('kubectl ["get","po","a","-o","name"]\nkubectl ["get","po","b","-o","name"]\n');
    expect((await h.run('echo a b c | xargs -n 2 echo')).out).toBe('a b\nc\n');
  });

  it('applies sed first~step addresses, y and in-place edits', async () => {
    const h = makeHarness({ '/root/n': '1\n2\n3\n4\n5\n' });
    expect((await h.run("sed -n '1~2p' n")).out).toBe('1\n3\n5\n');
    await h.run("sed -i 's/3/three/' n");
    expect(h.fs.readFile('/root/n')).toBe('1\n2\nthree\n4\n5\n');
  });

  it('diffs files in GNU normal and unified formats', async () => {
    const h = makeHarness({ '/root/a': '1\n2\n3\n', '/root/b': '1\nTWO\n3\n4\n' });
    expect(await h.run('diff a b')).toEqual({ out: '2c2\n< 2\n---\n> TWO\n3a4\n> 4\n', err: '', status: 1 });
    expect((await h.run('diff -u a b')).out).toBe('--- a\n+++ b\n@@ -1,3 +1,4 @@\n 1\n-2\n+TWO\n 3\n+4\n');
    expect(await h.run('diff a a')).toEqual({ out: '', err: '', status: 0 });
  });

  it('reads $(< file), prints printenv values and ships a default ~/.bashrc', async () => {
    const h = makeHarness({ '/root/token': 'abc\n' });
    expect((await h.run('echo "Bearer $(< token)"; export FOO=1; printenv FOO')).out).toBe('Bearer abc\n1\n');
    expect((await h.run('echo "alias k=kubectl" >> ~/.bashrc; source ~/.bashrc; k get po')).out).toBe('kubectl ["get","po"]\n');
  });

  it('expands !! and !$ on a terminal, echoing the expanded line', async () => {
    const h = makeHarness();
    expect(await h.run('echo !!', { tty: true })).toEqual({ out: '', err: 'bash: !!: event not found\n', status: 1 });
    await h.run('kubectl get po web', { tty: true });
    expect((await h.run('sudo !!', { tty: true })).out).toBe('sudo kubectl get po web\nkubectl ["get","po","web"]\n');
    expect((await h.run('kubectl logs !$', { tty: true })).out).toBe('kubectl logs web\nkubectl ["logs","web"]\n');
    expect((await h.run("echo '!!' \"it's\"", { tty: true })).out).toBe("!! it's\n");
    expect(h.sh.history.slice(-2)).toEqual(['kubectl logs web', `echo '!!' "it's"`]);
  });
});
