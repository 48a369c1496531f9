// STUB (owned by the validation/defaults/patch/printers helper): replace with the real implementation.
import type { KObject } from '../../types';
import type { Table } from '../types';

/**
 * toTable converts objects of `resource` (plural) to a meta.k8s.io/v1 Table with the same
 * columns, priorities and cells kube-apiserver's printers produce; now is virtual ms for AGE.
 * Rows carry no object; the caller attaches row.object as includeObject asks.
 */
export function toTable(_resource: string, objs: KObject[], _now: number): Table {
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {},
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
    rows: objs.map((o) => ({ cells: [o.metadata.name] })),
  };
}
