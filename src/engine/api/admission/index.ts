import type { KObject } from '../../types';
import type { Rng } from '../../util';
import { admitDefaultTolerationSeconds, admitPriority, admitServiceAccount } from './pod';
import { admitDefaultIngressClass } from './ingress';

export { SERVICE_ACCOUNT_MOUNT_PATH, SYSTEM_PRIORITY_CLASSES } from './pod';

/** AdmissionContext gives plugins read access to other objects and the RNG. */
export interface AdmissionContext {
  rng: Rng;
  /** getObject reads a stored object by group, plural, namespace and name. */
  getObject(group: string, plural: string, ns: string | undefined, name: string): KObject | undefined;
  /** listObjects lists stored objects of a resource (all namespaces). */
  listObjects(group: string, plural: string): KObject[];
}

/**
 * admitCreate runs the mutating admission plugins for a new object of (group, plural), in place,
 * in kube-apiserver's order (ServiceAccount, DefaultTolerationSeconds, Priority; DefaultIngressClass for Ingresses).
 * Returns a Forbidden message when a plugin rejects the object.
 */
export function admitCreate(group: string, plural: string, obj: KObject, ctx: AdmissionContext): string | undefined {
  if (group === 'networking.k8s.io' && plural === 'ingresses') { admitDefaultIngressClass(obj, () => ctx.listObjects('networking.k8s.io', 'ingressclasses')); return undefined; }
  if (group !== '' || plural !== 'pods') return undefined;
  admitServiceAccount(obj, ctx.rng);
  admitDefaultTolerationSeconds(obj);
  return admitPriority(
    obj,
    (name) => ctx.getObject('scheduling.k8s.io', 'priorityclasses', undefined, name),
    () => ctx.listObjects('scheduling.k8s.io', 'priorityclasses').find((pc) => (pc as { globalDefault?: boolean }).globalDefault),
  );
}
