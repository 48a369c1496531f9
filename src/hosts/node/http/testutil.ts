/**
 * Test helpers for the HTTP host: a streaming GET that collects newline-delimited chunks.
 */
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';

/** OpenStream is a response being read incrementally. */
export interface OpenStream {
  res: IncomingMessage;
  /** text is everything received so far. */
  text(): string;
  /** until resolves once pred(text) holds, or rejects after ms. */
  until(pred: (text: string) => boolean, ms?: number): Promise<string>;
  /** ended resolves when the server ends the response. */
  ended: Promise<void>;
  /** abort closes the connection from the client side. */
  abort(): void;
}

/** openStream GETs url and resolves as soon as the response headers arrive. */
export function openStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let buf = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (c: string) => { buf += c; for (const w of [...waiters]) w(); });
      const ended = new Promise<void>((done) => { res.on('end', () => done()); res.on('close', () => done()); });
      resolve({
        res, ended,
        text: () => buf,
        abort: () => req.destroy(),
        until: (pred, ms = 5000) => new Promise((ok, fail) => {
          if (pred(buf)) return ok(buf);
          const timer = setTimeout(() => fail(new Error(`timed out; received: ${buf}`)), ms);
          const check = () => { if (pred(buf)) { clearTimeout(timer); waiters.splice(waiters.indexOf(check), 1); ok(buf); } };
          waiters.push(check);
        }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
