// Test harness (not shipped in the engine bundle's hot path): a real store + API server + kubectl over a VFS.
import { createApiServer, createClient, type ApiServer } from '../../api';
import type { Client } from '../../api/types';
import type { KObject } from '../../types';
import { createStore } from '../../store';
import { createRng, createTimeDriver, InterruptController, VirtualClock } from '../../util';
import type { TimeDriver } from '../../util';
import { createVfs } from '../../vfs';
import type { Vfs } from '../../vfs';
import { createKubectl } from '../index';
import type { ExecFn } from '../env';
import type { ShellHost } from '../../shell/types';

/** RunResult is one kubectl invocation's outputs. */
export interface RunResult { out: string; err: string; code: number }

/** KubectlHarness drives kubectl against a fresh in-memory API server. */
export interface KubectlHarness {
  clock: VirtualClock;
  client: Client;
  api: ApiServer;
  fs: Vfs;
  /** kubectl runs `kubectl <args>` (args split on spaces unless given as an array). */
  kubectl(args: string | string[], stdin?: string): Promise<RunResult>;
  time: TimeDriver;
  /** interrupt is the Ctrl-C of the current (and later) commands. */
  interrupt: InterruptController;
  /** create stores an object through the client. */
  create(obj: KObject): KObject;
}

function split(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  let cur = '';
  let last = -1;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const piece = m[1] ?? m[2] ?? m[3];
    if (m.index === last) cur += piece; else { if (last >= 0) out.push(cur); cur = piece; }
    last = re.lastIndex;
  }
  if (last >= 0) out.push(cur);
  return out;
}

/** createHarness builds the harness; tests add namespaces/objects through `create`. */
export function createHarness(opts: { mode?: 'headless' | 'interactive'; exec?: ExecFn; host?: ShellHost } = {}): KubectlHarness {
  const interrupt = new InterruptController();
  const clock = new VirtualClock();
  const store = createStore();
  const api = createApiServer({ store, clock, rng: createRng(1) });
  const client = createClient(api);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const fs = createVfs();
  const time = createTimeDriver(clock, opts.mode === 'interactive' ? 'host' : 'manual');
  const kubectl = createKubectl({ client, registry: api.registry, clock, mode: opts.mode, exec: opts.exec });
  return {
    clock,
    client,
    api,
    fs,
    time,
    interrupt,
    async kubectl(args, stdin = '') {
      const argv = ['kubectl', ...(Array.isArray(args) ? args : split(args))];
      let out = '';
      let err = '';
      const code = await kubectl({
        argv, stdin, stdout: (s) => { out += s; }, stderr: (s) => { err += s; },
        env: { HOME: fs.home }, cwd: fs.home, fs, time, interrupt: interrupt.signal, isTTY: false, host: opts.host,
      });
      return { out, err, code };
    },
    create(obj) {
      const def = api.registry.byApiVersionKind(obj.apiVersion, obj.kind);
      if (!def) throw new Error(`unknown kind ${obj.kind}`);
      const res = def.group ? `${def.plural}.${def.group}` : def.plural;
      return client.create(res, def.namespaced ? obj.metadata.namespace ?? 'default' : undefined, obj);
    },
  };
}
