/// <reference lib="webworker" />
/**
 * The browser host: the engine runs only here, inside a module Web Worker. The UI talks to it with
 * protocol Commands and receives protocol SandboxEvents (src/engine/protocol.ts).
 */
import type { Command, SandboxEvent } from '../engine/protocol';
import { WorkerHost } from './worker/host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new WorkerHost((ev: SandboxEvent) => scope.postMessage(ev), () => performance.now());
scope.onmessage = (e: MessageEvent<Command>) => host.handle(e.data);
