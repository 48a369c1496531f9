import type { NamespaceCondition } from 'kubernetes-types/core/v1';

/** RemainingCounts maps `resource.group` to the number of objects still in the namespace. */
export type RemainingCounts = Map<string, number>;

/**
 * deletionConditions builds the five conditions pkg/controller/namespace/deletion sets on a
 * terminating namespace (status_condition_utils.go), with its exact reasons and messages.
 */
export function deletionConditions(remaining: RemainingCounts, finalizers: Map<string, number>, now: string): NamespaceCondition[] {
  const c = (type: string, status: 'True' | 'False', reason: string, message: string): NamespaceCondition =>
    ({ type, status, reason, message, lastTransitionTime: now });
  const list = [
    c('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
    c('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    c('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
  ];
  if (remaining.size) {
    const parts = [...remaining].sort(([a], [b]) => a.localeCompare(b)).map(([r, n]) => `${r} has ${n} resource instances`);
    list.push(c('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${parts.join(', ')}`));
  } else {
    list.push(c('NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'));
  }
  if (finalizers.size) {
    const parts = [...finalizers].sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `${f} in ${n} resource instances`);
    list.push(c('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`));
  } else {
    list.push(c('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'));
  }
  return list;
}

/** sameConditions compares conditions ignoring lastTransitionTime. */
export function sameConditions(a: NamespaceCondition[] | undefined, b: NamespaceCondition[]): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((x, i) => x.type === b[i].type && x.status === b[i].status && x.reason === b[i].reason && x.message === b[i].message);
}
