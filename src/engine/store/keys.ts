/**
 * ETCD_PREFIX_OVERRIDES maps 'group/plural' (core group: '/plural') to the etcd key segment
 * kube-apiserver stores it under where that differs from the plural (pkg/registry/* storage Prefix).
 */
export const ETCD_PREFIX_OVERRIDES: Readonly<Record<string, string>> = {
  '/nodes': 'minions',
  '/services': 'services/specs',
  '/endpoints': 'services/endpoints',
  '/replicationcontrollers': 'controllers',
  'networking.k8s.io/ingresses': 'ingress',
  'events.k8s.io/events': 'events',
};

/** StoreResourceRef is the part of a ResourceDef the key mapping needs. */
export interface StoreResourceRef { group: string; plural: string; namespaced: boolean }

/** resourcePrefix returns the key prefix of every object of a resource, e.g. '/registry/pods/'. */
export function resourcePrefix(def: StoreResourceRef): string {
  // Every request computes this: remember it per def object (re-checked in case a def is a reused mutable literal).
  const hit = prefixes.get(def);
  if (hit && hit.group === def.group && hit.plural === def.plural) return hit.prefix;
  const seg = ETCD_PREFIX_OVERRIDES[`${def.group}/${def.plural}`] ?? def.plural;
  const prefix = `/registry/${seg}/`;
  prefixes.set(def, { group: def.group, plural: def.plural, prefix });
  return prefix;
}

const prefixes = new WeakMap<StoreResourceRef, { group: string; plural: string; prefix: string }>();

/** namespacePrefix returns the key prefix of a resource's objects in one namespace ('/registry/pods/default/'). */
export function namespacePrefix(def: StoreResourceRef, ns: string): string {
  return def.namespaced ? `${resourcePrefix(def)}${ns}/` : resourcePrefix(def);
}

/** objectKey maps (resource, namespace, name) to the etcd key kube-apiserver would use. */
export function objectKey(def: StoreResourceRef, ns: string | undefined, name: string): string {
  return def.namespaced ? `${resourcePrefix(def)}${ns ?? ''}/${name}` : `${resourcePrefix(def)}${name}`;
}
