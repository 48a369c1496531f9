// Models truncateEndpoints in pkg/controller/endpoint/endpoints_controller.go.
import type { EndpointSubset } from 'kubernetes-types/core/v1';

/** MAX_CAPACITY is the most addresses one Endpoints object carries (maxCapacity). */
export const MAX_CAPACITY = 1000;
/** OVER_CAPACITY is v1.EndpointsOverCapacity, set to "truncated" when addresses were dropped. */
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';

/**
 * truncateSubsets keeps at most MAX_CAPACITY addresses, proportionally per subset (not-ready ones go first;
 * when even the ready ones overflow, all not-ready are dropped). Returns the subsets and whether it cut.
 */
export function truncateSubsets(subsets: EndpointSubset[], max = MAX_CAPACITY): [EndpointSubset[], boolean] {
  let ready = 0, notReady = 0;
  for (const s of subsets) { ready += s.addresses?.length ?? 0; notReady += s.notReadyAddresses?.length ?? 0; }
  if (ready + notReady <= max) return [subsets, false];
  const truncateReady = ready > max;
  const limit = truncateReady ? max : max - ready;
  const total = truncateReady ? ready : notReady;
  let canBeAdded = limit;
  const out = subsets.map((s) => {
    const n = (truncateReady ? s.addresses : s.notReadyAddresses)?.length ?? 0;
    const take = Math.min(canBeAdded, Math.ceil((n / total) * limit));
    const next: EndpointSubset = { ...s };
    if (truncateReady) {
      next.addresses = (s.addresses ?? []).slice(0, take);
      delete next.notReadyAddresses;
      canBeAdded -= next.addresses.length;
    } else {
      next.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, take);
      if (!next.notReadyAddresses.length) delete next.notReadyAddresses;
      canBeAdded -= next.notReadyAddresses?.length ?? 0;
    }
    return next;
  });
  return [out, true];
}
