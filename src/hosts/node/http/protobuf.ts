/**
 * Decodes the protobuf request bodies kubectl 1.32+ sends from its typed clientset (`create
 * deployment|namespace|configmap|secret|service|job|cronjob|ingress`, `auth can-i`) into the JSON objects
 * the engine takes. Field numbers are upstream's generated.proto (k8s.io/api, apimachinery), as
 * data below. gogo-protobuf writes non-pointer zero values explicitly; like JSON's omitempty they
 * are dropped, except for fields marked `?` (pointers in Go, written only when set).
 */
import { decodeEnvelope, readFields } from './protobuf-wire';
import type { WireField } from './protobuf-wire';

/** FieldType is how one field decodes: s string, i integer, b bool, rs repeated string, map:s|bytes|quantity, time, intstr, bytes, a message name, r:<message> or inline:<message>. */
type FieldType = string;

/** MESSAGES maps message name → field number → [json name, type]; a trailing `?` on the type keeps zero values. */
export const MESSAGES: Record<string, Record<number, [string, FieldType]>> = {
  ObjectMeta: { 1: ['name', 's'], 2: ['generateName', 's'], 3: ['namespace', 's'], 4: ['selfLink', 's'], 5: ['uid', 's'], 6: ['resourceVersion', 's'],
    7: ['generation', 'i'], 8: ['creationTimestamp', 'time'], 9: ['deletionTimestamp', 'time'], 10: ['deletionGracePeriodSeconds', 'i?'],
    11: ['labels', 'map:s'], 12: ['annotations', 'map:s'], 14: ['finalizers', 'rs'] },
  LabelSelector: { 1: ['matchLabels', 'map:s'], 2: ['matchExpressions', 'r:LabelSelectorRequirement'] },
  LabelSelectorRequirement: { 1: ['key', 's'], 2: ['operator', 's'], 3: ['values', 'rs'] },
  Deployment: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'DeploymentSpec'], 3: ['status', 'Empty'] },
  DeploymentSpec: { 1: ['replicas', 'i?'], 2: ['selector', 'LabelSelector'], 3: ['template', 'PodTemplateSpec'], 4: ['strategy', 'DeploymentStrategy'],
    5: ['minReadySeconds', 'i'], 6: ['revisionHistoryLimit', 'i?'], 7: ['paused', 'b'], 9: ['progressDeadlineSeconds', 'i?'] },
  DeploymentStrategy: { 1: ['type', 's'], 2: ['rollingUpdate', 'RollingUpdateDeployment'] },
  RollingUpdateDeployment: { 1: ['maxUnavailable', 'intstr'], 2: ['maxSurge', 'intstr'] },
  PodTemplateSpec: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'PodSpec'] },
  PodSpec: { 2: ['containers', 'r:Container'], 3: ['restartPolicy', 's'], 4: ['terminationGracePeriodSeconds', 'i?'], 5: ['activeDeadlineSeconds', 'i?'],
    6: ['dnsPolicy', 's'], 7: ['nodeSelector', 'map:s'], 8: ['serviceAccountName', 's'], 9: ['serviceAccount', 's'], 10: ['nodeName', 's'],
    11: ['hostNetwork', 'b'], 12: ['hostPID', 'b'], 13: ['hostIPC', 'b'], 16: ['hostname', 's'], 17: ['subdomain', 's'], 19: ['schedulerName', 's'],
    20: ['initContainers', 'r:Container'], 24: ['priorityClassName', 's'] },
  Container: { 1: ['name', 's'], 2: ['image', 's'], 3: ['command', 'rs'], 4: ['args', 'rs'], 5: ['workingDir', 's'], 6: ['ports', 'r:ContainerPort'],
    7: ['env', 'r:EnvVar'], 8: ['resources', 'ResourceRequirements'], 13: ['terminationMessagePath', 's'], 14: ['imagePullPolicy', 's'],
    16: ['stdin', 'b'], 17: ['stdinOnce', 'b'], 18: ['tty', 'b'], 20: ['terminationMessagePolicy', 's'] },
  ContainerPort: { 1: ['name', 's'], 2: ['hostPort', 'i'], 3: ['containerPort', 'i'], 4: ['protocol', 's'], 5: ['hostIP', 's'] },
  EnvVar: { 1: ['name', 's'], 2: ['value', 's'] },
  ResourceRequirements: { 1: ['limits', 'map:quantity'], 2: ['requests', 'map:quantity'] },
  Namespace: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'NamespaceSpec'], 3: ['status', 'Empty'] },
  NamespaceSpec: { 1: ['finalizers', 'rs'] },
  ConfigMap: { 1: ['metadata', 'ObjectMeta'], 2: ['data', 'map:s'], 3: ['binaryData', 'map:bytes'], 4: ['immutable', 'b?'] },
  Secret: { 1: ['metadata', 'ObjectMeta'], 2: ['data', 'map:bytes'], 3: ['type', 's'], 4: ['stringData', 'map:s'], 5: ['immutable', 'b?'] },
  Service: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'ServiceSpec'], 3: ['status', 'Empty'] },
  ServiceSpec: { 1: ['ports', 'r:ServicePort'], 2: ['selector', 'map:s'], 3: ['clusterIP', 's'], 4: ['type', 's'], 5: ['externalIPs', 'rs'],
    7: ['sessionAffinity', 's'], 8: ['loadBalancerIP', 's'], 10: ['externalName', 's'], 11: ['externalTrafficPolicy', 's'],
    17: ['ipFamilyPolicy', 's?'], 18: ['clusterIPs', 'rs'], 19: ['ipFamilies', 'rs'], 22: ['internalTrafficPolicy', 's?'] },
  ServicePort: { 1: ['name', 's'], 2: ['protocol', 's'], 3: ['port', 'i'], 4: ['targetPort', 'intstr'], 5: ['nodePort', 'i'], 6: ['appProtocol', 's?'] },
  Job: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'JobSpec'], 3: ['status', 'Empty'] },
  JobSpec: { 1: ['parallelism', 'i?'], 2: ['completions', 'i?'], 3: ['activeDeadlineSeconds', 'i?'], 4: ['selector', 'LabelSelector'], 5: ['manualSelector', 'b?'],
    6: ['template', 'PodTemplateSpec'], 7: ['backoffLimit', 'i?'], 8: ['ttlSecondsAfterFinished', 'i?'], 9: ['completionMode', 's?'], 10: ['suspend', 'b?'] },
  CronJob: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'CronJobSpec'], 3: ['status', 'Empty'] },
  CronJobSpec: { 1: ['schedule', 's'], 2: ['startingDeadlineSeconds', 'i?'], 3: ['concurrencyPolicy', 's'], 4: ['suspend', 'b?'], 5: ['jobTemplate', 'JobTemplateSpec'],
    6: ['successfulJobsHistoryLimit', 'i?'], 7: ['failedJobsHistoryLimit', 'i?'], 8: ['timeZone', 's?'] },
  JobTemplateSpec: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'JobSpec'] },
  SelfSubjectAccessReview: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'SelfSubjectAccessReviewSpec'], 3: ['status', 'Empty'] },
  SelfSubjectAccessReviewSpec: { 1: ['resourceAttributes', 'ResourceAttributes'], 2: ['nonResourceAttributes', 'NonResourceAttributes'] },
  ResourceAttributes: { 1: ['namespace', 's'], 2: ['verb', 's'], 3: ['group', 's'], 4: ['version', 's'], 5: ['resource', 's'], 6: ['subresource', 's'], 7: ['name', 's'] },
  NonResourceAttributes: { 1: ['path', 's'], 2: ['verb', 's'] },
  Ingress: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'IngressSpec'], 3: ['status', 'Empty'] },
  IngressSpec: { 1: ['defaultBackend', 'IngressBackend'], 2: ['tls', 'r:IngressTLS'], 3: ['rules', 'r:IngressRule'], 4: ['ingressClassName', 's?'] },
  IngressBackend: { 3: ['resource', 'TypedLocalObjectReference'], 4: ['service', 'IngressServiceBackend'] },
  IngressServiceBackend: { 1: ['name', 's'], 2: ['port', 'ServiceBackendPort'] },
  ServiceBackendPort: { 1: ['name', 's'], 2: ['number', 'i'] },
  TypedLocalObjectReference: { 1: ['apiGroup', 's?'], 2: ['kind', 's'], 3: ['name', 's'] },
  IngressTLS: { 1: ['hosts', 'rs'], 2: ['secretName', 's'] },
  IngressRule: { 1: ['host', 's'], 2: ['ingressRuleValue', 'inline:IngressRuleValue'] },
  IngressRuleValue: { 1: ['http', 'HTTPIngressRuleValue'] },
  HTTPIngressRuleValue: { 1: ['paths', 'r:HTTPIngressPath'] },
  HTTPIngressPath: { 1: ['path', 's'], 2: ['backend', 'IngressBackend'], 3: ['pathType', 's?'] },
  Empty: {},
};

/** KINDS are the top-level kinds this host decodes (by TypeMeta kind). */
export const KINDS = ['Deployment', 'Namespace', 'ConfigMap', 'Secret', 'Service', 'Job', 'CronJob', 'Ingress', 'SelfSubjectAccessReview'];

function int(f: WireField): number {
  // int32/int64 as varints: negative values are 10-byte two's complement.
  return Number(BigInt.asIntN(64, f.varint ?? 0n));
}

function mapEntry(f: WireField): [string, WireField | undefined] {
  let key = '';
  let value: WireField | undefined;
  for (const e of readFields(f.bytes!)) {
    if (e.no === 1) key = e.bytes!.toString('utf8');
    else if (e.no === 2) value = e;
  }
  return [key, value];
}

function decodeMessage(name: string, buf: Buffer): Record<string, unknown> {
  const table = MESSAGES[name];
  if (!table) throw new Error(`no field table for ${name}`);
  const out: Record<string, unknown> = {};
  for (const f of readFields(buf)) {
    const spec = table[f.no];
    if (!spec) continue; // A field this sandbox does not model: ignored, like an unknown JSON field with Ignore.
    const [key, rawType] = spec;
    const keep = rawType.endsWith('?');
    const type = keep ? rawType.slice(0, -1) : rawType;
    const put = (v: unknown, zero: boolean) => { if (keep || !zero) out[key] = v; };
    switch (type) {
      case 's': { const v = f.bytes!.toString('utf8'); put(v, v === ''); break; }
      case 'i': { const v = int(f); put(v, v === 0); break; }
      case 'b': { const v = (f.varint ?? 0n) !== 0n; put(v, !v); break; }
      case 'bytes': put(f.bytes!.toString('base64'), f.bytes!.length === 0); break;
      case 'rs': ((out[key] ??= []) as string[]).push(f.bytes!.toString('utf8')); break;
      case 'time': {
        let secs = 0;
        for (const t of readFields(f.bytes!)) if (t.no === 1) secs = int(t);
        if (f.bytes!.length) out[key] = new Date(secs * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        break;
      }
      case 'intstr': {
        let kind = 0, iv = 0, sv = '';
        for (const t of readFields(f.bytes!)) { if (t.no === 1) kind = int(t); else if (t.no === 2) iv = int(t); else if (t.no === 3) sv = t.bytes!.toString('utf8'); }
        out[key] = kind === 1 ? sv : iv;
        break;
      }
      case 'map:s': case 'map:bytes': case 'map:quantity': {
        const [k, v] = mapEntry(f);
        let value = '';
        if (v?.bytes) {
          if (type === 'map:bytes') value = v.bytes.toString('base64');
          else if (type === 'map:quantity') { for (const q of readFields(v.bytes)) if (q.no === 1) value = q.bytes!.toString('utf8'); }
          else value = v.bytes.toString('utf8');
        }
        ((out[key] ??= {}) as Record<string, string>)[k] = value;
        break;
      }
      default:
        if (type.startsWith('r:')) ((out[key] ??= []) as unknown[]).push(decodeMessage(type.slice(2), f.bytes!));
        // An embedded struct inlined in JSON (IngressRule's IngressRuleValue: `http` sits beside `host`).
        else if (type.startsWith('inline:')) Object.assign(out, decodeMessage(type.slice(7), f.bytes!));
        else out[key] = decodeMessage(type, f.bytes!);
    }
  }
  return out;
}

/** decodeProtobufObject turns a `k8s\0` protobuf body into the JSON object it encodes (apiVersion/kind from its TypeMeta). */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  const env = decodeEnvelope(body);
  if (env.contentEncoding) throw new Error(`unsupported content encoding ${env.contentEncoding}`);
  if (!KINDS.includes(env.kind)) throw new Error(`no protobuf decoder for kind ${JSON.stringify(env.kind)}`);
  const obj = decodeMessage(env.kind, env.raw);
  if (obj.status && Object.keys(obj.status as object).length === 0) delete obj.status;
  return { apiVersion: env.apiVersion, kind: env.kind, ...obj };
}
