import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types';
import { applyDefaults } from '../defaults';
import { decodeError, formatFieldError, validateCreate, validateUpdate } from './index';

const msgs = (errs: { field: string; message: string }[]): string[] => errs.map((e) => formatFieldError(e as never));
function defaulted(resource: string, o: Record<string, unknown>): KObject {
  const obj = JSON.parse(JSON.stringify(o)) as KObject;
  applyDefaults(resource, obj);
  return obj;
}
const podOf = (spec: Record<string, unknown>, name = 'web') => defaulted('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
const deploy = (over: { selector?: unknown; labels?: unknown; replicas?: number; strategy?: unknown; restartPolicy?: string } = {}) => defaulted('deployments', {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: over.replicas, selector: 'selector' in over ? over.selector : { matchLabels: { app: 'web' } }, strategy: over.strategy,
    template: { metadata: { labels: 'labels' in over ? over.labels : { app: 'web' } }, spec: { restartPolicy: over.restartPolicy, containers: [{ name: 'nginx', image: 'nginx' }] } } },
});

describe('object meta', () => {
  it('reports invalid names with the RFC 1123 text', () => {
    expect(msgs(validateCreate('pods', podOf({ containers: [{ name: 'c', image: 'nginx' }] }, 'Web')))).toEqual([
      'metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    ]);
  });
  it('uses DNS-1035 for services and RFC 1123 labels for namespaces', () => {
    const svc = defaulted('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    expect(msgs(validateCreate('services', svc))).toEqual([
      'metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
    ]);
    const ns = defaulted('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } });
    expect(msgs(validateCreate('namespaces', ns))[0]).toBe('metadata.name: Invalid value: "a.b": must not contain dots');
  });
  it('requires a name and validates labels', () => {
    const p = podOf({ containers: [{ name: 'c', image: 'nginx' }] }, '');
    p.metadata.labels = { 'bad key!': 'x', ok: 'v'.repeat(64) };
    expect(msgs(validateCreate('pods', p))).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
      `metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    ]);
  });
});

describe('pods', () => {
  it('requires an image and reports bad container names and ports', () => {
    const p = podOf({ containers: [{ name: 'Web_1', image: '', ports: [{ containerPort: 70000 }, { containerPort: 80, protocol: 'HTTP' }] }] });
    expect(msgs(validateCreate('pods', p))).toEqual([
      'spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
      'spec.containers[0].image: Required value',
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it('reports missing containers, duplicates, restartPolicy and unknown volume mounts', () => {
    expect(msgs(validateCreate('pods', podOf({ containers: [] })))).toEqual(['spec.containers: Required value']);
    const p = podOf({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] }, { name: 'a', image: 'y' }] });
    expect(msgs(validateCreate('pods', p))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
      'spec.containers[1].name: Duplicate value: "a"',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
  it('checks requests against limits', () => {
    const p = podOf({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '500m' } } }] });
    expect(msgs(validateCreate('pods', p))).toEqual(['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 500m']);
  });
  it('forbids changing anything but images on update', () => {
    const old = podOf({ containers: [{ name: 'a', image: 'nginx:1', ports: [{ containerPort: 80 }] }] });
    (old.metadata as { resourceVersion?: string }).resourceVersion = '5';
    const img = JSON.parse(JSON.stringify(old));
    img.spec.containers[0].image = 'nginx:2';
    expect(validateUpdate('pods', img, old)).toEqual([]);
    const port = JSON.parse(JSON.stringify(old));
    port.spec.containers[0].ports[0].containerPort = 8080;
    const out = msgs(validateUpdate('pods', port, old));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/);
    expect(out[0]).toContain('- \tContainers[0].Ports[0].ContainerPort: 80,');
    expect(out[0]).toContain('+ \tContainers[0].Ports[0].ContainerPort: 8080,');
  });
});

describe('workloads', () => {
  it('reports a selector that does not match the template labels', () => {
    expect(msgs(validateCreate('deployments', deploy({ labels: { app: 'x' } })))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });
  it('requires a selector, non-negative replicas and restartPolicy Always', () => {
    expect(msgs(validateCreate('deployments', deploy({ selector: undefined, replicas: -1, restartPolicy: 'Never' })))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.selector: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
    expect(msgs(validateCreate('deployments', deploy({ selector: {} })))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });
  it('rejects maxUnavailable and maxSurge both 0', () => {
    expect(msgs(validateCreate('deployments', deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } })))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
  });
  it('makes the apps/v1 selector immutable', () => {
    const old = deploy();
    const next = deploy({ selector: { matchLabels: { app: 'web2' } }, labels: { app: 'web2' } });
    expect(msgs(validateUpdate('deployments', next, old))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
  it('requires OnFailure/Never for jobs and keeps the template immutable', () => {
    const job = defaulted('jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', uid: 'u1' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } } });
    expect(msgs(validateCreate('jobs', job))).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
    (job.spec as any).template.spec.restartPolicy = 'Never';
    expect(validateCreate('jobs', job)).toEqual([]);
    const next = JSON.parse(JSON.stringify(job));
    next.spec.template.spec.containers[0].image = 'perl:2';
    expect(msgs(validateUpdate('jobs', next, job))).toEqual(['spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{...}, Spec:core.PodSpec{...}}: field is immutable']);
    // Same content with keys in another order (a PUT from a fresh manifest) is not a change.
    const reordered = JSON.parse(JSON.stringify(job));
    reordered.spec.template = { spec: job.spec && (job.spec as any).template.spec, metadata: (job.spec as any).template.metadata };
    expect(validateUpdate('jobs', reordered, job)).toEqual([]);
  });
  it('parses cron schedules with robfig/cron errors', () => {
    const cj = (schedule: string) => defaulted('cronjobs', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' },
      spec: { schedule, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } } });
    expect(validateCreate('cronjobs', cj('*/5 * * * *'))).toEqual([]);
    expect(validateCreate('cronjobs', cj('@hourly'))).toEqual([]);
    expect(msgs(validateCreate('cronjobs', cj('x')))).toEqual(['spec.schedule: Invalid value: "x": expected exactly 5 fields, found 1: [x]']);
    expect(msgs(validateCreate('cronjobs', cj('61 * * * *')))).toEqual(['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']);
  });
});

describe('services, configmaps and decoding', () => {
  it('requires ports and checks the nodePort range and types', () => {
    const svc = defaulted('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] } });
    expect(msgs(validateCreate('services', svc))).toEqual(['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767']);
    const none = defaulted('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'Magic' } });
    expect(msgs(validateCreate('services', none))).toEqual(['spec.ports: Required value', 'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
  });
  it('keeps the clusterIP once set', () => {
    const old = defaulted('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ports: [{ port: 80 }] } });
    const next = JSON.parse(JSON.stringify(old));
    next.spec.clusterIP = '10.96.0.6'; next.spec.clusterIPs = ['10.96.0.6'];
    expect(msgs(validateUpdate('services', next, old))).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.6"}: may not change once set']);
  });
  it('validates configmap keys', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { 'a b': '1', ok: '2' } } as unknown as KObject;
    expect(msgs(validateCreate('configmaps', cm))).toEqual([
      "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
  it('reports unparsable quantities as a decode error', () => {
    expect(decodeError({ spec: { containers: [{ resources: { limits: { cpu: 'lots' } } }] } })).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(decodeError({ spec: { containers: [{ resources: { limits: { cpu: '500m', memory: '1Gi' } } }] } })).toBeUndefined();
  });
  it('reports string replicas and ports as decode errors', () => {
    expect(decodeError({ kind: 'Deployment', spec: { replicas: '3' } })).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decodeError({ kind: 'Pod', spec: { containers: [{ ports: [{ containerPort: '80' }] }] } }))
      .toBe('json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
  });
  it('requires an ingress pathType', () => {
    const ing = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' },
      spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } } as unknown as KObject;
    expect(msgs(validateCreate('ingresses', ing))).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
  });
});
