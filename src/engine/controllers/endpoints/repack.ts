// Models pkg/api/v1/endpoints RepackSubsets and SortSubsets.
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { md5Hex } from './md5';

const str = (s: string | undefined) => s ?? '';
const ptr = (type: string, s: string | undefined) => (s === undefined ? `(*${type})<nil>` : `(*${type})${s}`);

// The spew `%#v` dump DeepHashObject writes for an EndpointPort (hash order is upstream's port order).
function dumpPort(p: EndpointPort): string {
  return `(v1.EndpointPort){Name:(string)${str(p.name)} Port:(int32)${p.port} Protocol:(v1.Protocol)${str(p.protocol)} AppProtocol:${ptr('string', p.appProtocol)}}`;
}

function dumpAddress(a: EndpointAddress): string {
  const r = a.targetRef;
  const ref = r
    ? `(*v1.ObjectReference){Kind:(string)${str(r.kind)} Namespace:(string)${str(r.namespace)} Name:(string)${str(r.name)} UID:(types.UID)${str(r.uid)} APIVersion:(string)${str(r.apiVersion)} ResourceVersion:(string)${str(r.resourceVersion)} FieldPath:(string)${str(r.fieldPath)}}`
    : '(*v1.ObjectReference)<nil>';
  return `(v1.EndpointAddress){IP:(string)${a.ip} Hostname:(string)${str(a.hostname)} NodeName:${ptr('string', a.nodeName)} TargetRef:${ref}}`;
}

const list = (type: string, items: string[] | undefined) => (items === undefined ? `([]${type})<nil>` : `([]${type})[${items.join(' ')}]`);

// Best effort at the subset dump: only its relative order matters, and only when ports differ per pod.
function dumpSubset(s: EndpointSubset): string {
  return `(v1.EndpointSubset){Addresses:${list('v1.EndpointAddress', s.addresses?.map(dumpAddress))} NotReadyAddresses:${list('v1.EndpointAddress', s.notReadyAddresses?.map(dumpAddress))} Ports:${list('v1.EndpointPort', s.ports?.map(dumpPort))}}`;
}

/** compareAddresses orders addresses by IP, then target UID (addrsByIPAndUID; IPs compare as text upstream). */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '', ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

const portHashes = new Map<string, string>();
// Port dumps repeat endlessly (one per Service port): remember their digests.
const hashPort = (p: EndpointPort) => {
  const d = dumpPort(p);
  let h = portHashes.get(d);
  if (h === undefined) {
    if (portHashes.size > 10_000) portHashes.clear();
    portHashes.set(d, (h = md5Hex(d)));
  }
  return h;
};

function byHash<T>(items: T[], hash: (t: T) => string): T[] {
  if (items.length < 2) return items;
  const keyed = items.map((t) => [hash(t), t] as const);
  keyed.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return keyed.map(([, t]) => t);
}

/** sortSubsets is SortSubsets: addresses by IP and UID, ports and subsets by the hash of their dump. */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const sorted = subsets.map((s) => {
    const out: EndpointSubset = {};
    if (s.addresses) out.addresses = [...s.addresses].sort(compareAddresses);
    if (s.notReadyAddresses) out.notReadyAddresses = [...s.notReadyAddresses].sort(compareAddresses);
    if (s.ports) out.ports = byHash(s.ports, hashPort);
    return out;
  });
  return byHash(sorted, (s) => md5Hex(dumpSubset(s)));
}

const portKey = (p: EndpointPort) => `${str(p.name)}\u0000${p.port}\u0000${str(p.protocol)}\u0000${p.appProtocol ?? '\u0001'}`;
const addrKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;

/**
 * repackSubsets is RepackSubsets: it maps every port to the set of addresses that offer it (an address
 * ready on any subset for a port counts as ready), then groups ports that share the same address set into
 * one subset, sorted as SortSubsets does.
 */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  const portToAddrs = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, boolean> }>();
  const sentinel = '\u0002sentinel';
  const add = (a: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const k = addrKey(a);
    if (!allAddrs.has(k)) allAddrs.set(k, a);
    const pk = port ? portKey(port) : sentinel;
    let entry = portToAddrs.get(pk);
    if (!entry) portToAddrs.set(pk, (entry = { port, addrs: new Map() }));
    if (!entry.addrs.get(k)) entry.addrs.set(k, ready);
  };
  for (const s of subsets) {
    const ports: Array<EndpointPort | undefined> = s.ports?.length ? s.ports : [undefined];
    for (const p of ports) {
      for (const a of s.addresses ?? []) add(a, p, true);
      for (const a of s.notReadyAddresses ?? []) add(a, p, false);
    }
  }
  // Group ports by their (address, ready) set.
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, addrs } of portToAddrs.values()) {
    // Addresses were inserted in the same (pod) order for every port, so insertion order is a canonical key.
    let key = '';
    for (const [k, r] of addrs) key += `${k}\u0000${r ? 1 : 0}\u0003`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { addrs, ports: [] }));
    if (port) g.ports.push(port);
  }
  const final: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [], notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k) as EndpointAddress);
    const s: EndpointSubset = {};
    if (ready.length) s.addresses = ready;
    if (notReady.length) s.notReadyAddresses = notReady;
    if (g.ports.length) s.ports = g.ports;
    final.push(s);
  }
  return sortSubsets(final);
}
