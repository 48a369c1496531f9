// Models staging/src/k8s.io/endpointslice reconciler.go (reconcileByAddressType / reconcileByPortMapping /
// finalize), simplified: endpoints are keyed by target UID or address, slices are filled in name order.
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Client } from '../../api/types';
import type { KObject, ObjectMeta } from '../../types';
import { clone, deepEqual, K8S_NAME_ALPHABET, rfc3339 } from '../../util';
import type { Rng } from '../../util';
import { LAST_CHANGE_TRIGGER_TIME } from '../endpoints';
import { MAX_ENDPOINTS_PER_SLICE } from './build';

/** Slice is an EndpointSlice as stored. */
export type Slice = EndpointSlice & KObject;

/** SliceGroup is the desired endpoints sharing one port list. */
export interface SliceGroup { ports: EndpointPort[]; endpoints: Endpoint[] }

/** SliceTarget says what the slices of one owner must look like. */
export interface SliceTarget {
  namespace: string;
  /** meta returns the metadata every slice carries (labels, ownerReferences, generateName). */
  meta: ObjectMeta;
  /** groups are the desired endpoints by port list (empty: one placeholder slice). */
  groups: SliceGroup[];
  /** existing are the owner's current slices. */
  existing: Slice[];
  /** trigger is the last-change-trigger-time to set on written slices (undefined clears it). */
  trigger?: number;
  /** placeholder keeps one empty slice when there are no endpoints (the endpointslice controller does; mirroring does not). */
  placeholder: boolean;
  maxPerSlice?: number;
}

const endpointKey = (e: Endpoint) => e.targetRef?.uid || e.addresses[0] || '';
/** portsKey identifies a port list (name, number, protocol, appProtocol of each, in order). */
export const portsKey = (p: EndpointPort[] | null | undefined) => (p ?? []).map((x) => `${x.name ?? ''}/${x.port ?? ''}/${x.protocol ?? ''}/${x.appProtocol ?? ''}`).join(',');

/**
 * reconcileSlices writes the creates, updates and deletes that make target.existing match target.groups:
 * existing slices keep their names and endpoint order (new endpoints are appended), creates reuse the
 * names of slices that would be deleted, as finalize does. Returns the number of writes.
 */
export function reconcileSlices(client: Client, rng: Rng, t: SliceTarget): number {
  const max = t.maxPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const byName = (a: Slice, b: Slice) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1);
  const existing = [...t.existing].sort(byName);
  const used = new Set<Slice>();
  const results: Array<{ from?: Slice; ports: EndpointPort[] | null; endpoints: Endpoint[] | null }> = [];
  for (const g of t.groups) {
    const want = new Map(g.endpoints.map((e) => [endpointKey(e), e]));
    const mine = existing.filter((s) => !used.has(s) && portsKey(s.ports) === portsKey(g.ports));
    const filled: Array<{ from?: Slice; endpoints: Endpoint[] }> = [];
    for (const s of mine) {
      const kept: Endpoint[] = [];
      for (const e of s.endpoints ?? []) {
        const k = endpointKey(e);
        const w = want.get(k);
        if (w) { kept.push(w); want.delete(k); }
      }
      if (kept.length) { used.add(s); filled.push({ from: s, endpoints: kept }); }
    }
    const rest = [...want.values()];
    for (const f of filled) while (f.endpoints.length < max && rest.length) f.endpoints.push(rest.shift() as Endpoint);
    while (rest.length) filled.push({ endpoints: rest.splice(0, max) });
    for (const f of filled) results.push({ from: f.from, ports: g.ports, endpoints: f.endpoints });
  }
  if (!results.length && t.placeholder) {
    const ph = existing.find((s) => !s.endpoints?.length && !s.ports?.length);
    if (ph) used.add(ph);
    results.push({ from: ph, ports: null, endpoints: null });
  }
  const leftovers = existing.filter((s) => !used.has(s));
  let writes = 0;
  for (const r of results) {
    const from = r.from ?? leftovers.shift();
    const next = (from ? clone(from) : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {}, addressType: 'IPv4' }) as Slice;
    next.metadata = { ...next.metadata, ...clone(t.meta), namespace: t.namespace };
    if (from) next.metadata.name = from.metadata.name;
    next.addressType = 'IPv4';
    (next as { endpoints: Endpoint[] | null }).endpoints = r.endpoints;
    (next as { ports: EndpointPort[] | null }).ports = r.ports;
    if (from && deepEqual(from.endpoints ?? null, r.endpoints) && deepEqual(from.ports ?? null, r.ports)
      && deepEqual(from.metadata.labels, next.metadata.labels) && deepEqual(from.metadata.ownerReferences, next.metadata.ownerReferences)) continue;
    const annotations: Record<string, string> = { ...(from?.metadata.annotations ?? {}), ...(t.meta.annotations ?? {}) };
    if (t.trigger !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = rfc3339(t.trigger);
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    if (Object.keys(annotations).length) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
    if (from) client.update('endpointslices', t.namespace, next);
    else {
      // The controller asks for generateName; the suffix is drawn here so the API server's stream stays untouched.
      for (let attempt = 0; ; attempt++) {
        next.metadata.name = `${t.meta.generateName ?? ''}${rng.string(5, K8S_NAME_ALPHABET)}`;
        try { client.create('endpointslices', t.namespace, next); break; } catch (e) { if ((e as { code?: number }).code !== 409 || attempt >= 7) throw e; }
      }
    }
    writes++;
  }
  for (const s of leftovers) {
    try { client.delete('endpointslices', t.namespace, s.metadata.name ?? ''); writes++; } catch (e) { if ((e as { code?: number }).code !== 404) throw e; }
  }
  return writes;
}
