// Models pkg/registry/core/service/storage/alloc.go with the ipallocator and portallocator:
// ClusterIPs from the service CIDR 10.96.0.0/12 and NodePorts from 30000-32767, dynamic picks from
// the upper band first (ServiceIPStaticSubrange / ServiceNodePortStaticSubrange). Simplified: the
// store is the allocation map (used addresses are read from existing Services), so nothing can leak.
import type { KObject } from '../../types';
import type { Rng } from '../../util';
import type { FieldError } from '../validation';

const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // a /12
const IP_STATIC_BAND = 256; // min(max(16, size/16), 256)
const PORT_MIN = 30000;
const PORT_MAX = 32767;
const PORT_STATIC_BAND = 86; // min(max(16, 2768/32), 128)

type Svc = { spec?: { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: Array<{ nodePort?: number }> } };

function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function wantsClusterIP(svc: Svc): boolean {
  return svc.spec?.type !== 'ExternalName' && svc.spec?.clusterIP !== 'None';
}

function wantsNodePorts(svc: Svc): boolean {
  return svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer';
}

/** usedAddresses collects the ClusterIPs and NodePorts held by existing Services (other than `self`). */
function usedAddresses(services: KObject[], self?: { namespace?: string; name?: string }) {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const s of services) {
    if (self && s.metadata.namespace === self.namespace && s.metadata.name === self.name) continue;
    const spec = (s as Svc).spec;
    for (const ip of spec?.clusterIPs ?? (spec?.clusterIP ? [spec.clusterIP] : [])) ips.add(ip);
    for (const p of spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

function pickFree(rng: Rng, lo: number, hi: number, staticBand: number, used: (n: number) => boolean): number | undefined {
  // Dynamic allocation tries the upper band at random, then scans, then falls back to the static band.
  const upper = lo + staticBand;
  for (let i = 0; i < 64; i++) {
    const n = upper + rng.int(hi - upper + 1);
    if (!used(n)) return n;
  }
  for (let n = upper; n <= hi; n++) if (!used(n)) return n;
  for (let n = lo; n < upper; n++) if (!used(n)) return n;
  return undefined;
}

/**
 * allocateServiceAddresses fills in spec.clusterIP(s) and nodePorts of a Service being created or
 * updated, in place, and returns the apiserver's field errors for explicit values that are taken or
 * out of range. `old` is the stored Service on update (its addresses are kept).
 */
export function allocateServiceAddresses(obj: KObject, services: KObject[], rng: Rng, old?: KObject): FieldError[] {
  const svc = obj as Svc;
  const spec = (svc.spec ??= {});
  const errs: FieldError[] = [];
  const { ips, ports } = usedAddresses(services, old ? { namespace: old.metadata.namespace, name: old.metadata.name } : undefined);
  const oldSpec = (old as Svc | undefined)?.spec;
  // Headless: the registry mirrors clusterIP None into clusterIPs (describe then prints `IPs: None`).
  if (spec.clusterIP === 'None' && spec.type !== 'ExternalName' && !spec.clusterIPs?.length) spec.clusterIPs = ['None'];
  if (wantsClusterIP(svc)) {
    // A PUT that omits clusterIP keeps the allocated one (the strategy's PrepareForUpdate).
    if (!spec.clusterIP && oldSpec?.clusterIP) { spec.clusterIP = oldSpec.clusterIP; spec.clusterIPs = oldSpec.clusterIPs ?? [oldSpec.clusterIP]; }
    if (spec.clusterIP && spec.clusterIP !== oldSpec?.clusterIP) {
      const n = ipToInt(spec.clusterIP);
      const field = 'spec.clusterIPs';
      const bad = `[]string{"${spec.clusterIP}"}`;
      if (n === undefined || n <= CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE - 1) {
        errs.push({ type: 'FieldValueInvalid', field, message: `Invalid value: ${bad}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12` });
      } else if (ips.has(spec.clusterIP)) {
        errs.push({ type: 'FieldValueInvalid', field, message: `Invalid value: ${bad}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` });
      }
    } else if (!spec.clusterIP) {
      const n = pickFree(rng, CIDR_BASE + 1, CIDR_BASE + CIDR_SIZE - 2, IP_STATIC_BAND - 1, (x) => ips.has(intToIp(x)));
      if (n !== undefined) spec.clusterIP = intToIp(n);
    }
    if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  }
  // ClusterIPs are allocated before NodePorts, and the first failing step ends the transaction.
  if (errs.length) return errs;
  if (wantsNodePorts(svc)) {
    const taken = new Set(ports);
    const keep = new Set((oldSpec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p));
    (spec.ports ?? []).forEach((p, i) => {
      if (!p.nodePort) return;
      if (p.nodePort < PORT_MIN || p.nodePort > PORT_MAX) return; // validation reports the range
      if (!keep.has(p.nodePort) && taken.has(p.nodePort)) {
        errs.push({ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is already allocated` });
      }
      taken.add(p.nodePort);
    });
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const n = pickFree(rng, PORT_MIN, PORT_MAX, PORT_STATIC_BAND, (x) => taken.has(x));
      if (n !== undefined) { p.nodePort = n; taken.add(n); }
    }
  }
  return errs;
}
