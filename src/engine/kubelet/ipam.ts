// Models the host-local IPAM plugin of a bridge CNI: round-robin allocation from the node's podCIDR, gateway .1 reserved.

/** Ipam hands out pod IPs from one node's podCIDR. */
export interface Ipam {
  /** allocate returns the next free address after the last one handed out, or undefined when the range is full. */
  allocate(owner: string): string | undefined;
  /** release frees owner's address. */
  release(owner: string): void;
  /** gateway is the bridge address (.1), the source of kubelet probes. */
  readonly gateway: string;
  /** range is the allocatable range as the bridge plugin prints it (10.244.1.1-10.244.1.254). */
  readonly range: string;
}

const toInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + (parseInt(o, 10) & 255), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** createIpam parses cidr (e.g. 10.244.1.0/24) and returns its allocator. */
export function createIpam(cidr: string): Ipam {
  const [base, bitsStr] = cidr.split('/');
  const bits = Math.min(30, Math.max(8, parseInt(bitsStr ?? '24', 10) || 24));
  const size = 2 ** (32 - bits);
  const net = toInt(base) - (toInt(base) % size);
  const first = net + 2, last = net + size - 2;
  const used = new Map<number, string>();
  const byOwner = new Map<string, number>();
  let cursor = first - 1;
  return {
    gateway: toIp(net + 1),
    range: `${toIp(net + 1)}-${toIp(net + size - 2)}`,
    allocate(owner) {
      const have = byOwner.get(owner);
      if (have !== undefined) return toIp(have);
      const span = last - first + 1;
      for (let i = 1; i <= span; i++) {
        const cand = first + ((cursor - first + i) % span + span) % span;
        if (!used.has(cand)) {
          used.set(cand, owner);
          byOwner.set(owner, cand);
          cursor = cand;
          return toIp(cand);
        }
      }
      return undefined;
    },
    release(owner) {
      const n = byOwner.get(owner);
      if (n === undefined) return;
      byOwner.delete(owner);
      used.delete(n);
    },
  };
}
