// The cluster map: nodes holding their pods, Services and owner chains, drawn from the mirror.
export { ClusterMap, mapIdOf } from './ClusterMap';
export { layoutMap, createLayoutMemory } from './model';
export type { MapGraph, MapInput, MapOptions, LayoutMemory } from './model';
export { podView, podStatusText } from './pod-state';
export type { PodView, PodTone } from './pod-state';
