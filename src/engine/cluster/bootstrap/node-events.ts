import type { KObject } from '../../types';
import type { EventRecorder } from '../../events';

/** nodeRef is the reference the kubelet uses for its own Node (UID = node name, no apiVersion). */
export function nodeRef(name: string): KObject {
  return { apiVersion: '', kind: 'Node', metadata: { name, uid: name } };
}

/**
 * recordKubeletStart records what a starting kubelet reports about its node
 * (pkg/kubelet: Starting, the three pressure conditions, NodeAllocatableEnforced).
 */
export function recordKubeletStart(rec: EventRecorder, name: string): void {
  const ref = nodeRef(name);
  rec.event(ref, 'Normal', 'Starting', 'Starting kubelet.');
  for (const c of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
    rec.event(ref, 'Normal', c, `Node ${name} status is now: ${c}`);
  }
  rec.event(ref, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
}

/** recordNodeReady records the kubelet's NodeReady transition. */
export function recordNodeReady(rec: EventRecorder, name: string): void {
  rec.event(nodeRef(name), 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
}

/** recordRegisteredNode records node-lifecycle-controller's RegisteredNode event for node. */
export function recordRegisteredNode(rec: EventRecorder, node: KObject): void {
  const name = node.metadata.name ?? '';
  rec.event(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
}

/** recordKubeProxyStart records kube-proxy's Starting event (an events.k8s.io event with an empty note). */
export function recordKubeProxyStart(rec: EventRecorder, name: string): void {
  rec.event(nodeRef(name), 'Normal', 'Starting', '', { action: 'StartKubeProxy' });
}
