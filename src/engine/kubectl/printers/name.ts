import type { ResourceDef } from '../../api/types';
import type { KObject } from '../../types';

/** printName renders `-o name` output: kind lower-case plus `.group` when not core (`deployment.apps/web`). */
export function printName(obj: KObject, resource: ResourceDef): string {
  const kind = (obj.kind || resource.kind).toLowerCase();
  const group = resource.group ? `.${resource.group}` : '';
  return `${kind}${group}/${obj.metadata.name ?? ''}`;
}

/** toList wraps items as kubectl does for multi-object yaml/json output. */
export function toList(items: KObject[]): KObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
