import type { KObject } from '../../../types';
import { goJson, goMarshal } from '../../apply-patch';

/** LAST_APPLIED is the annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * withLastAppliedFor sets the annotation as GetModifiedConfiguration does for a manifest read from a file
 * (an unstructured object): its JSON with sorted keys, an empty annotations map kept, and the namespace
 * the resource builder defaulted for namespaced kinds.
 */
export function withLastAppliedFor(obj: KObject, namespace?: string): KObject {
  const annotations = ownAnnotations(obj);
  // The builder set the namespace on the object itself, so it is in what is sent too.
  const withNs = namespace && !obj.metadata.namespace ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
  return annotated(withNs, annotations, goJson({ ...withNs, metadata: { ...withNs.metadata, annotations } }));
}

/**
 * withLastAppliedTyped is the same for an object a generator built (`create deployment`, `run`): a typed
 * object, so its JSON keeps Go struct order and an empty annotations map is omitted.
 */
export function withLastAppliedTyped(obj: KObject): KObject {
  const annotations = ownAnnotations(obj);
  const metadata = { ...obj.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations; else delete metadata.annotations;
  return annotated(obj, annotations, goMarshal({ ...obj, metadata }));
}

/** ownAnnotations is obj's annotations without the last-applied one (what GetModifiedConfiguration encodes). */
function ownAnnotations(obj: KObject): Record<string, string> {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return annotations;
}

function annotated(obj: KObject, annotations: Record<string, string>, config: string): KObject {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: config + '\n' } } };
}
