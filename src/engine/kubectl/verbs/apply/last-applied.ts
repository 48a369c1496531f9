import type { KObject } from '../../../types';
import { goJson } from '../../apply-patch';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** withLastAppliedFor sets the last-applied-configuration annotation to the manifest's own JSON (as GetModifiedConfiguration). */
export function withLastAppliedFor(obj: KObject): KObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const bare: KObject = { ...obj, metadata: { ...obj.metadata, annotations } };
  if (!Object.keys(annotations).length) delete bare.metadata.annotations;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: goJson(bare) + '\n' } } };
}
