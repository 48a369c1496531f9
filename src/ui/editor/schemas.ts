// The Kubernetes schemas for the editor: the worker builds one bundle from the generated schemas
// (src/engine/openapi) and sends it once; monaco-yaml applies it to every YAML file.
import type { SandboxEvent } from '../../engine/protocol';
import type { YamlSchema } from '../adapters/monaco';
import { request } from '../store';

let loading: Promise<YamlSchema[]> | undefined;

/** loadSchemas fetches the schema bundle from the worker (once); [] when it is unavailable. */
export function loadSchemas(): Promise<YamlSchema[]> {
  loading ??= request<Extract<SandboxEvent, { type: 'schemaBundle' }>>({ type: 'getSchemas' })
    .then((ev) => [{ uri: 'https://kubernetes.io/docs/reference/kubernetes-api/', fileMatch: ['*.yaml', '*.yml', '**/*.yaml', '**/*.yml'], schema: ev.schema as YamlSchema['schema'] }])
    .catch(() => []);
  return loading;
}
