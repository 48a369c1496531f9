import { describe, expect, it } from 'vitest';
import { runNetTool } from './run';
import { createFakeNetwork, FAKE_POD, kubiaListener, type FakeListener } from './testing';

const net = createFakeNetwork({
  names: { 'kubia.default.svc.cluster.local': ['10.96.6.96'], 'google.com': ['142.250.74.46'], 'secure.default.svc.cluster.local': ['10.96.7.7'] },
  listeners: [
    kubiaListener('10.96.6.96', 80, 'kubia-5d8f7-abcde'),
    { ip: '10.96.6.96', port: 8080, answer: (c): ReturnType<FakeListener['answer']> => (c.path === '/missing' ? { status: 404, headers: { 'Content-Length': '10' }, body: 'not found\n' } : c.path === '/old' ? { status: 301, headers: { Location: '/new' }, body: '' } : { status: 200, headers: { 'Content-Length': String(c.body?.length ?? 3) }, body: c.body ?? `${c.method} ${c.path} host=${c.headers.host}` }) },
    { ip: '142.250.74.46', port: 443, external: true, answer: () => ({ status: 200, headers: { 'Content-Length': '3' }, body: 'ok\n' }) },
    { ip: '10.96.7.7', port: 443, answer: () => ({ status: 200, headers: {}, body: 'tls\n' }) },
    { ip: '10.96.6.96', port: 9000, answer: () => ({ error: 'reset' }) },
  ],
  blackhole: ['10.96.9.9'],
});
const curl = (args: string[], tty = false) => runNetTool(net, FAKE_POD, ['curl', ...args], '', 'busybox', { tty })!;
const HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

describe('curl', () => {
  it('prints only the body with -s', () => {
    const r = curl(['-s', 'kubia']);
    expect(r).toMatchObject({ exitCode: 0, stdout: "You've hit kubia-5d8f7-abcde\n", stderr: '' });
    expect(r.durationMs).toBe(2);
  });

  it('shows the progress meter on stderr when stdout is not a terminal, and not on a terminal', () => {
    const r = curl(['http://kubia/']);
    expect(r.stderr).toBe(`${HEADER}${ZERO}\r100    29    0    29    0     0  14500      0 --:--:-- --:--:-- --:--:-- 14500\n`);
    expect(curl(['kubia'], true).stderr).toBe('');
    expect(curl(['-o', '/dev/null', 'kubia'], true).stderr).toContain('% Total');
  });

  it('traces the exchange with -v in curl 8 format', () => {
    const r = curl(['-sv', 'kubia']);
    expect(r.stderr).toBe(
      '* Host kubia:80 was resolved.\n* IPv6: (none)\n* IPv4: 10.96.6.96\n*   Trying 10.96.6.96:80...\n* Connected to kubia (10.96.6.96) port 80\n* using HTTP/1.x\n' +
      '> GET / HTTP/1.1\r\n> Host: kubia\r\n> User-Agent: curl/8.12.1\r\n> Accept: */*\r\n> \r\n* Request completely sent off\n' +
      '< HTTP/1.1 200 OK\r\n< Content-Type: text/plain\r\n< Date: Mon, 10 Mar 2025 09:00:12 GMT\r\n< Connection: keep-alive\r\n< Transfer-Encoding: chunked\r\n< \r\n' +
      '{ [29 bytes data]\n* Connection #0 to host kubia left intact\n');
    expect(r.stdout).toBe("You've hit kubia-5d8f7-abcde\n");
    // On a terminal the body comes between the response headers and curl's closing line.
    const order = curl(['-v', 'kubia'], true).timeline?.map((c) => c.out ?? c.err ?? '');
    expect(order?.slice(-3)).toEqual(['< HTTP/1.1 200 OK\r\n< Content-Type: text/plain\r\n< Date: Mon, 10 Mar 2025 09:00:12 GMT\r\n< Connection: keep-alive\r\n< Transfer-Encoding: chunked\r\n< \r\n', "You've hit kubia-5d8f7-abcde\n", '* Connection #0 to host kubia left intact\n']);
  });

  it('prints response headers with -I and -i', () => {
    expect(curl(['-sI', 'kubia']).stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Mon, 10 Mar 2025 09:00:12 GMT\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n');
    expect(curl(['-si', 'kubia']).stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nYou've hit kubia-5d8f7-abcde\n$/);
  });

  it('fails like curl 8 with its exit codes', () => {
    expect(curl(['nope'])).toMatchObject({ exitCode: 6, stderr: `${HEADER}${ZERO}curl: (6) Could not resolve host: nope\n` });
    expect(curl(['-s', 'nope'])).toMatchObject({ exitCode: 6, stderr: '' });
    expect(curl(['-sS', 'kubia:81'])).toMatchObject({ exitCode: 7, stderr: 'curl: (7) Failed to connect to kubia port 81 after 1 ms: Couldn\'t connect to server\n' });
    expect(curl(['-sS', 'kubia:9000'])).toMatchObject({ exitCode: 56, stderr: 'curl: (56) Recv failure: Connection reset by peer\n' });
    expect(curl(['-sS', 'http://kubia:99999/'])).toMatchObject({ exitCode: 3, stderr: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n' });
    expect(curl(['-sS', 'ftp://kubia/'])).toMatchObject({ exitCode: 1, stderr: 'curl: (1) Protocol "ftp" not supported\n' });
    expect(curl([])).toMatchObject({ exitCode: 2, stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
    expect(curl(['--bogus', 'kubia'])).toMatchObject({ exitCode: 2, stderr: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
  });

  it('times out with -m after the given time, printing one meter line per second', () => {
    const r = curl(['-m', '3', '10.96.9.9']);
    expect(r.exitCode).toBe(28);
    expect(r.durationMs).toBe(3001);
    expect(r.stderr).toBe(`${HEADER}${ZERO}` +
      '\r  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0' +
      '\r  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0' +
      '\r  0     0    0     0    0     0      0      0 --:--:--  0:00:03 --:--:--     0' +
      'curl: (28) Connection timed out after 3001 milliseconds\n');
    expect(r.timeline?.map((c) => c.atMs)).toEqual([0, 1000, 2000, 3000, 3001]);
    expect(curl(['-sS', '10.96.9.9'])).toMatchObject({ exitCode: 28, stderr: "curl: (28) Failed to connect to 10.96.9.9 port 80 after 130000 ms: Couldn't connect to server\n", durationMs: 130_000 });
  });

  it('supports -f, -w, -X, -d, -H and -L', () => {
    expect(curl(['-sSf', 'kubia:8080/missing'])).toMatchObject({ exitCode: 22, stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n' });
    expect(curl(['-s', 'kubia:8080/missing'])).toMatchObject({ exitCode: 0, stdout: 'not found\n' });
    expect(curl(['-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'kubia:8080/missing']).stdout).toBe('404\n');
    expect(curl(['-s', '-w', '%{http_code}', 'nope']).stdout).toBe('000');
    expect(curl(['-s', '-H', 'Host: google.com', 'kubia:8080/x']).stdout).toBe('GET /x host=google.com');
    expect(curl(['-s', '-X', 'DELETE', 'kubia:8080/x']).stdout).toBe('DELETE /x host=kubia:8080');
    expect(curl(['-s', '-d', 'a=1', 'kubia:8080/']).stdout).toBe('a=1');
    const v = curl(['-sv', '-d', 'a=1', 'kubia:8080/']).stderr;
    expect(v).toContain('> POST / HTTP/1.1\r\n> Host: kubia:8080\r\n> User-Agent: curl/8.12.1\r\n> Accept: */*\r\n> Content-Length: 3\r\n> Content-Type: application/x-www-form-urlencoded\r\n> \r\n');
    expect(curl(['-s', 'kubia:8080/old']).stdout).toBe('');
    expect(curl(['-sL', 'kubia:8080/old']).stdout).toBe('GET /new host=kubia:8080');
  });

  it('rejects self-signed certificates unless -k, and trusts the simulated internet', () => {
    expect(curl(['-sS', 'https://secure']).exitCode).toBe(60);
    expect(curl(['-sS', 'https://secure']).stderr).toMatch(/^curl: \(60\) SSL certificate problem: self-signed certificate\nMore details here: https:\/\/curl\.se\/docs\/sslcerts\.html\n/);
    expect(curl(['-sk', 'https://secure']).stdout).toBe('tls\n');
    expect(curl(['-s', 'https://google.com']).stdout).toBe('ok\n');
  });

  it('fails to resolve or connect when the pod has no network yet', () => {
    expect(runNetTool(net, undefined, ['curl', '-sS', 'kubia'], '', 'busybox')).toMatchObject({ exitCode: 6, stderr: 'curl: (6) Could not resolve host: kubia\n' });
    expect(runNetTool(net, undefined, ['curl', '-sS', '10.96.6.96'], '', 'busybox')?.exitCode).toBe(7);
  });

  it('is not a network command for other programs', () => {
    expect(runNetTool(net, FAKE_POD, ['cat', '/etc/hosts'], '', 'busybox')).toBeUndefined();
    expect(runNetTool(net, FAKE_POD, ['/usr/bin/curl', '-s', 'kubia'], '', 'busybox')?.stdout).toBe("You've hit kubia-5d8f7-abcde\n");
  });
});
