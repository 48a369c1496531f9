// copyLevel copies one level of a JSON-shaped object or array (dropping undefined members), each member
// through copyChild. for-in visits a plain object's own keys in Object.keys order without allocating the key array.
function copyLevel<T>(value: T & object, copyChild: (v: unknown) => unknown): T {
  if (Array.isArray(value)) {
    const arr = new Array(value.length);
    for (let i = 0; i < value.length; i++) arr[i] = copyChild(value[i]);
    return arr as T;
  }
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const v = src[k];
    if (v !== undefined) out[k] = copyChild(v);
  }
  return out as T;
}

/** clone returns a deep, mutable copy of a JSON-shaped value (objects from the store are frozen). */
export function clone<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : copyLevel(value, clone);
}

/**
 * cloneUnfrozen returns a copy of a JSON-shaped value in which every frozen subtree is shared as is
 * (frozen values never change, so sharing them is indistinguishable from copying) and the rest is
 * copied like clone. Writing into a shared frozen subtree throws a TypeError, as anywhere in the engine.
 */
export function cloneUnfrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  return thaw(value);
}

/** thaw returns a mutable one-level copy of a JSON-shaped object or array whose members are cloneUnfrozen. */
export function thaw<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : copyLevel(value, cloneUnfrozen);
}

/** deepFreeze freezes value and everything it holds, returning it (already-frozen subtrees are skipped). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === 'object') deepFreeze(v);
      }
    } else {
      const src = value as Record<string, unknown>;
      for (const k in src) {
        const v = src[k];
        if (v !== null && typeof v === 'object') deepFreeze(v);
      }
    }
  }
  return value;
}
