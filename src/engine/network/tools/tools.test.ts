import { describe, expect, it } from 'vitest';
import { runNetTool } from './run';
import { createFakeNetwork, FAKE_POD, kubiaListener } from './testing';

const net = createFakeNetwork({
  names: { 'kubia.default.svc.cluster.local': ['10.96.6.96'], 'google.com': ['142.250.74.46'], 'www.google.com': ['142.250.74.100'], 'kubia-headless.default.svc.cluster.local': ['10.244.1.7', '10.244.2.8'] },
  cnames: { 'google-svc.default.svc.cluster.local': 'google.com' },
  listeners: [
    kubiaListener('10.96.6.96', 80, 'kubia-5d8f7-abcde'),
    { ip: '10.96.6.96', port: 8080, answer: () => ({ status: 404, headers: { 'Content-Length': '10' }, body: 'not found\n' }) },
    { ip: '142.250.74.46', port: 80, external: true, answer: () => ({ status: 301, headers: { Location: 'http://www.google.com/' }, body: 'moved\n' }) },
    { ip: '142.250.74.100', port: 80, external: true, answer: () => ({ status: 200, headers: { 'Content-Length': '7', 'Content-Type': 'text/html; charset=ISO-8859-1' }, body: 'google\n' }) },
  ],
  pingable: ['10.244.2.8'],
});
const run = (argv: string[], flavor: 'busybox' | 'gnu' = 'busybox', host?: 'workstation') => runNetTool(net, FAKE_POD, argv, '', flavor, { host })!;

describe('nslookup', () => {
  it('busybox 1.36 queries every search domain, A then AAAA, and prints each reply', () => {
    const r = run(['nslookup', 'kubia']);
    // Any NXDOMAIN reply sets the exit status to 1, even though one search domain answered.
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
      'Name:\tkubia.default.svc.cluster.local\nAddress: 10.96.6.96\n\n' +
      "** server can't find kubia.svc.cluster.local: NXDOMAIN\n\n** server can't find kubia.cluster.local: NXDOMAIN\n\n" +
      '\n' +
      "** server can't find kubia.svc.cluster.local: NXDOMAIN\n\n** server can't find kubia.cluster.local: NXDOMAIN\n\n");
    expect(run(['nslookup', 'kubia.default.svc.cluster.local'])).toMatchObject({ exitCode: 0, stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubia.default.svc.cluster.local\nAddress: 10.96.6.96\n\n\n' });
    expect(run(['nslookup', 'google.com']).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.74.46\n\nNon-authoritative answer:\n\n');
    expect(run(['nslookup', 'x']).exitCode).toBe(1);
    expect(run(['nslookup', 'kubia.default']).stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubia.default: NXDOMAIN\n\n** server can't find kubia.default: NXDOMAIN\n\n");
  });

  it('bind9 applies the search path and prints the answer, CNAMEs with a trailing dot', () => {
    expect(run(['nslookup', 'kubia'], 'gnu').stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubia.default.svc.cluster.local\nAddress: 10.96.6.96\n\n');
    expect(run(['nslookup', 'google-svc'], 'gnu').stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\ngoogle-svc.default.svc.cluster.local\tcanonical name = google.com.\nName:\tgoogle.com\nAddress: 142.250.74.46\n\n');
    expect(run(['nslookup', 'x'], 'gnu')).toMatchObject({ exitCode: 1, stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find x: NXDOMAIN\n\n" });
    expect(run(['nslookup', 'kubia-headless'], 'gnu').stdout).toContain('Name:\tkubia-headless.default.svc.cluster.local\nAddress: 10.244.1.7\nName:\tkubia-headless.default.svc.cluster.local\nAddress: 10.244.2.8\n');
  });

  it('times out when CoreDNS does not answer', () => {
    const down = createFakeNetwork({ dnsDown: true });
    expect(runNetTool(down, FAKE_POD, ['nslookup', 'kubia'], '', 'busybox')).toMatchObject({ exitCode: 1, stdout: ';; connection timed out; no servers could be reached\n\n' });
    expect(runNetTool(down, FAKE_POD, ['curl', '-sS', 'kubia'], '', 'busybox')).toMatchObject({ exitCode: 6, stderr: 'curl: (6) Could not resolve host: kubia\n', durationMs: 10_000 });
  });
});

describe('getent', () => {
  it('prints glibc hosts lines, one per address, and exits 2 when not found', () => {
    expect(run(['getent', 'hosts', 'kubia'], 'gnu')).toMatchObject({ exitCode: 0, stdout: '10.96.6.96      kubia.default.svc.cluster.local\n' });
    expect(run(['getent', 'hosts', 'kubia-headless'], 'gnu').stdout).toBe('10.244.1.7      kubia-headless.default.svc.cluster.local\n10.244.2.8      kubia-headless.default.svc.cluster.local\n');
    expect(run(['getent', 'hosts', 'google-svc'], 'gnu').stdout).toBe('142.250.74.46   google.com google-svc.default.svc.cluster.local\n');
    expect(run(['getent', 'hosts', 'nope'], 'gnu')).toMatchObject({ exitCode: 2, stdout: '', stderr: '' });
    expect(run(['getent', 'ahosts', 'kubia'], 'gnu').stdout).toBe('10.96.6.96      STREAM kubia.default.svc.cluster.local\n10.96.6.96      DGRAM  \n10.96.6.96      RAW    \n');
    expect(run(['getent', 'passwd', 'root'], 'gnu')).toBeUndefined();
  });
});

describe('wget', () => {
  it('busybox: -qO- prints the body; the default saves index.html with a progress line', () => {
    expect(run(['wget', '-qO-', 'kubia'])).toMatchObject({ exitCode: 0, stdout: "You've hit kubia-5d8f7-abcde\n", stderr: '' });
    expect(run(['wget', '-O-', '-q', 'kubia']).stdout).toBe("You've hit kubia-5d8f7-abcde\n");
    expect(run(['wget', 'kubia']).stderr).toBe("Connecting to kubia (10.96.6.96:80)\nsaving to 'index.html'\nindex.html              29  --:--:-- ETA\n'index.html' saved\n");
    expect(run(['wget', 'www.google.com']).stderr).toBe("Connecting to www.google.com (142.250.74.100:80)\nsaving to 'index.html'\nindex.html           100% |*******************************|     7   0:00:00 ETA\n'index.html' saved\n");
  });

  it('busybox: follows redirects and reports errors in its words', () => {
    expect(run(['wget', '-qO-', 'google-svc']).stdout).toBe('google\n');
    expect(run(['wget', '-qO-', 'nope'])).toMatchObject({ exitCode: 1, stderr: "wget: bad address 'nope'\n" });
    expect(run(['wget', '-qO-', 'kubia:81'])).toMatchObject({ exitCode: 1, stderr: "wget: can't connect to remote host (10.96.6.96): Connection refused\n" });
    expect(run(['wget', '-qO-', 'kubia:8080'])).toMatchObject({ exitCode: 1, stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n' });
  });

  it('GNU: logs resolving, connecting and saving; exit 4 and 8 on failures', () => {
    const r = run(['wget', 'www.google.com'], 'gnu');
    expect(r.stderr).toMatch(/^--1970-01-01 00:00:00-- {2}http:\/\/www\.google\.com\/\nResolving www\.google\.com \(www\.google\.com\)\.\.\. 142\.250\.74\.100\nConnecting to www\.google\.com \(www\.google\.com\)\|142\.250\.74\.100\|:80\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\nLength: 7 \[text\/html\]\nSaving to: 'index\.html'\n\n/);
    expect(r.stderr).toMatch(/ - 'index\.html' saved \[7\/7\]\n\n$/);
    expect(run(['wget', 'nope'], 'gnu')).toMatchObject({ exitCode: 4 });
    expect(run(['wget', 'nope'], 'gnu').stderr).toContain("wget: unable to resolve host address 'nope'\n");
    expect(run(['wget', 'nope'], 'gnu', 'workstation').stderr).toContain('wget: unable to resolve host address ‘nope’\n');
    expect(run(['wget', 'kubia:8080'], 'gnu')).toMatchObject({ exitCode: 8 });
    expect(run(['wget', 'kubia:8080'], 'gnu').stderr).toContain('HTTP request sent, awaiting response... 404 Not Found\n1970-01-01 00:00:00 ERROR 404: Not Found.\n\n');
    expect(run(['wget', 'google.com'], 'gnu').stderr).toContain('301 Moved Permanently\nLocation: http://www.google.com/ [following]\n--1970-01-01 00:00:00--  http://www.google.com/\n');
  });
});

describe('ping', () => {
  it('answers from pods once a second and prints busybox statistics', () => {
    const r = run(['ping', '-c', '2', '10.244.2.8']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^PING 10\.244\.2\.8 \(10\.244\.2\.8\): 56 data bytes\n64 bytes from 10\.244\.2\.8: seq=0 ttl=63 time=0\.\d{3} ms\n64 bytes from 10\.244\.2\.8: seq=1 ttl=63 time=0\.\d{3} ms\n\n--- 10\.244\.2\.8 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d./]+ ms\n$/);
    expect(r.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it('never gets an answer from a ClusterIP', () => {
    expect(run(['ping', '-c', '3', 'kubia'])).toMatchObject({ exitCode: 1, stdout: 'PING kubia (10.96.6.96): 56 data bytes\n\n--- kubia ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n' });
    expect(run(['ping', '-c', '3', 'kubia'], 'gnu').stdout).toBe('PING kubia (10.96.6.96) 56(84) bytes of data.\n\n--- kubia ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2040ms\n\n'.slice(0, -1));
    expect(run(['ping', 'nope'])).toMatchObject({ exitCode: 1, stderr: "ping: bad address 'nope'\n" });
    expect(run(['ping', 'nope'], 'gnu')).toMatchObject({ exitCode: 2, stderr: 'ping: nope: Name or service not known\n' });
  });

  it('stops after a few packets without -c in a container, with a timeline for the workstation', () => {
    const r = run(['ping', '10.244.2.8']);
    expect(r.stdout.match(/^64 bytes/gm)).toHaveLength(4);
    expect(r.timeline?.map((c) => c.atMs)).toEqual([0, 1, 1001, 2001, 3001, 3001]);
    expect(runNetTool(net, FAKE_POD, ['ping', '10.244.2.8'], '', 'gnu', { host: 'workstation' })?.live).toBeDefined();
  });
});

describe('nc, ip, ifconfig, hostname -i', () => {
  it('checks ports like busybox nc and netcat-openbsd', () => {
    expect(run(['nc', '-zv', 'kubia', '80'])).toMatchObject({ exitCode: 0, stderr: 'kubia (10.96.6.96:80) open\n' });
    expect(run(['nc', '-zv', 'kubia', '81'])).toMatchObject({ exitCode: 1, stderr: 'nc: kubia (10.96.6.96:81): Connection refused\n' });
    expect(run(['nc', '-zv', 'kubia', '80'], 'gnu').stderr).toBe('Connection to kubia (10.96.6.96) 80 port [tcp/http] succeeded!\n');
    expect(run(['nc', '-zv', '10.96.6.96', '81'], 'gnu').stderr).toBe('nc: connect to 10.96.6.96 port 81 (tcp) failed: Connection refused\n');
    const http = runNetTool(net, FAKE_POD, ['nc', 'kubia', '80'], 'GET / HTTP/1.0\r\n\r\n', 'busybox')!;
    expect(http.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nYou've hit kubia-5d8f7-abcde\n$/);
  });

  it('lists interfaces from the network', () => {
    expect(run(['ip', 'addr']).stdout).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
      '2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1450 qdisc noqueue state UP \n    link/ether 6a:1f:3c:52:9e:01 brd ff:ff:ff:ff:ff:ff\n    inet 10.244.1.5/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n');
    expect(run(['ip', 'route'])).toBeUndefined();
    expect(run(['ifconfig', 'eth0']).stdout).toBe('eth0      Link encap:Ethernet  HWaddr 6A:1F:3C:52:9E:01  \n          inet addr:10.244.1.5  Bcast:10.244.1.255  Mask:255.255.255.0\n          UP BROADCAST RUNNING MULTICAST  MTU:1450  Metric:1\n          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:0 \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n');
    expect(run(['hostname', '-i']).stdout).toBe('10.244.1.5\n');
    expect(run(['hostname'])).toBeUndefined();
  });
});

describe('dig and host', () => {
  it('print bind9 9.18 answers without the search path', () => {
    const at = Date.UTC(2025, 2, 10, 9, 0, 12);
    const dig = (args: string[]) => runNetTool(net, FAKE_POD, ['dig', ...args], '', 'gnu', { host: 'workstation', now: () => at })!;
    const full = dig(['kubia.default.svc.cluster.local']);
    expect(full.stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ');
    expect(full.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(full.stdout).toContain(';; QUESTION SECTION:\n;kubia.default.svc.cluster.local. IN\tA\n\n;; ANSWER SECTION:\nkubia.default.svc.cluster.local. 30 IN\tA\t10.96.6.96\n');
    expect(full.stdout).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Mon Mar 10 09:00:12 UTC 2025\n');
    expect(dig(['+short', 'google-svc.default.svc.cluster.local']).stdout).toBe('google.com.\n142.250.74.46\n');
    expect(dig(['google.com']).stdout).toContain(';; QUESTION SECTION:\n;google.com.\t\t\tIN\tA\n\n;; ANSWER SECTION:\ngoogle.com.\t\t30\tIN\tA\t142.250.74.46\n');
    expect(dig(['kubia']).stdout).toContain('status: NXDOMAIN');
    const host = (args: string[]) => runNetTool(net, FAKE_POD, ['host', ...args], '', 'gnu')!;
    expect(host(['kubia']).stdout).toBe('kubia.default.svc.cluster.local has address 10.96.6.96\n');
    expect(host(['google-svc']).stdout).toBe('google-svc.default.svc.cluster.local is an alias for google.com.\ngoogle.com has address 142.250.74.46\n');
    expect(host(['nope'])).toMatchObject({ exitCode: 1, stdout: 'Host nope not found: 3(NXDOMAIN)\n' });
  });
});
