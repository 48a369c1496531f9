import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type { ObjectMeta };

/** KObject is any Kubernetes object as stored and served: apiVersion, kind, metadata and the rest. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** StatusCause is one field-level reason inside a metav1.Status (type, message, field). */
export interface StatusCause { reason?: string; message?: string; field?: string }

/** Status is metav1.Status, the body of every API error. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}
