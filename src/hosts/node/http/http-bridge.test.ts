import { describe, it, expect } from 'vitest';
import { HttpConnection, httpDate, serializeResponse } from './http-bridge';

describe('HTTP bridge for port-forwarded connections', () => {
  it('answers pipelined keep-alive requests in order and closes after Connection: close', () => {
    const out: string[] = [];
    let closed = false;
    const seen: string[] = [];
    const c = new HttpConnection({
      port: 80, now: () => Date.UTC(2026, 10, 22, 17, 5, 0),
      handler: (r) => { seen.push(`${r.method} ${r.path} ${r.headers['user-agent']} ${r.remoteAddr}:${r.port}`); return { status: r.path === '/' ? 200 : 404, headers: { 'Content-Type': 'text/html', Server: 'nginx/1.27.4' }, body: r.path === '/' ? 'ok' : 'nope' }; },
      write: (b) => out.push(b.toString()), close: () => { closed = true; },
    });
    c.push(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: curl/8\r\n\r\nGET /a HT'));
    c.push(Buffer.from('TP/1.1\r\nConnection: close\r\n\r\n'));
    expect(seen).toEqual(['GET / curl/8 127.0.0.1:80', 'GET /a undefined 127.0.0.1:80']);
    expect(out[0]).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.4\r\nDate: Sun, 22 Nov 2026 17:05:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
    expect(out[1]).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[\s\S]*Connection: close\r\n\r\nnope$/);
    expect(closed).toBe(true);
  });

  it('sends no body for HEAD', () => {
    expect(serializeResponse({ status: 200, body: 'x' }, 'HEAD', 0, true).toString()).toBe(`HTTP/1.1 200 OK\r\nDate: ${httpDate(0)}\r\nContent-Length: 1\r\nConnection: keep-alive\r\n\r\n`);
  });
});
