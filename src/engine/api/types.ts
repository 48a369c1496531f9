import type { KObject, Status } from '../types';

/** HttpMethod is the verb of an API request as it would arrive over HTTP. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * ApiRequest is one REST call, shaped like HTTP so the Node host maps it 1:1:
 * path is the real one (/api/v1/namespaces/default/pods/web), body is parsed JSON
 * (or a string for raw bodies), query values are strings as in a URL.
 */
export interface ApiRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

/** WatchEventType is the type field of a watch event. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** WatchEvent is one event on a watch stream (object is a Status for ERROR). */
export interface WatchEvent { type: WatchEventType; object: KObject }

/** WatchStream delivers watch events until closed, synchronously as the store changes. */
export interface WatchStream {
  /** onEvent registers the single consumer; events queued before it are delivered first. */
  onEvent(handler: (ev: WatchEvent) => void): void;
  /** onClose is called once when the server ends the stream (timeoutSeconds, compaction). */
  onClose(handler: () => void): void;
  /** close ends the stream from the client side. */
  close(): void;
}

/** TextStream delivers text chunks (followed logs) until closed. */
export interface TextStream {
  onData(handler: (chunk: string) => void): void;
  onClose(handler: () => void): void;
  close(): void;
}

/**
 * ApiResponse is a status code plus exactly one of: a JSON body (object, List, Table, Status),
 * a text body (logs), a watch stream or a text stream.
 */
export interface ApiResponse {
  code: number;
  body?: unknown;
  text?: string;
  watch?: WatchStream;
  stream?: TextStream;
  headers?: Record<string, string>;
  /** warnings become `Warning:` headers over HTTP and `Warning: ...` lines in kubectl. */
  warnings?: string[];
  /** indent says the body is always sent indented (kube-apiserver's WriteRawJSON, as for /version). */
  indent?: boolean;
}

/** ResourceDef describes one API resource exactly as discovery advertises it. */
export interface ResourceDef {
  group: string; // '' for the core group
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories: string[];
  /** subresources served, e.g. ['status', 'log', 'binding', 'eviction', 'scale', 'exec', 'portforward']. */
  subresources: string[];
}

/** ListOptions are the query parameters a list or watch accepts. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  limit?: number;
  continue?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
}

/** DeleteOptions mirror metav1.DeleteOptions. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** WriteOptions are the query options of a create, update or patch: dryRun=All and the fieldValidation directive kubectl sends. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** onWarning receives each warning the server returned (kubectl prints them as `Warning: ...`). */
  onWarning?(warning: string): void;
}

/** PatchType is the Content-Type of a PATCH body. */
export type PatchType =
  | 'application/merge-patch+json'
  | 'application/json-patch+json'
  | 'application/strategic-merge-patch+json'
  | 'application/apply-patch+yaml';

/** ApiError is thrown by Client methods; status is the server's Status body. */
export class ApiError extends Error {
  constructor(public readonly status: Status) {
    super(status.message ?? status.reason ?? 'error');
    this.name = 'ApiError';
  }
  get code(): number { return this.status.code; }
  get reason(): string { return this.status.reason ?? ''; }
}

/** TableColumn is a meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumn { name: string; type: string; format: string; description: string; priority: number }

/** TableRow is a meta.k8s.io/v1 TableRow; object is the full object or its PartialObjectMetadata. */
export interface TableRow { cells: unknown[]; object?: KObject; conditions?: unknown[] }

/** Table is a meta.k8s.io/v1 Table as the server returns it for Accept: ...;as=Table. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

/** TABLE_ACCEPT is the Accept header kubectl sends to get server-side Tables. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/**
 * Client is the typed in-process client every controller, kubelet and kubectl verb uses.
 * Each method goes through ApiServer.handle, so validation, defaulting and errors are the server's.
 * Methods throw ApiError on a non-2xx answer. `resource` is a plural name ('pods', 'deployments')
 * or 'plural.group' when ambiguous; `ns` is ignored for cluster-scoped resources.
 */
export interface Client {
  request(req: ApiRequest): ApiResponse;
  get<T extends KObject = KObject>(resource: string, ns: string | undefined, name: string): T;
  /** tryGet returns undefined instead of throwing NotFound. */
  tryGet<T extends KObject = KObject>(resource: string, ns: string | undefined, name: string): T | undefined;
  list<T extends KObject = KObject>(resource: string, ns?: string, opts?: ListOptions): T[];
  create<T extends KObject = KObject>(resource: string, ns: string | undefined, obj: KObject, opts?: WriteOptions): T;
  update<T extends KObject = KObject>(resource: string, ns: string | undefined, obj: KObject, opts?: WriteOptions & { subresource?: string }): T;
  updateStatus<T extends KObject = KObject>(resource: string, ns: string | undefined, obj: KObject): T;
  patch<T extends KObject = KObject>(resource: string, ns: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions & { subresource?: string }): T;
  delete(resource: string, ns: string | undefined, name: string, opts?: DeleteOptions): KObject | Status;
  watch(resource: string, ns?: string, opts?: ListOptions): WatchStream;
  /** subresource POSTs (binding, eviction). */
  post<T = unknown>(resource: string, ns: string | undefined, name: string, subresource: string, body: unknown): T;
}

/** PodLogOptions are the query parameters of the pods/log subresource. */
export interface PodLogOptions {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
}

/**
 * PodLogProvider is how the API server reaches the kubelet for pods/log (the kubelet registers it).
 * It returns the text so far, plus a stream when follow is set and the container still runs,
 * or a Status when the container/pod cannot give logs (the kubelet's own error text).
 */
export type PodLogProvider = (ns: string, pod: string, opts: PodLogOptions) =>
  { text: string; stream?: TextStream } | { error: Status };
