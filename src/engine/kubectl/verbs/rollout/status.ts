// Models k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (status messages per workload kind).
import type { KObject } from '../../../types';

type Any = Record<string, any>;

/** RolloutState is one evaluation of a workload's rollout. */
export interface RolloutState { message: string; done: boolean; error?: string }

/** rolloutStatus evaluates obj as kubectl's StatusViewer for its kind. */
export function rolloutStatus(obj: KObject): RolloutState {
  const o = obj as Any;
  const name = obj.metadata.name;
  const gen = obj.metadata.generation ?? 0;
  const st: Any = o.status ?? {};
  const spec: Any = o.spec ?? {};
  switch (obj.kind) {
    case 'Deployment': {
      if (gen > (st.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
      const cond = (st.conditions ?? []).find((c: Any) => c.type === 'Progressing');
      if (cond?.reason === 'ProgressDeadlineExceeded') return { message: '', done: true, error: `deployment "${name}" exceeded its progress deadline` };
      const want = spec.replicas ?? 1;
      const updated = st.updatedReplicas ?? 0;
      if (updated < want) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
      if ((st.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
      if ((st.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
      return { message: `deployment "${name}" successfully rolled out\n`, done: true };
    }
    case 'DaemonSet': {
      if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
      if (gen > (st.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
      const desired = st.desiredNumberScheduled ?? 0;
      if ((st.updatedNumberScheduled ?? 0) < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
      if ((st.numberAvailable ?? 0) < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
      return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
    }
    case 'StatefulSet': {
      if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
      if (!st.observedGeneration || gen > st.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
      const want = spec.replicas ?? 1;
      if ((st.readyReplicas ?? 0) < want) return { message: `Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
      const partition = spec.updateStrategy?.rollingUpdate?.partition;
      if (partition !== undefined && partition > 0) {
        if ((st.updatedReplicas ?? 0) < want - partition) return { message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated...\n`, done: false };
        return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
      }
      if (st.updateRevision !== st.currentRevision) return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
      return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
    }
    default:
      return { message: '', done: true, error: `no status viewer has been implemented for ${obj.kind}` };
  }
}
