// Visible traffic: the trace feed, the map's request animation, revision colours and the Rollout tab's traffic section.
export { installTrafficFeed, useTraffic, setTrafficPrefs, onTraceBatch } from './feed';
export type { TrafficPrefs, TrafficState, TraceBatch } from './feed';
export { revisionColors, REVISION_PALETTE, NO_REVISION_COLOR, FAILURE_COLOR } from './colors';
export type { RevisionColors } from './colors';
export { createPeerIndex, tracePath } from './paths';
export type { PeerIndex, Point, BoxRect, TracePath } from './paths';
export { TrafficOverlay } from './TrafficOverlay';
export { TrafficControl } from './TrafficControl';
export { servicesFor, generatorFor, versionBars, podBars, trafficCommand } from './shares';
export type { ShareBar } from './shares';
