// A reduced but faithful rendering of ingress-nginx's static install manifests
// (deploy/static/provider/{cloud,baremetal}/deploy.yaml of controller-v1.12.x): same objects, names,
// labels, args, probes and images; the ValidatingWebhookConfiguration is left out because this API server
// has no admissionregistration.k8s.io group (the admission Jobs still run and create their Secret).
import type { Client } from '../../api/types';
import type { KObject } from '../../types';
import { stringifyYaml } from '../../util/yaml';
import { DEFAULT_CLASS_ANNOTATION as DEFAULT_CLASS } from './router';

/** INGRESS_NGINX_VERSION is the controller release the canned manifests install by default. */
export const INGRESS_NGINX_VERSION = '1.12.0';

const DIGESTS: Record<string, string> = {
  '1.12.0': 'sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa',
};
const CERTGEN = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.0@sha256:aaafd456bda110628b2d4ca6296f38731a3aaf0bf7581efae824a41c770a8fc4';

/** Provider is which variant of the static manifest: a cloud LoadBalancer Service or a bare-metal NodePort one. */
export type Provider = 'cloud' | 'baremetal';

type Obj = Record<string, unknown>;

const NS = 'ingress-nginx';

function labels(version: string, component?: string, withVersion = true): Record<string, string> {
  const l: Record<string, string> = {};
  if (component) l['app.kubernetes.io/component'] = component;
  l['app.kubernetes.io/instance'] = 'ingress-nginx';
  l['app.kubernetes.io/name'] = 'ingress-nginx';
  if (withVersion) { l['app.kubernetes.io/part-of'] = 'ingress-nginx'; l['app.kubernetes.io/version'] = version; }
  return l;
}

const meta = (name: string, l: Record<string, string>, namespaced = true): Obj => ({ labels: l, name, ...(namespaced ? { namespace: NS } : {}) });
const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): Obj =>
  ({ apiGroups, ...(resourceNames ? { resourceNames } : {}), resources, verbs });
const selector = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
const podNsEnv = { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };

function rbac(v: string): Obj[] {
  const ctl = labels(v, 'controller');
  const adm = labels(v, 'admission-webhook');
  const cluster = labels(v);
  const core = [''];
  const net = ['networking.k8s.io'];
  const binding = (kind: string, name: string, l: Record<string, string>, roleKind: string, namespaced: boolean): Obj => ({
    apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: meta(name, l, namespaced),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name },
    subjects: [{ kind: 'ServiceAccount', name, namespace: NS }],
  });
  return [
    { apiVersion: 'v1', automountServiceAccountToken: true, kind: 'ServiceAccount', metadata: meta('ingress-nginx', ctl) },
    { apiVersion: 'v1', automountServiceAccountToken: true, kind: 'ServiceAccount', metadata: meta('ingress-nginx-admission', adm) },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('ingress-nginx', ctl), rules: [
      rule(core, ['namespaces'], ['get']),
      rule(core, ['configmaps', 'pods', 'secrets', 'endpoints'], ['get', 'list', 'watch']),
      rule(core, ['services'], ['get', 'list', 'watch']),
      rule(net, ['ingresses'], ['get', 'list', 'watch']),
      rule(net, ['ingresses/status'], ['update']),
      rule(net, ['ingressclasses'], ['get', 'list', 'watch']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['ingress-nginx-leader']),
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(core, ['events'], ['create', 'patch']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch', 'get']),
    ] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('ingress-nginx-admission', adm), rules: [rule(core, ['secrets'], ['get', 'create'])] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('ingress-nginx', cluster, false), rules: [
      rule(core, ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], ['list', 'watch']),
      rule(['coordination.k8s.io'], ['leases'], ['list', 'watch']),
      rule(core, ['nodes'], ['get']),
      rule(core, ['services'], ['get', 'list', 'watch']),
      rule(net, ['ingresses'], ['get', 'list', 'watch']),
      rule(core, ['events'], ['create', 'patch']),
      rule(net, ['ingresses/status'], ['update']),
      rule(net, ['ingressclasses'], ['get', 'list', 'watch']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch', 'get']),
    ] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('ingress-nginx-admission', adm, false), rules: [
      rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['get', 'update']),
    ] },
    binding('RoleBinding', 'ingress-nginx', ctl, 'Role', true),
    binding('RoleBinding', 'ingress-nginx-admission', adm, 'Role', true),
    binding('ClusterRoleBinding', 'ingress-nginx', cluster, 'ClusterRole', false),
    binding('ClusterRoleBinding', 'ingress-nginx-admission', adm, 'ClusterRole', false),
  ];
}

function services(v: string, provider: Provider): Obj[] {
  const ctl = labels(v, 'controller');
  const ports = [
    { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
    { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
  ];
  const spec: Obj = provider === 'cloud'
    ? { externalTrafficPolicy: 'Local', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports, selector, type: 'LoadBalancer' }
    : { ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports, selector, type: 'NodePort' };
  return [
    { apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller', ctl), spec },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller-admission', ctl), spec: {
      ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }], selector, type: 'ClusterIP' } },
  ];
}

function deployment(v: string, provider: Provider): Obj {
  const digest = DIGESTS[v] ? `@${DIGESTS[v]}` : '';
  const probe = (failureThreshold: number) => ({
    failureThreshold, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1,
  });
  const args = [
    '/nginx-ingress-controller',
    ...(provider === 'cloud' ? ['--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller'] : []),
    '--election-id=ingress-nginx-leader',
    '--controller-class=k8s.io/ingress-nginx',
    '--ingress-class=nginx',
    '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
    '--validating-webhook=:8443',
    '--validating-webhook-certificate=/usr/local/certificates/cert',
    '--validating-webhook-key=/usr/local/certificates/key',
  ];
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('ingress-nginx-controller', labels(v, 'controller')),
    spec: {
      minReadySeconds: 0, revisionHistoryLimit: 10, selector: { matchLabels: selector },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: labels(v, 'controller') },
        spec: {
          containers: [{
            args,
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              podNsEnv,
              { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
            ],
            image: `registry.k8s.io/ingress-nginx/controller:v${v}${digest}`,
            imagePullPolicy: 'IfNotPresent',
            lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
            livenessProbe: probe(5),
            name: 'controller',
            ports: [
              { containerPort: 80, name: 'http', protocol: 'TCP' },
              { containerPort: 443, name: 'https', protocol: 'TCP' },
              { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
            ],
            readinessProbe: probe(3),
            resources: { requests: { cpu: '100m', memory: '90Mi' } },
            securityContext: {
              allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
              readOnlyRootFilesystem: false, runAsGroup: 82, runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' },
            },
            volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
          }],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 300,
          volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
        },
      },
    },
  };
}

function job(v: string, name: string, args: string[]): Obj {
  const l = labels(v, 'admission-webhook');
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: meta(name, l),
    spec: { template: { metadata: { labels: l, name }, spec: {
      containers: [{
        args, env: [podNsEnv], image: CERTGEN, imagePullPolicy: 'IfNotPresent', name: args[0],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsGroup: 65532, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } },
      }],
      nodeSelector: { 'kubernetes.io/os': 'linux' }, restartPolicy: 'OnFailure', serviceAccountName: 'ingress-nginx-admission',
    } } },
  };
}

/** ingressNginxObjects returns the install manifest's objects, in the manifest's order. */
export function ingressNginxObjects(provider: Provider, version = INGRESS_NGINX_VERSION): Obj[] {
  const v = version;
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }, name: NS } },
    ...rbac(v),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('ingress-nginx-controller', labels(v, 'controller')) },
    ...services(v, provider),
    deployment(v, provider),
    job(v, 'ingress-nginx-admission-create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission']),
    job(v, 'ingress-nginx-admission-patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail']),
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta('nginx', labels(v, 'controller'), false), spec: { controller: 'k8s.io/ingress-nginx' } },
  ];
}

/** ingressNginxManifest renders the install manifest as multi-document YAML. */
export function ingressNginxManifest(provider: Provider, version = INGRESS_NGINX_VERSION): string {
  return ingressNginxObjects(provider, version).map((o) => stringifyYaml(o)).join('---\n');
}

const URL_RE = /^https:\/\/raw\.githubusercontent\.com\/kubernetes\/ingress-nginx\/(?:controller-v(1\.1[2-4]\.\d+)|main|master)\/deploy\/static\/provider\/(cloud|baremetal|aws|do|kind|scw|exoscale|oracle)\/deploy\.yaml$/;
// Controller releases whose manifests exist (v1.12.0 … v1.12.8, v1.13.0 … v1.13.4, v1.14.0).
const RELEASES = new Set([...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => `1.12.${p}`), ...[0, 1, 2, 3, 4].map((p) => `1.13.${p}`), '1.14.0']);

/**
 * cannedManifest returns the text behind a well-known install URL (ingress-nginx's static deploy.yaml for
 * controller-v1.12.x … v1.14.0, any provider; kind, aws … map to the cloud variant), or undefined for any other URL.
 */
export function cannedManifest(url: string): string | undefined {
  const m = URL_RE.exec(url);
  if (!m || (m[1] && !RELEASES.has(m[1]))) return undefined;
  const provider: Provider = m[2] === 'baremetal' ? 'baremetal' : 'cloud';
  return ingressNginxManifest(provider, m[1] ?? INGRESS_NGINX_VERSION);
}

const RESOURCES: Record<string, string> = {
  Namespace: 'namespaces', ServiceAccount: 'serviceaccounts', Role: 'roles', ClusterRole: 'clusterroles', RoleBinding: 'rolebindings',
  ClusterRoleBinding: 'clusterrolebindings', ConfigMap: 'configmaps', Service: 'services', Deployment: 'deployments', Job: 'jobs', IngressClass: 'ingressclasses',
};

/**
 * installIngressNginx creates the install manifest's objects through client (an add-on installer, as
 * minikube's `addons enable ingress`: defaultClass marks IngressClass nginx as the cluster default).
 * Objects that exist already are left alone; it returns `kind/name` of each object it created.
 */
export function installIngressNginx(client: Client, opts: { provider?: Provider; defaultClass?: boolean } = {}): string[] {
  const created: string[] = [];
  for (const o of ingressNginxObjects(opts.provider ?? 'cloud')) {
    const kind = o.kind as string;
    const meta = o.metadata as { name: string; namespace?: string; annotations?: Record<string, string> };
    if (kind === 'IngressClass' && opts.defaultClass) meta.annotations = { [DEFAULT_CLASS]: 'true' };
    const resource = RESOURCES[kind];
    if (client.tryGet(resource, meta.namespace, meta.name)) continue;
    client.create(resource, meta.namespace, o as unknown as KObject);
    created.push(`${kind.toLowerCase()}/${meta.name}`);
  }
  return created;
}
