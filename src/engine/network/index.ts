export type {
  ResolvConf, NetSource, Peer, Hop, TrafficTrace, DnsAnswer, SrvRecord, Resolver, HttpCall, NetError, HttpResult,
  NetInterface, LocalHandler, Network, IngressRoute, IngressRouter,
} from './types';
export { createNetwork } from './network';
export { resolvConfFor, renderResolvConf, CLUSTER_DNS_IP, CLUSTER_DOMAIN, NODE_RESOLV } from './resolv';
export { CONNECT_TIMEOUT_MS, ARP_FAIL_MS } from './http';
export { POD_SUBNET, SERVICE_CIDR, LAN_GATEWAY, isIPv4, inCidr } from './addresses';
export { INTERNET } from './internet';
export type { NetworkDeps } from './network';
export { createIngressRouter } from './ingress';
export { runNetTool, createNetCommand, WORKSTATION_NET_COMMANDS } from './tools';
