// The traffic generator behind `sandbox traffic` and the workspace's traffic control.
export { createTrafficGenerator, parseTarget, imageTag } from './generator';
export { TrafficError, MAX_RPS, WINDOW_MS } from './types';
export type {
  TrafficGenerator, TrafficStartOptions, TrafficSourceSpec, TrafficStats, TrafficBucket, TrafficPodRow, TrafficVersionRow,
} from './types';
