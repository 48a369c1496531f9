import type { KObject, ObjectDiff, FileChange, FileEntry } from '../../engine/protocol';
import { objectId, refOf } from '../../engine/protocol';

/** ObjectMirror holds every cluster object the worker reported, keyed by kind then `namespace/name`. */
export type ObjectMirror = Readonly<Record<string, Readonly<Record<string, KObject>>>>;

/** FileTree maps absolute paths to their type. */
export type FileTree = Readonly<Record<string, 'file' | 'dir'>>;

/** mirrorFrom builds a mirror from a snapshot's object list. */
export function mirrorFrom(objects: KObject[]): ObjectMirror {
  const out: Record<string, Record<string, KObject>> = {};
  for (const o of objects) (out[o.kind] ??= {})[objectId(refOf(o))] = o;
  return out;
}

/**
 * applyDiff returns a new mirror with diff applied; kinds the diff does not touch keep their
 * identity, so components selecting one kind re-render only when that kind changed.
 */
export function applyDiff(mirror: ObjectMirror, diff: ObjectDiff): ObjectMirror {
  const touched: Record<string, Record<string, KObject>> = {};
  const kindMap = (kind: string) => (touched[kind] ??= { ...(mirror[kind] ?? {}) });
  for (const o of diff.added) kindMap(o.kind)[objectId(refOf(o))] = o;
  for (const o of diff.updated) kindMap(o.kind)[objectId(refOf(o))] = o;
  for (const r of diff.removed) delete kindMap(r.kind)[objectId(r)];
  return { ...mirror, ...touched };
}

/** treeFrom builds a file tree from a snapshot's entries. */
export function treeFrom(entries: FileEntry[]): FileTree {
  const out: Record<string, 'file' | 'dir'> = {};
  for (const e of entries) out[e.path] = e.type;
  return out;
}

/** applyFileChanges returns a new tree after the VFS changes (directories removed or renamed take their contents along). */
export function applyFileChanges(tree: FileTree, changes: FileChange[]): FileTree {
  const out: Record<string, 'file' | 'dir'> = { ...tree };
  const under = (p: string) => Object.keys(out).filter((k) => k === p || k.startsWith(p + '/'));
  for (const c of changes) {
    if (c.type === 'write') out[c.path] = 'file';
    else if (c.type === 'mkdir') out[c.path] = 'dir';
    else if (c.type === 'remove') for (const k of under(c.path)) delete out[k];
    else if (c.type === 'rename' && c.to) {
      for (const k of under(c.path)) { out[c.to + k.slice(c.path.length)] = out[k]; delete out[k]; }
    }
  }
  return out;
}
