// Models k8s.io/kubectl/pkg/cmd/top: `top node` and `top pod` read metrics.k8s.io, served by metrics-server,
// which a kubeadm cluster does not run until it is installed; kubectl checks discovery first and stops.
import { fail } from '../../errors';

/** topVerb implements `kubectl top node|pod` on a cluster without the Metrics API. */
export function topVerb(): number {
  throw fail('Metrics API not available', ['kubectl top reads the Metrics API, which metrics-server serves; this cluster does not run it.']);
}
