import type { FilterStatus } from './plugins/filters';

/** NO_NODES_MESSAGE is ErrNoNodesAvailable's text. */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

/** histogram renders FitError's sorted `<count> <reason>` list. */
export function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
}

/**
 * fitErrorMessage renders framework.FitError.Error(): `0/3 nodes are available: <sorted histogram>.`
 * followed by the PostFilter (DefaultPreemption) message when there is one, e.g.
 * `preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`
 */
export function fitErrorMessage(numNodes: number, statuses: FilterStatus[], postFilter?: string): string {
  const msg = `0/${numNodes} nodes are available: ${histogram(statuses.flatMap((s) => s.reasons))}.`;
  return postFilter ? `${msg} preemption: ${postFilter}` : msg;
}
