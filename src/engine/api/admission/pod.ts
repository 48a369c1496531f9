import type { KObject } from '../../types';
import type { Rng } from '../../util';
import { deepFreeze, K8S_NAME_ALPHABET } from '../../util';

/** SERVICE_ACCOUNT_MOUNT_PATH is where the ServiceAccount admission plugin mounts the token volume. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

type Obj = Record<string, any>;

// The projected token sources are the same for every pod: one frozen copy is shared by all of them.
const SERVICE_ACCOUNT_SOURCES = deepFreeze([
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
]);

/** admitServiceAccount sets serviceAccountName and mounts the kube-api-access projected volume. */
// Models plugin/pkg/admission/serviceaccount (mountServiceAccountToken; the SA-must-exist check is left out).
export function admitServiceAccount(pod: KObject, rng: Rng): void {
  const spec = (pod.spec ?? (pod.spec = {})) as Obj;
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  if (!spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers: Obj[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const alreadyMounted = containers.some((c) => (c.volumeMounts ?? []).some((m: Obj) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (alreadyMounted) return;
  const volumes: Obj[] = spec.volumes ?? (spec.volumes = []);
  const name = `kube-api-access-${rng.string(5, K8S_NAME_ALPHABET)}`;
  volumes.push({
    name,
    projected: {
      defaultMode: 420,
      sources: SERVICE_ACCOUNT_SOURCES,
    },
  });
  for (const c of containers) {
    (c.volumeMounts ?? (c.volumeMounts = [])).push({ name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH });
  }
}

// Shared frozen tolerations (every pod gets the same two).
const NOT_READY_TOLERATION = deepFreeze({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
const UNREACHABLE_TOLERATION = deepFreeze({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });

/** admitDefaultTolerationSeconds adds the not-ready/unreachable NoExecute tolerations (300 s) unless present. */
// Models plugin/pkg/admission/defaulttolerationseconds.
export function admitDefaultTolerationSeconds(pod: KObject): void {
  const spec = (pod.spec ?? (pod.spec = {})) as Obj;
  const tols: Obj[] = spec.tolerations ?? [];
  const tolerates = (key: string) => tols.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Obj[] = [];
  if (!tolerates('node.kubernetes.io/not-ready')) add.push(NOT_READY_TOLERATION);
  if (!tolerates('node.kubernetes.io/unreachable')) add.push(UNREACHABLE_TOLERATION);
  if (add.length) spec.tolerations = [...tols, ...add];
}

/** SYSTEM_PRIORITY_CLASSES are the built-in PriorityClasses kube-apiserver creates. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/**
 * admitPriority resolves spec.priority as plugin/pkg/admission/priority does; lookup finds a
 * PriorityClass object. Returns an error message for an unknown class.
 */
export function admitPriority(pod: KObject, lookup: (name: string) => KObject | undefined, globalDefault: () => KObject | undefined): string | undefined {
  const spec = (pod.spec ?? (pod.spec = {})) as Obj;
  let value = 0;
  let preemption = 'PreemptLowerPriority';
  const name: string | undefined = spec.priorityClassName;
  if (!name) {
    const def = globalDefault() as Obj | undefined;
    if (def) {
      spec.priorityClassName = def.metadata.name;
      value = def.value ?? 0;
      preemption = def.preemptionPolicy ?? preemption;
    }
  } else if (SYSTEM_PRIORITY_CLASSES[name] !== undefined && !lookup(name)) {
    value = SYSTEM_PRIORITY_CLASSES[name];
  } else {
    const pc = lookup(name) as Obj | undefined;
    if (!pc) return `no PriorityClass with name ${name} was found`;
    value = pc.value ?? 0;
    preemption = pc.preemptionPolicy ?? preemption;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== value) {
    return 'the integer value of priority (' + spec.priority + ') must not be provided in pod spec; priority admission controller computed ' + value + ' from the given PriorityClass name';
  }
  spec.priority = value;
  if (!spec.preemptionPolicy) spec.preemptionPolicy = preemption;
  return undefined;
}
