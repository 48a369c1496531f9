import type { Command, SandboxEvent } from '../../engine/protocol';

/** Transport is how the store reaches the worker: send a command; events come back through the connection. */
export interface Transport { send(cmd: Command): void }

/** Pending request callbacks by id, resolved by the event that carries the same id. */
const pending = new Map<number, { resolve: (ev: SandboxEvent) => void; reject: (e: Error) => void }>();
let nextId = 1;
let transport: Transport | undefined;
const queued: Command[] = [];

/** setTransport connects the store to a worker (or a fake in tests); queued commands are flushed. */
export function setTransport(t: Transport | undefined): void {
  transport = t;
  if (t) for (const cmd of queued.splice(0)) t.send(cmd);
}

/** send delivers a command to the worker, queueing it while no worker is connected. */
export function send(cmd: Command): void {
  if (transport) transport.send(cmd);
  else queued.push(cmd);
}

/** DistributiveOmit removes a key from every member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** request sends a command that carries an id and resolves with the event that answers it. */
export function request<E extends SandboxEvent>(cmd: DistributiveOmit<Extract<Command, { id: number }>, 'id'>): Promise<E> {
  const id = nextId++;
  return new Promise<E>((resolve, reject) => {
    pending.set(id, { resolve: (ev) => resolve(ev as E), reject });
    send({ ...cmd, id } as Command);
  });
}

/** settleReply resolves the request an event answers; returns whether it was a reply. */
export function settleReply(ev: SandboxEvent): boolean {
  if (!('id' in ev)) return false;
  const p = pending.get(ev.id);
  if (!p) return false;
  pending.delete(ev.id);
  p.resolve(ev);
  return true;
}

/** failPending rejects every outstanding request (the worker died). */
export function failPending(message: string): void {
  for (const [id, p] of [...pending]) {
    pending.delete(id);
    p.reject(new Error(message));
  }
}
