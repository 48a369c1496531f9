import type { ExecResult } from '../../images';
import type { NetSource, Network } from '../types';

/**
 * runNetTool runs a network command (curl, wget, nslookup, getent, ping, nc, ip, ifconfig, …) from src;
 * undefined when argv[0] is not a network command. (Stub until the tools land.)
 */
export function runNetTool(net: Network, src: NetSource | undefined, argv: string[], stdin: string, flavor: 'busybox' | 'gnu'): ExecResult | undefined {
  void net; void src; void argv; void stdin; void flavor;
  return undefined;
}
