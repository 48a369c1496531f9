// Dispatch of network commands to their simulated implementations.
import type { NetSource, Network } from '../types';
import type { Flavor, NetToolResult, ToolEnv, ToolOptions } from './common';
import { curl } from './curl';
import { dig, host } from './dig';
import { getent, nslookup } from './dns-tools';
import { ipTool, nc, ping, telnet } from './net-tools';
import { wget } from './wget';

const TOOLS: Record<string, (env: ToolEnv) => NetToolResult | undefined> = {
  curl, wget, nslookup, dig, host, getent, ping, nc, telnet, ip: ipTool, ifconfig: ipTool, hostname: ipTool,
};

/** NET_TOOL_NAMES are the commands runNetTool handles (hostname only with -i/-I, ip only for addr). */
export const NET_TOOL_NAMES = Object.keys(TOOLS);

/**
 * runNetTool runs a network command (curl, wget, nslookup, getent, ping, nc, telnet, ip, ifconfig,
 * hostname -i) from src; undefined when argv[0] is not a network command it handles. opts (optional,
 * an addition to the contract) tells whether stdout is a terminal and whether this is the workstation.
 */
export function runNetTool(net: Network, src: NetSource | undefined, argv: string[], stdin: string, flavor: Flavor, opts: ToolOptions = {}): NetToolResult | undefined {
  const name = (argv[0] ?? '').split('/').pop() ?? '';
  const tool = TOOLS[name];
  if (!tool) return undefined;
  return tool({ net, src, argv: [name, ...argv.slice(1)], stdin, flavor, opts });
}
