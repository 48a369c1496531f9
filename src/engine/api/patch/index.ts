// STUB (owned by the validation/defaults/patch/printers helper): replace with the real implementation.
import type { PatchType } from '../types';

/**
 * applyPatch returns a new object: original with patch applied as `type` prescribes.
 * kind selects the strategic-merge keys ('Pod', 'Deployment', ...). Throws PatchError on a bad patch.
 */
export function applyPatch(_type: Exclude<PatchType, 'application/apply-patch+yaml'>, original: unknown, _patch: unknown, _kind: string): unknown {
  return original;
}

/** PatchError carries the API server's message for an unusable patch (becomes a 400/422 Status). */
export class PatchError extends Error {
  constructor(message: string, public readonly code = 400) { super(message); this.name = 'PatchError'; }
}
