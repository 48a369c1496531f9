import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KObject } from '../../types';
import { clone } from '../../util';

/** controllerOf is metav1.GetControllerOf: the ownerReference with `controller: true`, if any. */
export function controllerOf(obj: { metadata?: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}

/** isPodActive is controller.IsPodActive: not Succeeded, not Failed and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}


/** newControllerRef is metav1.NewControllerRef: a controlling, deletion-blocking ownerReference. */
export function newControllerRef(owner: KObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

// Models apimachinery's name validation of a generateName prefix (getPodsPrefix).
const DNS_SUBDOMAIN_PREFIX = /^[a-z0-9]([-a-z0-9.]*)?$/;

/**
 * podFromTemplate is controller.GetPodFromTemplate: the template's labels, annotations and finalizers,
 * generateName `<owner>-`, the controller reference, and a copy of the template spec (the template's
 * own metadata.name is ignored, as upstream does).
 */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: KObject, ref: OwnerReference): KObject {
  const name = owner.metadata.name ?? '';
  const prefix = DNS_SUBDOMAIN_PREFIX.test(`${name}-`) && name.length < 253 ? `${name}-` : name;
  const meta: Record<string, unknown> = { generateName: prefix, namespace: owner.metadata.namespace };
  const tm = template?.metadata ?? {};
  if (tm.labels && Object.keys(tm.labels).length) meta.labels = { ...tm.labels };
  if (tm.annotations && Object.keys(tm.annotations).length) meta.annotations = { ...tm.annotations };
  if (tm.finalizers?.length) meta.finalizers = [...tm.finalizers];
  meta.ownerReferences = [{ ...ref }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: clone(template?.spec ?? {}) } as KObject;
}

/** maxContainerRestarts returns the highest restart count of the pod's regular and sidecar containers. */
export function maxContainerRestarts(pod: Pod): { regular: number; sidecar: number } {
  let regular = 0;
  let sidecar = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  if (!pod.status?.initContainerStatuses?.length) return { regular, sidecar };
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}
