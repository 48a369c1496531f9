import type { KObject } from '../../types';

/** DEFAULT_INGRESS_CLASS_ANNOTATION marks the IngressClass that class-less Ingresses get. */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/**
 * admitDefaultIngressClass sets spec.ingressClassName of a new Ingress that names no class (neither the field
 * nor the deprecated kubernetes.io/ingress.class annotation) to the default IngressClass, the newest one when
 * several are marked. Models plugin/pkg/admission/network/defaultingressclass.
 */
export function admitDefaultIngressClass(obj: KObject, classes: () => KObject[]): void {
  const ing = obj as KObject & { spec?: { ingressClassName?: string } };
  if (ing.spec?.ingressClassName || ing.metadata.annotations?.['kubernetes.io/ingress.class']) return;
  const defaults = classes().filter((c) => c.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true')
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  if (!defaults.length) return;
  ing.spec = { ...(ing.spec ?? {}), ingressClassName: defaults[0].metadata.name };
}
