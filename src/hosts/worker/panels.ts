// The worker side of the inspector and editor panels: an object's `-o yaml` and `describe` text
// (the engine's own kubectl printers), followed pod logs, and the shell's `vim FILE` round trip.
import type { PanelCommand, SandboxEvent, ObjectRef } from '../../engine/protocol';
import type { KObject } from '../../engine/types';
import type { ResourceDef, TextStream } from '../../engine/api/types';
import { ApiError } from '../../engine/api/types';
import { printYaml } from '../../engine/kubectl/printers';
import { describeObject } from '../../engine/kubectl/describe';
import { formatError } from '../../engine/kubectl';
import type { Sandbox } from '../../engine/sandbox';
import { schemaBundle } from './schema-bundle';

/** EDITOR_BASE starts editor session numbers far from request ids, so no reply is ever confused with one. */
const EDITOR_BASE = 1_000_000;

function resourceFor(sandbox: Sandbox, kind: string): ResourceDef | undefined {
  // Discovery order puts the core group first, so `Event` resolves to v1 events as kubectl's does.
  return sandbox.cluster.api.registry.all().find((d) => d.kind === kind);
}

function clientResource(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

/** inspectObject returns `kubectl get -o yaml` and `kubectl describe` text for ref, or kubectl's error text. */
export function inspectObject(sandbox: Sandbox, ref: ObjectRef): { yaml: string; describe: string; error?: string } {
  const def = resourceFor(sandbox, ref.kind);
  if (!def) return { yaml: '', describe: '', error: `error: the server doesn't have a resource type "${ref.kind}"` };
  const client = sandbox.cluster.client;
  try {
    const obj = client.get<KObject>(clientResource(def), def.namespaced ? ref.namespace : undefined, ref.name);
    // kubectl get -o yaml hides managedFields by default (--show-managed-fields=false).
    const shown: KObject = { ...obj, metadata: { ...obj.metadata } };
    delete shown.metadata.managedFields;
    const yaml = printYaml(shown);
    let describe: string;
    try {
      describe = describeObject(obj, def, { client, now: sandbox.cluster.clock.now(), showEvents: true });
    } catch (e) {
      describe = `(describe failed: ${e instanceof Error ? e.message : String(e)})`;
    }
    return { yaml, describe };
  } catch (e) {
    if (e instanceof ApiError) return { yaml: '', describe: '', error: formatError(e).trimEnd() };
    throw e;
  }
}

/**
 * PanelHost answers PanelCommands for one session: inspect requests, log streams (closed on stop or
 * reset) and editor sessions opened by the shell (resolved by the UI's editorClosed).
 */
export class PanelHost {
  private streams = new Map<number, TextStream>();
  private editors = new Map<number, (r: { saved: boolean }) => void>();
  private nextEditor = EDITOR_BASE;

  constructor(private post: (ev: SandboxEvent) => void) {}

  /** openEditor is the ShellHost hook: it asks the UI to open path and resolves when the learner saves or closes it. */
  openEditor(path: string): Promise<{ saved: boolean }> {
    const editor = this.nextEditor++;
    return new Promise((resolve) => {
      this.editors.set(editor, resolve);
      this.post({ type: 'openEditor', editor, path });
    });
  }

  /** handle processes one panel command against sandbox (undefined before the first init). */
  handle(cmd: PanelCommand, sandbox: Sandbox | undefined): void {
    switch (cmd.type) {
      case 'inspect': {
        const r = sandbox ? inspectObject(sandbox, cmd.ref) : { yaml: '', describe: '', error: 'error: the sandbox is starting' };
        this.post({ type: 'inspected', id: cmd.id, ...r });
        break;
      }
      case 'followLogs':
        if (sandbox) this.follow(sandbox, cmd);
        break;
      case 'stopLogs':
        this.streams.get(cmd.stream)?.close();
        this.streams.delete(cmd.stream);
        break;
      case 'getSchemas':
        this.post({ type: 'schemaBundle', id: cmd.id, ...schemaBundle() });
        break;
      case 'editorClosed': {
        const resolve = this.editors.get(cmd.editor);
        this.editors.delete(cmd.editor);
        resolve?.({ saved: cmd.saved });
        break;
      }
    }
  }

  /** reset closes every log stream and ends every open editor session (the sandbox is being replaced). */
  reset(): void {
    for (const s of this.streams.values()) s.close();
    this.streams.clear();
    for (const resolve of this.editors.values()) resolve({ saved: false });
    this.editors.clear();
  }

  private follow(sandbox: Sandbox, cmd: Extract<PanelCommand, { type: 'followLogs' }>): void {
    const { stream } = cmd;
    const query: Record<string, string | undefined> = { follow: cmd.previous ? undefined : 'true', previous: cmd.previous ? 'true' : undefined, container: cmd.container };
    const path = `/api/v1/namespaces/${encodeURIComponent(cmd.namespace)}/pods/${encodeURIComponent(cmd.pod)}/log`;
    const res = sandbox.cluster.client.request({ method: 'GET', path, query });
    if (res.code >= 400) {
      const body = res.body as { message?: string; reason?: string } | undefined;
      this.post({ type: 'logData', stream, data: '', error: `Error from server (${body?.reason ?? 'BadRequest'}): ${body?.message ?? `status ${res.code}`}`, done: true });
      return;
    }
    this.post({ type: 'logData', stream, data: res.text ?? (typeof res.body === 'string' ? res.body : '') });
    if (!res.stream) { this.post({ type: 'logData', stream, data: '', done: true }); return; }
    // Chunks arrive synchronously inside a clock advance; batch them per microtask.
    let buf = '';
    let scheduled = false;
    const flush = () => { scheduled = false; if (buf) { this.post({ type: 'logData', stream, data: buf }); buf = ''; } };
    res.stream.onData((chunk) => { buf += chunk; if (!scheduled) { scheduled = true; queueMicrotask(flush); } });
    res.stream.onClose(() => { flush(); this.streams.delete(stream); this.post({ type: 'logData', stream, data: '', done: true }); });
    this.streams.set(stream, res.stream);
  }
}
