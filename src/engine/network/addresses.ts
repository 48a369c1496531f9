// Addresses of the simulated network: the LAN the nodes sit on (192.168.1.0/24, router .1), the pod
// network (10.244.0.0/16, one /24 per node on a cni0 bridge), the service CIDR (10.96.0.0/12).
// Models a kubeadm cluster with the bridge CNI plugin + host-local IPAM and host routes between nodes
// (no overlay, so the MTU stays at Ethernet's 1500).
import type { Node } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';
import type { NetInterface, NetSource } from './types';

/** POD_SUBNET is the cluster CIDR (kubeadm --pod-network-cidr). */
export const POD_SUBNET = '10.244.0.0/16';
/** SERVICE_CIDR is the service cluster IP range (kubeadm default). */
export const SERVICE_CIDR = '10.96.0.0/12';
/** LAN_GATEWAY is the LAN router: the nodes' default gateway and nameserver. */
export const LAN_GATEWAY = '192.168.1.1';
/** MTU is the interface MTU of eth0 and cni0 (plain bridge CNI, no encapsulation). */
export const MTU = 1500;

/** ipToInt converts a dotted quad to an unsigned 32-bit number. */
export function ipToInt(ip: string): number {
  const p = ip.split('.');
  return (((+p[0] << 24) >>> 0) + (+p[1] << 16) + (+p[2] << 8) + +p[3]) >>> 0;
}

/** intToIp converts an unsigned 32-bit number to a dotted quad. */
export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** isIPv4 tells whether s is a dotted-quad IPv4 address. */
export function isIPv4(s: string): boolean { return IPV4.test(s); }

/** inCidr tells whether ip lies in cidr (a.b.c.d/n). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const n = Math.max(0, Math.min(32, parseInt(bits ?? '32', 10)));
  if (!isIPv4(ip) || !isIPv4(base)) return false;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return ((ipToInt(ip) & mask) >>> 0) === ((ipToInt(base) & mask) >>> 0);
}

/** isLoopback tells whether ip is in 127.0.0.0/8. */
export function isLoopback(ip: string): boolean { return ip.startsWith('127.'); }

/** NodeAddr is what the network knows about one node: its LAN address and its pod bridge. */
export interface NodeAddr {
  name: string;
  /** ip is the node's InternalIP (eth0). */
  ip: string;
  /** podCIDR is spec.podCIDR (10.244.N.0/24). */
  podCIDR?: string;
  /** bridgeIP is cni0's address, the .1 of the podCIDR (source of probes and masqueraded local traffic). */
  bridgeIP?: string;
  controlPlane: boolean;
}

/** nodeAddr extracts a NodeAddr from a Node object. */
export function nodeAddr(node: Node): NodeAddr | undefined {
  const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  if (!ip) return undefined;
  const podCIDR = node.spec?.podCIDR;
  const bridgeIP = podCIDR ? intToIp(ipToInt(podCIDR.split('/')[0]) + 1) : undefined;
  const labels = node.metadata?.labels ?? {};
  return { name: node.metadata?.name ?? '', ip, podCIDR, bridgeIP, controlPlane: 'node-role.kubernetes.io/control-plane' in labels };
}

/** Nodes reads the Node objects (a handful) on demand. */
export class Nodes {
  constructor(private readonly client: Client) {}

  /** all lists every node with an InternalIP. */
  all(): NodeAddr[] {
    const out: NodeAddr[] = [];
    for (const n of this.client.list('nodes')) {
      const a = nodeAddr(n as unknown as Node);
      if (a) out.push(a);
    }
    return out;
  }

  /** byName finds a node by name. */
  byName(name: string): NodeAddr | undefined {
    const n = this.client.tryGet('nodes', undefined, name);
    return n ? nodeAddr(n as unknown as Node) : undefined;
  }

  /** byIP finds the node whose InternalIP (or cni0 address) is ip. */
  byIP(ip: string): NodeAddr | undefined { return this.all().find((n) => n.ip === ip || n.bridgeIP === ip); }

  /** forPodIP finds the node whose podCIDR contains ip. */
  forPodIP(ip: string): NodeAddr | undefined { return this.all().find((n) => n.podCIDR !== undefined && inCidr(ip, n.podCIDR)); }
}

/** macFor derives a stable locally administered MAC address from a seed (an IP, a node name). */
export function macFor(seed: string): string {
  let h = 0x811c9dc5;
  const bytes: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    bytes.push(h & 255);
  }
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * interfacesOf lists what `ip addr` shows: pods have lo + eth0 (podIP/24, the veth end of cni0);
 * nodes (and hostNetwork pods) have lo + eth0 (InternalIP/24) + cni0 (the podCIDR's .1).
 */
export function interfacesOf(src: NetSource, node: NodeAddr | undefined): NetInterface[] {
  const lo: NetInterface = { name: 'lo', ip: '127.0.0.1', prefix: 8, mac: '00:00:00:00:00:00', mtu: 65536 };
  if (src.kind === 'pod' && !src.hostNetwork) return [lo, { name: 'eth0', ip: src.ip, prefix: 24, mac: macFor(src.ip), mtu: MTU }];
  const ip = node?.ip ?? src.ip;
  const out = [lo, { name: 'eth0', ip, prefix: 24, mac: macFor(`eth0/${ip}`), mtu: MTU }];
  if (node?.bridgeIP) out.push({ name: 'cni0', ip: node.bridgeIP, prefix: 24, mac: macFor(`cni0/${node.bridgeIP}`), mtu: MTU });
  return out;
}
