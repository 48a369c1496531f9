import { describe, it, expect } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { KubectlError } from '../../errors';
import { convertPodNamedPortToNumber, joinHostPort, parseAddresses, parsePorts, translateServicePortToTargetPort } from './ports';

const pod: Pod = { metadata: { name: 'kubia' }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }] } };
const svc: Service = { metadata: { name: 'kubia' }, spec: { clusterIP: '10.96.1.1', ports: [{ name: 'web', port: 80, targetPort: 'http' }, { port: 443, targetPort: 8443 }, { port: 9000 }] } };

function message(fn: () => unknown): string {
  try { fn(); } catch (e) { return e instanceof KubectlError ? e.message : String(e); }
  return '';
}

describe('port-forward port specs', () => {
  it('parses [LOCAL:]REMOTE as client-go does', () => {
    expect(parsePorts(['5000', '8888:8080', ':9000', '0:7000'])).toEqual([
      { local: 5000, remote: 5000 }, { local: 8888, remote: 8080 }, { local: 0, remote: 9000 }, { local: 0, remote: 7000 },
    ]);
    expect(message(() => parsePorts(['x:80']))).toBe(`error: error parsing local port 'x': strconv.ParseUint: parsing "x": invalid syntax`);
    expect(message(() => parsePorts(['80:70000']))).toBe(`error: error parsing remote port '70000': strconv.ParseUint: parsing "70000": value out of range`);
    expect(message(() => parsePorts(['1:2:3']))).toBe(`error: invalid port format '1:2:3'`);
    expect(message(() => parsePorts(['80:0']))).toBe('error: remote port must be > 0');
  });

  it('resolves named container ports and maps Service ports to target ports', () => {
    expect(convertPodNamedPortToNumber(['8888:http', 'http', '9000'], pod)).toEqual(['8888:8080', '8080', '9000']);
    expect(message(() => convertPodNamedPortToNumber(['8888:metrics'], pod))).toBe("error: Pod 'kubia' does not have a named port 'metrics'");
    expect(translateServicePortToTargetPort(['8080:80', '443', '9000', 'web'], svc, pod)).toEqual(['8080', '443:8443', '9000', '80:8080']);
    expect(message(() => translateServicePortToTargetPort(['81'], svc, pod))).toBe('error: Service kubia does not have a service port 81');
    expect(message(() => translateServicePortToTargetPort(['grpc'], svc, pod))).toBe("error: Service 'kubia' does not have a named port 'grpc'");
  });

  it('expands localhost to both loopback addresses, sorted, and rejects non-IPs', () => {
    expect(parseAddresses(['localhost']).map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
    expect(parseAddresses(['0.0.0.0', 'localhost']).map((a) => `${a.address}/${a.protocol}/${a.failureMode}`)).toEqual(['0.0.0.0/tcp4/any', '127.0.0.1/tcp4/all', '::1/tcp6/all']);
    expect(message(() => parseAddresses(['myhost']))).toBe('error: myhost is not a valid IP');
    expect(joinHostPort('::1', 8888)).toBe('[::1]:8888');
  });
});
