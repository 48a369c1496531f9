// toTable: kube-apiserver's server-side Table conversion (pkg/printers/internalversion + storage.TableConvertor,
// which always generates wide cells; kubectl hides priority-1 columns unless -o wide).
import type { KObject } from '../../types';
import type { Table } from '../types';
import { CORE_PRINTERS } from './core';
import { col, NAME_COL, rfc3339Cell, type Obj } from './helpers';
import { OTHER_PRINTERS } from './other';
import { POD_COLUMNS, printPod } from './pod';
import { WORKLOAD_PRINTERS, type Printer } from './workloads';

export { podCells, POD_COLUMNS } from './pod';
export { nodeRoles, nodeStatus, serviceExternalIP, servicePorts, formatEndpoints } from './core';
export { jobStatus } from './workloads';
export { formatLabels, selectorString } from './helpers';

const PRINTERS: Record<string, Printer> = { ...CORE_PRINTERS, ...WORKLOAD_PRINTERS, ...OTHER_PRINTERS };

/** DEFAULT_PRINTER is the apiserver's default table convertor: Name and Created At (RFC 3339). */
const DEFAULT_PRINTER: Printer = {
  columns: [NAME_COL, col('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.')],
  cells: (o) => [o.metadata?.name ?? '', rfc3339Cell(o.metadata?.creationTimestamp)],
};

/** hasPrinter reports whether resource (plural) has a dedicated printer rather than the default Name/Created At table. */
export function hasPrinter(resource: string): boolean {
  const plural = resource.split('.')[0];
  return plural === 'pods' || plural in PRINTERS;
}

/**
 * toTable converts objects of `resource` (plural) to a meta.k8s.io/v1 Table with the same
 * columns, priorities and cells kube-apiserver's printers produce; now is virtual ms for AGE.
 * Rows carry no object; the caller attaches row.object as includeObject asks.
 */
export function toTable(resource: string, objs: KObject[], now: number): Table {
  const plural = resource.split('.')[0];
  if (plural === 'pods') {
    return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: POD_COLUMNS.map((c) => ({ ...c })), rows: objs.map((o) => printPod(o as Obj, now)) };
  }
  const p = PRINTERS[plural] ?? DEFAULT_PRINTER;
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {},
    columnDefinitions: p.columns.map((c) => ({ ...c })),
    rows: objs.map((o) => ({ cells: p.cells(o as Obj, now) })),
  };
}
