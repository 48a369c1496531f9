import { describe, it, expect } from 'vitest';
import type { HttpRequest } from '../images';
import { setup, type Harness } from './testdata/harness';

const req = (path: string, over: Partial<HttpRequest> = {}): HttpRequest => ({ method: 'GET', path, headers: { 'user-agent': 'curl/8.12.1', accept: '*/*' }, remoteAddr: '10.244.1.4', port: 80, ...over });
const proc = (h: Harness, pod = 'web') => { const c = h.kubelet.container('default', pod); if (!c) throw new Error('not running'); return c.process; };
const logs = (h: Harness, pod = 'web', tailLines?: number) => { const r = h.kubelet.logs('default', pod, { tailLines }); if ('error' in r) throw new Error(r.error.message); return r.text; };

describe('apps answering requests inside pods', () => {
  it('nginx writes a combined access-log line per request that kubectl logs shows', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginx' }] });
    h.advance(20);
    const p = proc(h);
    const res = p.http!(req('/'));
    expect(res).toMatchObject({ status: 200, headers: { Server: 'nginx/1.27.4', 'Content-Type': 'text/html', 'Content-Length': '615' } });
    expect(res.body).toHaveLength(615);
    expect(logs(h, 'web', 1)).toMatch(/^10\.244\.1\.4 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.12\.1" "-"\n$/);
    expect(p.http!(req('/nope', { headers: { 'user-agent': 'Wget', 'x-forwarded-for': '192.168.1.2' }, remoteAddr: '10.244.0.5' })).status).toBe(404);
    expect(logs(h, 'web', 1)).toMatch(/^10\.244\.0\.5 - - \[.*\] "GET \/nope HTTP\/1\.1" 404 153 "-" "Wget" "192\.168\.1\.2"\n$/);
    const head = p.http!(req('/', { method: 'HEAD' }));
    expect(head.body).toBe('');
    expect(head.headers?.['Content-Length']).toBe('615');
    expect(logs(h, 'web', 1)).toMatch(/"HEAD \/ HTTP\/1\.1" 200 0 "-"/);
  });

  it('kubia v2 and kubia-unhealthy answer as the book\'s app.js', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'luksa/kubia:v2' }] }, 'v2');
    h.run({ containers: [{ name: 'c', image: 'luksa/kubia-unhealthy' }] }, 'sick');
    h.advance(60);
    expect(proc(h, 'v2').http!(req('/', { port: 8080 })).body).toBe('This is v2 running in pod v2\n');
    expect(logs(h, 'v2')).toBe('Kubia server starting...\nReceived request from ::ffff:10.244.1.4\n');
    const codes = Array.from({ length: 7 }, () => proc(h, 'sick').http!(req('/', { port: 8080 })).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 500, 500]);
    expect(proc(h, 'sick').http!(req('/', { port: 8080 })).body).toBe("I'm not well. Please restart me!");
  });

  it('kubia v3 answers 500 from the 5th request on', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'luksa/kubia:v3' }] });
    h.advance(60);
    const bodies = Array.from({ length: 6 }, () => proc(h).http!(req('/', { port: 8080 })));
    expect(bodies.map((b) => b.status)).toEqual([200, 200, 200, 200, 500, 500]);
    expect(bodies[0].body).toBe('This is v3 running in pod web\n');
    expect(bodies[5].body).toBe('Some internal error has occurred! This is pod web\n');
  });

  it('agnhost serve-hostname answers the pod name on 9376', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', args: ['serve-hostname'] }] }, 'hostnames-7b8c9-x2x4z');
    h.advance(60);
    const p = proc(h, 'hostnames-7b8c9-x2x4z');
    expect(p.listens(9376)).toBe(true);
    expect(p.http!(req('/', { port: 9376 })).body).toBe('hostnames-7b8c9-x2x4z');
    expect(logs(h, 'hostnames-7b8c9-x2x4z')).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Serving on port 9376\.\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d HTTP request from 10\.244\.1\.4:\d+\n$/);
  });

  it('agnhost netexec serves /hostname, /echo, /clientip, /shell and /exit', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', command: ['/agnhost', 'netexec', '--http-port=8080'] }] });
    h.advance(60);
    const p = proc(h);
    const get = (path: string) => p.http!(req(path, { port: 8080 }));
    expect(get('/hostname').body).toBe('web');
    expect(get('/echo?msg=hello+world').body).toBe('hello world');
    expect(get('/echo?msg=x&code=503').status).toBe(503);
    expect(get('/clientip').body).toMatch(/^10\.244\.1\.4:\d+$/);
    expect(get('/shell?cmd=echo%20hi').body).toBe('{"output":"hi\\n"}');
    expect(get('/').body).toMatch(/^NOW: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 UTC m=\+\d+\.\d{9}$/);
    expect(logs(h)).toMatch(/Started HTTP server on port 8080\n.*Started UDP server on port {2}8081\n/);
    get('/exit?code=3');
    h.advance(1);
    expect(h.pod().status?.containerStatuses?.[0].lastState?.terminated?.exitCode ?? h.pod().status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(3);
  });

  it('a generic user image answers on each declared containerPort (8080 when none)', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'someuser/webapp:1.0', ports: [{ containerPort: 3000 }, { containerPort: 3001 }] }] });
    h.run({ containers: [{ name: 'c', image: 'someuser/webapp:1.0' }] }, 'noports');
    h.advance(60);
    expect(proc(h).listens(3000) && proc(h).listens(3001)).toBe(true);
    expect(proc(h).listens(8080)).toBe(false);
    expect(proc(h, 'noports').listens(8080)).toBe(true);
    expect(proc(h).http!(req('/', { port: 3000 })).status).toBe(200);
  });

  it('busybox httpd serves files from -h (foreground as PID 1, or daemonized from a shell)', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hello > /www/index.html; httpd -f -p 8080 -h /www'] }] });
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'httpd -p 80; sleep 3600'] }] }, 'daemon');
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['httpd', '-p', '80'] }], restartPolicy: 'Never' }, 'exits');
    h.advance(60);
    expect(h.pod().status?.phase).toBe('Running');
    expect(proc(h).http!(req('/', { port: 8080 }))).toMatchObject({ status: 200, body: 'hello\n' });
    expect(proc(h).http!(req('/x', { port: 8080 })).body).toBe('<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n');
    expect(proc(h, 'daemon').listens(80)).toBe(true);
    expect(h.pod('exits').status?.phase).toBe('Succeeded');
    // `kubectl exec` starting the daemon makes the running container listen too.
    proc(h).exec(['httpd', '-p', '9000']);
    expect(proc(h).listens(9000)).toBe(true);
  });

  it('ps shows PID 1 with its command line (busybox and procps formats); a missing binary ends its line', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] });
    h.run({ containers: [{ name: 'c', image: 'luksa/kubia' }] }, 'kubia');
    h.run({ containers: [{ name: 'c', image: 'nginx' }] }, 'nginx');
    h.advance(60);
    expect(proc(h).exec(['ps']).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n   42 root      0:00 ps\n');
    expect(proc(h, 'kubia').exec(['ps', '-ef']).stdout).toMatch(/^UID {10}PID {4}PPID {2}C STIME TTY {10}TIME CMD\nroot {11}1 {7}0 {2}0 \d\d:\d\d \? {8}00:00:00 node app\.js\n/);
    expect(proc(h, 'nginx').exec(['ps'])).toMatchObject({ exitCode: 126, stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\n' });
  });
});
