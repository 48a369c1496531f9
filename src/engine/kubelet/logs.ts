import type { PodLogOptions, TextStream } from '../api/types';
import { parseTime } from '../util';

/** LogLine is one line a container wrote, with its virtual time (ms) and a sub-millisecond part (ns). */
export interface LogLine { t: number; ns: number; text: string }

/** LogStream is the TextStream behind `kubectl logs -f`: chunks until the container stops or the reader closes. */
export class LogStream implements TextStream {
  private data?: (chunk: string) => void;
  private closeFn?: () => void;
  private pending: string[] = [];
  private closed = false;
  private ended = false;
  constructor(private readonly onDetach: (s: LogStream) => void, readonly timestamps = false) {}

  onData(handler: (chunk: string) => void): void {
    this.data = handler;
    for (const c of this.pending.splice(0)) handler(c);
  }

  onClose(handler: () => void): void {
    this.closeFn = handler;
    if (this.ended) handler();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onDetach(this);
  }

  /** push delivers chunk to the reader (buffered until onData). */
  push(chunk: string): void {
    if (this.closed) return;
    if (this.data) this.data(chunk); else this.pending.push(chunk);
  }

  /** end signals that the container stopped. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.closed = true;
    this.closeFn?.();
  }
}

/** rfc3339Nano formats a log line's time as the CRI log timestamp (RFC3339Nano, trailing zeros trimmed as Go does). */
export function rfc3339Nano(t: number, ns: number): string {
  const iso = new Date(t).toISOString();
  const frac = (String(t % 1000).padStart(3, '0') + String(ns).padStart(6, '0')).replace(/0+$/, '');
  return iso.slice(0, 19) + (frac ? '.' + frac : '') + 'Z';
}

/** formatLine renders one line as `kubectl logs` prints it. */
export function formatLine(l: LogLine, timestamps: boolean | undefined): string {
  return (timestamps ? rfc3339Nano(l.t, l.ns) + ' ' : '') + l.text + '\n';
}

/** selectLines applies sinceSeconds/sinceTime, tailLines and limitBytes as the kubelet's log reader does. */
export function selectLines(lines: readonly LogLine[], opts: PodLogOptions, now: number): string {
  let from = 0;
  let since = -Infinity;
  if (opts.sinceSeconds !== undefined) since = now - opts.sinceSeconds * 1000;
  else if (opts.sinceTime) since = parseTime(opts.sinceTime);
  if (since > -Infinity) { while (from < lines.length && lines[from].t < since) from++; }
  if (opts.tailLines !== undefined && opts.tailLines >= 0) from = Math.max(from, lines.length - opts.tailLines);
  let out = '';
  for (let i = from; i < lines.length; i++) out += formatLine(lines[i], opts.timestamps);
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0 && out.length > opts.limitBytes) out = out.slice(0, opts.limitBytes);
  return out;
}
