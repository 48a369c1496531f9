import type { KObject } from '../../types';
import type { Rng } from '../../util';
import { rfc3339Micro } from '../../util';
import { K8S_VERSION, NETWORK } from '../options';
import { hex } from './ids';

type Probe = Record<string, unknown>;
const probe = (host: string, path: string, port: number, scheme: string, failureThreshold: number, periodSeconds = 10, initialDelaySeconds: number | undefined = 10): Probe => ({
  failureThreshold, httpGet: { host, path, port, scheme }, ...(initialDelaySeconds !== undefined ? { initialDelaySeconds } : {}), periodSeconds, timeoutSeconds: 15,
});
const hostPath = (name: string, path: string, type: string) => ({ name, hostPath: { path, type } });

interface StaticSpec { component: string; image: string; command: string[]; cpu: string; memory?: string; probes: Record<string, Probe>; mounts: Array<Record<string, unknown>>; volumes: Array<Record<string, unknown>>; annotations?: Record<string, string> }

function staticSpecs(ip: string, node: string): StaticSpec[] {
  const pki = hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate');
  const caVols = [hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'), hostPath('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
    pki, hostPath('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'), hostPath('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate')];
  const caMounts = caVols.map((v) => ({ mountPath: (v.hostPath as { path: string }).path, name: v.name, readOnly: true }));
  return [
    {
      component: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', cpu: '100m', memory: '100Mi',
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=${node}=https://${ip}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`,
        `--name=${node}`, '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'],
      probes: {
        livenessProbe: probe('127.0.0.1', '/livez', 2381, 'HTTP', 8),
        readinessProbe: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 3, 1, undefined),
        startupProbe: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 24),
      },
      mounts: [{ mountPath: '/var/lib/etcd', name: 'etcd-data' }, { mountPath: '/etc/kubernetes/pki/etcd', name: 'etcd-certs' }],
      volumes: [hostPath('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
    },
    {
      component: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${K8S_VERSION}`, cpu: '250m',
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:${NETWORK.apiServerPort}` },
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
        '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key', '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', `--secure-port=${NETWORK.apiServerPort}`,
        `--service-account-issuer=https://kubernetes.default.svc.${NETWORK.clusterDomain}`, '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
        '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', `--service-cluster-ip-range=${NETWORK.serviceCIDR}`,
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
      probes: {
        livenessProbe: probe(ip, '/livez', NETWORK.apiServerPort, 'HTTPS', 8),
        readinessProbe: probe(ip, '/readyz', NETWORK.apiServerPort, 'HTTPS', 3, 1, undefined),
        startupProbe: probe(ip, '/livez', NETWORK.apiServerPort, 'HTTPS', 24),
      },
      mounts: caMounts, volumes: caVols,
    },
    {
      component: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${K8S_VERSION}`, cpu: '200m',
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        `--cluster-cidr=${NETWORK.podSubnet}`, '--cluster-name=kubernetes', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt',
        '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', `--service-cluster-ip-range=${NETWORK.serviceCIDR}`, '--use-service-account-credentials=true'],
      probes: { livenessProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 8), startupProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 24) },
      mounts: [...caMounts, { mountPath: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', name: 'flexvolume-dir' }, { mountPath: '/etc/kubernetes/controller-manager.conf', name: 'kubeconfig', readOnly: true }],
      volumes: [...caVols, hostPath('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'), hostPath('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate')],
    },
    {
      component: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${K8S_VERSION}`, cpu: '100m',
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      probes: {
        livenessProbe: probe('127.0.0.1', '/livez', 10259, 'HTTPS', 8),
        readinessProbe: probe('127.0.0.1', '/readyz', 10259, 'HTTPS', 3, 1, undefined),
        startupProbe: probe('127.0.0.1', '/livez', 10259, 'HTTPS', 24),
      },
      mounts: [{ mountPath: '/etc/kubernetes/scheduler.conf', name: 'kubeconfig', readOnly: true }],
      volumes: [hostPath('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
    },
  ];
}

/**
 * buildStaticPods returns the control plane's mirror pods as the kubelet posts them for the
 * manifests kubeadm writes to /etc/kubernetes/manifests (owner: the Node, hostNetwork, node IP).
 */
export function buildStaticPods(node: KObject, ip: string, now: number, rng: Rng): KObject[] {
  const nodeName = node.metadata.name ?? '';
  return staticSpecs(ip, nodeName).map((s) => {
    const hash = hex(rng, 32);
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${s.component}-${nodeName}`,
        namespace: 'kube-system',
        labels: { component: s.component, tier: 'control-plane' },
        annotations: {
          ...s.annotations,
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': rfc3339Micro(now).replace(/Z$/, `${rng.int(1000)}`.padStart(3, '0') + 'Z'),
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: nodeName, uid: node.metadata.uid ?? '' }],
      },
      spec: {
        containers: [{
          name: s.component,
          image: s.image,
          imagePullPolicy: 'IfNotPresent',
          command: s.command,
          ...s.probes,
          resources: { requests: { cpu: s.cpu, ...(s.memory ? { memory: s.memory } : {}) } },
          volumeMounts: s.mounts,
        }],
        hostNetwork: true,
        nodeName,
        priority: 2000001000,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        volumes: s.volumes,
      },
    };
  });
}
