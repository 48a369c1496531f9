import { describe, it, expect } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox';
import { InterruptController } from './util';
import { EOF_LINE } from './sandbox-shell';

async function withPods(...lines: string[]): Promise<Sandbox> {
  const sb = createSandbox();
  for (const l of lines) await sb.run(l);
  await sb.run('sleep 30');
  return sb;
}

/** get sends one HTTP request from the learner's node to localhost:port, as the workstation's curl does. */
function get(sb: Sandbox, port: number, path = '/', headers: Record<string, string> = {}) {
  const src = sb.cluster.network.nodeSource('master');
  if (!src) throw new Error('no master node source');
  return sb.cluster.network.http(src, { method: 'GET', host: 'localhost', port, path, headers });
}

describe('kubectl port-forward', () => {
  it('forwards localhost:8888 to the pod in the background and prints each connection', async () => {
    const sb = await withPods('kubectl run kubia-manual --image=luksa/kubia --port=8080');
    const started = await sb.run('kubectl port-forward kubia-manual 8888:8080 &');
    expect(started.output).toBe('Forwarding from 127.0.0.1:8888 -> 8080\nForwarding from [::1]:8888 -> 8080\n');
    let printed = '';
    const r = await sb.run('echo probe', { stdout: (s) => { printed += s; } });
    expect(r.code).toBe(0);
    const res = get(sb, 8888);
    expect(res.ok && res.body).toBe("You've hit kubia-manual\n");
    expect(printed).toContain('Handling connection for 8888\n');
    // A second forward on the same port fails as the kernel's bind does.
    const busy = await sb.run('kubectl port-forward pod/kubia-manual 8888:8080');
    expect(busy.stderr).toBe('Unable to listen on port 8888: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8888: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8888: bind: address already in use]\n'
      + 'error: unable to listen on any of the requested ports: [{8888 8080}]\n');
    expect(busy.code).toBe(1);
    // kill ends the job and frees the port.
    await sb.run('kill %1');
    await sb.run('sleep 1');
    expect(get(sb, 8888).ok).toBe(false);
    sb.cluster.stop();
  });

  it('maps a Service port to its targetPort on a pod behind it, and a deployment to one of its pods', async () => {
    const sb = await withPods('kubectl create deployment kubia --image=luksa/kubia --replicas=2', 'kubectl expose deployment kubia --port=80 --target-port=8080');
    expect((await sb.run('kubectl port-forward svc/kubia 9090:80 &')).output).toBe('Forwarding from 127.0.0.1:9090 -> 8080\nForwarding from [::1]:9090 -> 8080\n');
    const res = get(sb, 9090);
    expect(res.ok && res.body).toMatch(/^You've hit kubia-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect((await sb.run('kubectl port-forward deploy/kubia 7000:8080 &')).output).toContain('Forwarding from 127.0.0.1:7000 -> 8080\n');
    expect((await sb.run('kubectl port-forward svc/kubia 9191:81')).stderr).toBe('error: Service kubia does not have a service port 81\n');
    sb.cluster.stop();
  });

  it('in the browser (host time) a foreground forward runs until Ctrl-C, then frees the port', async () => {
    const sb = createSandbox({ timeMode: 'host' });
    await sb.run('kubectl run web --image=nginx');
    sb.advance(30_000);
    const ctl = new InterruptController();
    let out = '';
    let done = false;
    const running = sb.run('kubectl port-forward web 8080:80', { stdout: (s) => { out += s; }, interrupt: ctl.signal, isTTY: true }).then((r) => { done = true; return r; });
    for (let k = 0; k < 20; k++) await Promise.resolve();
    expect(out).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    sb.advance(120_000);
    for (let k = 0; k < 20; k++) await Promise.resolve();
    expect(done).toBe(false);
    expect(get(sb, 8080).ok).toBe(true);
    ctl.fire();
    expect((await running).code).toBe(0);
    expect(get(sb, 8080)).toMatchObject({ ok: false, error: 'refused' });
    sb.cluster.stop();
  });

  it('reports bad port specs, pods that are not running and missing arguments in kubectl words', async () => {
    const sb = await withPods('kubectl run web --image=nginx');
    expect((await sb.run('kubectl port-forward web')).stderr).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    expect((await sb.run('kubectl port-forward web abc:80')).stderr).toBe(`error: error parsing local port 'abc': strconv.ParseUint: parsing "abc": invalid syntax\n`);
    expect((await sb.run('kubectl port-forward web 8080:http')).stderr).toBe("error: Pod 'web' does not have a named port 'http'\n");
    expect((await sb.run('kubectl port-forward web 8080:0')).stderr).toBe('error: remote port must be > 0\n');
    expect((await sb.run('kubectl port-forward nope 8080:80')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    await sb.run('kubectl run stuck --image=nginx --overrides=\'{"spec":{"nodeSelector":{"disk":"none"}}}\'');
    expect((await sb.run('kubectl port-forward stuck 8080:80')).stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
    sb.cluster.stop();
  });

  it('loses the connection when nothing listens on the remote port, with the runtime error', async () => {
    const sb = await withPods('kubectl run web --image=nginx');
    await sb.run('kubectl port-forward web 8081:81 &');
    let err = '';
    await sb.run('true', { stderr: (s) => { err += s; } });
    const res = get(sb, 8081);
    expect(res.ok).toBe(false);
    await sb.run('sleep 1', { stderr: (s) => { err += s; } });
    expect(err).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +1 portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding 8081 -> 81: error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]{36}\\": failed to connect to localhost:81 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused "\n/);
    expect(err).toContain('error: lost connection to pod\n');
    sb.cluster.stop();
  });
});

describe('kubectl proxy', () => {
  it('serves the API as JSON (pretty for curl) and proxies to Services and pods', async () => {
    const sb = await withPods('kubectl run kubia-manual --image=luksa/kubia --port=8080', 'kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port=80');
    expect((await sb.run('kubectl proxy &')).output).toBe('Starting to serve on 127.0.0.1:8001\n');
    const pods = get(sb, 8001, '/api/v1/namespaces/default/pods', { 'user-agent': 'curl/8.5.0' });
    expect(pods.ok).toBe(true);
    if (!pods.ok) return;
    expect(pods.headers['content-type']).toBe('application/json');
    expect(pods.body.startsWith('{\n  "kind": "PodList",\n  "apiVersion": "v1",\n  "metadata": {\n')).toBe(true);
    const list = JSON.parse(pods.body) as { items: Array<{ kind?: string; metadata: { name: string } }> };
    expect(list.items.map((i) => i.metadata.name)).toContain('kubia-manual');
    expect(list.items[0].kind).toBeUndefined();
    const version = get(sb, 8001, '/version');
    expect(version.ok && JSON.parse(version.body)).toMatchObject({ major: '1', minor: '32' });
    const svc = get(sb, 8001, '/api/v1/namespaces/default/services/web/proxy/');
    expect(svc.ok && svc.body).toContain('<title>Welcome to nginx!</title>');
    const pod = get(sb, 8001, '/api/v1/namespaces/default/pods/kubia-manual/proxy/');
    expect(pod.ok && pod.body).toBe("You've hit kubia-manual\n");
    const none = get(sb, 8001, '/api/v1/namespaces/default/services/nope/proxy/');
    expect(none.ok && none.status).toBe(404);
    const forbidden = get(sb, 8001, '/api/v1/namespaces/default/pods/kubia-manual/exec');
    expect(forbidden.ok && [forbidden.status, forbidden.body]).toEqual([403, 'Forbidden\n']);
    expect((await sb.run('kubectl proxy')).stderr).toBe('error: listen tcp 127.0.0.1:8001: bind: address already in use\n');
    expect((await sb.run('kubectl proxy --port=8011 &')).output).toBe('Starting to serve on 127.0.0.1:8011\n');
    sb.cluster.stop();
  });
});

describe('the sandbox terminal', () => {
  it('gives output a background job writes between inputs to the next input', async () => {
    const sb = await withPods('kubectl run web --image=nginx');
    await sb.run('kubectl port-forward web 8080:80 &');
    expect(get(sb, 8080).ok).toBe(true);
    expect((await sb.run('echo now')).output).toBe('Handling connection for 8080\nnow\n');
    sb.cluster.stop();
  });
});

describe('kubectl exec', () => {
  it('lets virtual time pass for the command (sleep inside exec)', async () => {
    const sb = await withPods('kubectl run bb --image=busybox -- sleep 3600');
    const before = sb.cluster.clock.now();
    const r = await sb.run('kubectl exec bb -- sh -c "sleep 5; echo done"');
    expect(r.stdout).toBe('done\n');
    expect(sb.cluster.clock.now() - before).toBeGreaterThanOrEqual(5000);
    sb.cluster.stop();
  });

  it('kubectl exec -it POD -- sh opens the container shell until exit', async () => {
    const sb = await withPods('kubectl run bb --image=busybox -- sleep 3600', 'kubectl run web --image=nginx');
    expect(sb.prompt()).toBeUndefined();
    const open = await sb.run('kubectl exec -it bb -- sh');
    expect(open.output).toBe('');
    expect(sb.prompt()).toBe('/ # ');
    expect((await sb.run('hostname')).stdout).toBe('bb\n');
    await sb.run('cd /tmp');
    expect(sb.prompt()).toBe('/tmp # ');
    await sb.run('export GREETING=hi');
    expect((await sb.run('echo $GREETING')).stdout).toBe('hi\n');
    expect(sb.complete('ls /', 4).candidates).toEqual([]);
    const exit = await sb.run('exit 3');
    expect(exit.stderr).toBe('command terminated with exit code 3\n');
    expect(exit.code).toBe(3);
    expect(sb.prompt()).toBeUndefined();
    expect((await sb.run('echo $?')).stdout).toBe('3\n');
    // Debian images: bash shows user@host:cwd, dash a bare `# `.
    await sb.run('kubectl exec -it web -- bash');
    expect(sb.prompt()).toBe('root@web:/# ');
    expect((await sb.run('exit')).code).toBe(0);
    await sb.run('kubectl exec -it web -- sh');
    expect(sb.prompt()).toBe('# ');
    await sb.run('exit');
    // A shell the image does not have fails before any session opens.
    const missing = await sb.run('kubectl exec -it bb -- bash');
    expect(missing.stderr).toContain('executable file not found in $PATH');
    expect(sb.prompt()).toBeUndefined();
    // Piped input is not a terminal: kubectl says so and runs the shell on it.
    const piped = await sb.run('echo hostname | kubectl exec -it bb -- sh');
    expect(piped.output).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\nbb\n');
    sb.cluster.stop();
  });

  it('curl shows its progress meter only when kubectl exec has no terminal', async () => {
    const sb = await withPods('kubectl run web --image=nginx', 'kubectl run kubia --image=luksa/kubia --port=8080 --expose');
    const plain = await sb.run('kubectl exec web -- curl kubia:8080');
    expect(plain.stdout).toMatch(/^You've hit kubia\n$/);
    expect(plain.stderr).toContain('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n');
    await sb.run('kubectl exec -it web -- bash');
    const inShell = await sb.run('curl kubia:8080');
    expect(inShell.output).toBe("You've hit kubia\n");
    await sb.run('exit');
    sb.cluster.stop();
  });

  it('runs the rest of the input line after the container shell exits', async () => {
    const sb = await withPods('kubectl run bb --image=busybox -- sleep 3600');
    await sb.run('kubectl exec -it bb -- sh; echo after');
    expect(sb.prompt()).toBe('/ # ');
    expect((await sb.run('exit')).output).toBe('after\n');
    await sb.run('kubectl exec -it bb -- sh');
    const r = await sb.run('echo bye; exit 2');
    expect(r.output).toBe('bye\ncommand terminated with exit code 2\n');
    expect(sb.prompt()).toBeUndefined();
    sb.cluster.stop();
  });

  it("a terminal merges the container's stderr into its output in the order written", async () => {
    const sb = await withPods('kubectl run web --image=nginx');
    const script = `sh -c 'echo a; echo b >&2; echo c'`;
    const plain = await sb.run(`kubectl exec web -- ${script}`);
    expect([plain.stdout, plain.stderr]).toEqual(['a\nc\n', 'b\n']);
    const tty = await sb.run(`kubectl exec -it web -- ${script}`);
    expect([tty.stdout, tty.stderr]).toEqual(['a\nb\nc\n', '']);
    await sb.run('kubectl exec -it web -- bash');
    expect((await sb.run('echo a; ls /nope; echo c')).output).toBe("a\nls: cannot access '/nope': No such file or directory\nc\n");
    await sb.run('exit');
    sb.cluster.stop();
  });

  it('Ctrl-D on an empty line ends the container shell as each shell does', async () => {
    const sb = await withPods('kubectl run bb --image=busybox -- sleep 3600', 'kubectl run web --image=nginx');
    // busybox ash prints nothing at end of input; the shell exits with the last command's status.
    await sb.run('kubectl exec -it bb -- sh');
    await sb.run('false');
    const ash = await sb.run(EOF_LINE);
    expect(ash.output).toBe('command terminated with exit code 1\n');
    expect(sb.prompt()).toBeUndefined();
    // dash ends the prompt's line; bash says exit (after readline's newline), also for a typed exit.
    await sb.run('kubectl exec -it web -- sh');
    expect((await sb.run(EOF_LINE)).output).toBe('\n');
    await sb.run('kubectl exec -it web -- bash');
    expect((await sb.run(EOF_LINE)).output).toBe('\nexit\n');
    await sb.run('kubectl exec -it web -- bash');
    expect((await sb.run('exit 4')).output).toBe('exit\ncommand terminated with exit code 4\n');
    expect(sb.prompt()).toBeUndefined();
    // Without a terminal no shell is interactive: nothing is printed.
    await sb.run('kubectl exec -i web -- bash');
    expect((await sb.run(EOF_LINE)).output).toBe('');
    expect(sb.prompt()).toBeUndefined();
    sb.cluster.stop();
  });
});
