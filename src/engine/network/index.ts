export type {
  ResolvConf, NetSource, Peer, Hop, TrafficTrace, DnsAnswer, SrvRecord, Resolver, HttpCall, NetError, HttpResult,
  NetInterface, LocalHandler, Network, IngressRoute, IngressRouter,
} from './types';
export { createNetwork } from './network';
export type { NetworkDeps } from './network';
export { createIngressRouter } from './ingress';
export { runNetTool } from './tools';
