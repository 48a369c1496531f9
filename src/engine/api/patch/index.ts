// applyPatch: the apiserver's PATCH body handling for merge, JSON and strategic merge patches.
import type { PatchType } from '../types';
import { PatchError } from './errors';
import { applyJsonPatch } from './json-patch';
import { applyMergePatch } from './merge-patch';
import { applyStrategicMergePatch } from './strategic';

export { PatchError, GENERIC_422 } from './errors';
export { applyJsonPatch } from './json-patch';
export { applyMergePatch } from './merge-patch';
export { applyStrategicMergePatch } from './strategic';
export { schemaForKind } from './merge-keys';
export type { Schema, FieldMeta } from './merge-keys';

/**
 * applyPatch returns a new object: original with patch applied as `type` prescribes.
 * kind selects the strategic-merge keys ('Pod', 'Deployment', ...). Throws PatchError on a bad patch.
 */
export function applyPatch(type: Exclude<PatchType, 'application/apply-patch+yaml'>, original: unknown, patch: unknown, kind: string): unknown {
  switch (type) {
    case 'application/merge-patch+json': return applyMergePatch(original, patch);
    case 'application/json-patch+json': return applyJsonPatch(original, patch);
    case 'application/strategic-merge-patch+json': return applyStrategicMergePatch(original, patch, kind);
    default: throw new PatchError(`unknown Content-Type header for patch: ${String(type)}`, 415, 'UnsupportedMediaType');
  }
}
