import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { ApiRequest, ApiResponse, TextStream, WatchEvent, WatchStream } from '../../../engine/api';
import { startHttpServer } from './server';
import type { HttpHost } from './server';
import { startSandboxServer } from './serve';
import type { SandboxServer } from './serve';
import { openStream } from './testutil';

/** A controllable stream standing in for the engine's watch and log streams. */
function fakeStreams() {
  let onEvent: ((ev: WatchEvent) => void) | undefined;
  let onWatchClose: (() => void) | undefined;
  let onData: ((s: string) => void) | undefined;
  let onTextClose: (() => void) | undefined;
  const state = { watchClosedByClient: false, textClosedByClient: false };
  const watch: WatchStream = { onEvent: (h) => { onEvent = h; }, onClose: (h) => { onWatchClose = h; }, close: () => { state.watchClosedByClient = true; } };
  const text: TextStream = { onData: (h) => { onData = h; }, onClose: (h) => { onTextClose = h; }, close: () => { state.textClosedByClient = true; } };
  return {
    watch, text, state,
    emit: (ev: WatchEvent) => onEvent?.(ev), endWatch: () => onWatchClose?.(),
    write: (s: string) => onData?.(s), endText: () => onTextClose?.(),
  };
}

describe('startHttpServer (stub API)', () => {
  let host: HttpHost;
  const seen: ApiRequest[] = [];
  let streams = fakeStreams();
  const answer = (req: ApiRequest): ApiResponse => {
    seen.push(req);
    switch (req.path) {
      case '/warn': return { code: 201, body: { kind: 'Pod' }, warnings: ['a "quoted" warning', 'second'] };
      case '/text': return { code: 200, text: 'line 1\nline 2\n' };
      case '/typed': return { code: 200, body: { kind: 'APIGroupDiscoveryList' }, headers: { 'Content-Type': 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } };
      case '/watch': return { code: 200, watch: streams.watch };
      case '/follow': return { code: 200, text: 'so far\n', stream: streams.text, headers: { 'Content-Type': 'text/plain' } };
      default: return { code: 404, body: { kind: 'Status', code: 404 } };
    }
  };
  beforeAll(async () => { host = await startHttpServer({ api: { handle: answer }, port: 0 }); });
  afterAll(async () => { await host.close(); });

  it('listens on 127.0.0.1 only and refuses any other host', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    await expect(startHttpServer({ api: { handle: answer }, port: 0, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow('listens on 127.0.0.1 only');
  });

  it('sends JSON bodies and request bodies through, with warnings as Warning headers', async () => {
    const res = await fetch(`${host.url}/warn?dryRun=All`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"Pod"}' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('warning')).toBe('299 - "a \\"quoted\\" warning", 299 - "second"');
    expect(await res.json()).toEqual({ kind: 'Pod' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', path: '/warn', query: { dryRun: 'All' }, body: { kind: 'Pod' } });
  });

  it('keeps the response\'s own Content-Type and serves text as text/plain', async () => {
    const typed = await fetch(`${host.url}/typed`);
    expect(typed.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const text = await fetch(`${host.url}/text`);
    expect(text.headers.get('content-type')).toBe('text/plain');
    expect(await text.text()).toBe('line 1\nline 2\n');
  });

  it('flushes watch headers at once, streams one JSON event per line, and closes the watch when the client goes', async () => {
    streams = fakeStreams();
    const s = await openStream(`${host.url}/watch`);
    expect(s.res.statusCode).toBe(200);
    expect(s.res.headers['transfer-encoding']).toBe('chunked');
    streams.emit({ type: 'ADDED', object: { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a' } } });
    expect(await s.until((t) => t.endsWith('\n'))).toBe('{"type":"ADDED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"a"}}}\n');
    s.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(streams.state.watchClosedByClient).toBe(true);
  });

  it('ends the HTTP response when the server closes the watch', async () => {
    streams = fakeStreams();
    const s = await openStream(`${host.url}/watch`);
    streams.endWatch();
    await s.ended;
    expect(s.text()).toBe('');
    expect(streams.state.watchClosedByClient).toBe(false);
  });

  it('streams followed logs after the text so far', async () => {
    streams = fakeStreams();
    const s = await openStream(`${host.url}/follow`);
    expect(await s.until((t) => t === 'so far\n')).toBe('so far\n');
    streams.write('more\n');
    await s.until((t) => t.endsWith('more\n'));
    streams.endText();
    await s.ended;
    expect(s.text()).toBe('so far\nmore\n');
  });
});

describe('sandbox API over HTTP (real cluster)', () => {
  let srv: SandboxServer;
  beforeAll(async () => { srv = await startSandboxServer({ port: 0, speed: 10 }); });
  afterAll(async () => { await srv.close(); });
  const url = (p: string) => `${srv.host.url}${p}`;

  it('answers /version and aggregated discovery negotiated by Accept', async () => {
    expect(await (await fetch(url('/version'))).json()).toMatchObject({ major: '1', minor: '32' });
    const v2 = await fetch(url('/api'), { headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json' } });
    expect(v2.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const doc = await v2.json() as { kind: string; items: { versions: { resources: { resource: string }[] }[] }[] };
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    expect(doc.items[0].versions[0].resources.map((r) => r.resource)).toContain('pods');
    const beta = await fetch(url('/apis'), { headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json' } });
    expect(beta.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList');
    const legacy = await fetch(url('/api'));
    expect(await legacy.json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
  });

  it('answers a missing object with a NotFound Status', async () => {
    const res = await fetch(url('/api/v1/namespaces/default/pods/nope'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'pods "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'pods' }, code: 404,
    });
  });

  it('serves Tables for the Table Accept header', async () => {
    const res = await fetch(url('/api/v1/nodes'), { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    const t = await res.json() as { kind: string; columnDefinitions: { name: string }[]; rows: { cells: unknown[]; object: { kind: string } }[] };
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(t.rows.map((r) => r.cells[0])).toEqual(['master', 'worker', 'worker2']);
    expect(t.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('streams an ADDED event promptly when a pod is created during a watch', async () => {
    const list = await (await fetch(url('/api/v1/namespaces/default/pods'))).json() as { metadata: { resourceVersion: string } };
    const s = await openStream(url(`/api/v1/namespaces/default/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}`));
    expect(s.text()).toBe('');
    const created = await fetch(url('/api/v1/namespaces/default/pods'), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'w' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
    });
    expect(created.status).toBe(201);
    const text = await s.until((t) => t.includes('\n'), 2000);
    const first = JSON.parse(text.split('\n')[0]) as WatchEvent;
    expect(first.type).toBe('ADDED');
    expect(first.object.metadata.name).toBe('w');
    s.abort();
  });

  it('moves virtual time with wall time × speed', async () => {
    const before = srv.cluster.clock.now();
    await new Promise((r) => setTimeout(r, 200));
    srv.time.sync();
    const moved = srv.cluster.clock.now() - before;
    expect(moved).toBeGreaterThanOrEqual(1900);
    expect(moved).toBeLessThan(10_000);
  });
});
