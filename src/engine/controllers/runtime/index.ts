export { createInformer, keyOf, splitKey } from './informer';
export type { Informer, InformerHandlers } from './informer';
export { WorkQueue } from './workqueue';
export { isPodAvailable, isPodReady, podReadySince, readyCondition } from './pod-util';
export type { Reconciler, ReconcileResult, WorkQueueOptions } from './workqueue';
export { createFakeClient } from './fake-client';
export type { FakeClient } from './fake-client';
