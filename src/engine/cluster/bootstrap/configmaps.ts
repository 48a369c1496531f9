import type { KObject } from '../../types';
import type { Rng } from '../../util';
import { K8S_VERSION, NETWORK } from '../options';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64 encodes an ASCII string (certificate-authority-data holds the base64 of the PEM). */
export function base64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < text.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < text.length ? B64[n & 63] : '=');
  }
  return out;
}

/** fakeCaCert returns a PEM block shaped like kubeadm's self-signed CA (random body, deterministic per seed). */
export function fakeCaCert(rng: Rng): string {
  const lines = ['MIIDBTCCAe2gAwIBAgIIB', ...Array.from({ length: 16 }, () => rng.string(64, B64))];
  lines[0] += rng.string(64 - lines[0].length, B64);
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n${rng.string(40, B64)}=\n-----END CERTIFICATE-----\n`;
}

/** ROOT_CA_DESCRIPTION is the annotation root-ca-cert-publisher puts on kube-root-ca.crt. */
export const ROOT_CA_DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** buildRootCA returns the kube-root-ca.crt ConfigMap published into every namespace. */
export function buildRootCA(namespace: string, ca: string): KObject {
  return {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': ca },
  };
}

/** COREFILE is kubeadm v1.32's CoreDNS configuration. */
export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${NETWORK.clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${NETWORK.clusterDomain}
       disable denial ${NETWORK.clusterDomain}
    }
    loop
    reload
    loadbalance
}
`;

function clusterInfoKubeconfig(server: string, caData: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${caData}
    server: ${server}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`;
}

/** buildSystemConfigMaps returns kubeadm's ConfigMaps: coredns, kube-proxy, kubeadm-config, kubelet-config, cluster-info. */
export function buildSystemConfigMaps(apiServerIP: string, ca: string): KObject[] {
  const server = `https://${apiServerIP}:${NETWORK.apiServerPort}`;
  const caData = base64(ca);
  const cm = (namespace: string, name: string, data: Record<string, string>, labels?: Record<string, string>, annotations?: Record<string, string>): KObject =>
    ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) }, data });
  return [
    cm('kube-system', 'coredns', { Corefile: COREFILE }),
    cm('kube-system', 'kube-proxy', {
      'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${NETWORK.podSubnet}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ""
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`,
      'kubeconfig.conf': `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`,
    }, { app: 'kube-proxy' }),
    cm('kube-system', 'kubeadm-config', {
      ClusterConfiguration: `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${K8S_VERSION}
networking:
  dnsDomain: ${NETWORK.clusterDomain}
  podSubnet: ${NETWORK.podSubnet}
  serviceSubnet: ${NETWORK.serviceCIDR}
proxy: {}
scheduler: {}
`,
    }),
    cm('kube-system', 'kubelet-config', {
      kubelet: `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${NETWORK.dnsServiceIP}
clusterDomain: ${NETWORK.clusterDomain}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`,
    }),
    cm('kube-public', 'cluster-info', { kubeconfig: clusterInfoKubeconfig(server, caData) }),
  ];
}
