import type { ImageSpec } from './types';
import { serverImage } from './servers';

/** K8S_TAGS are the component tags that exist: v1.29.0 … v1.32.9 (plus their patch releases up to .15 for 1.29–1.31). */
const K8S_TAGS = [29, 30, 31, 32].flatMap((minor) => Array.from({ length: minor === 32 ? 10 : 16 }, (_, patch) => `v1.${minor}.${patch}`));

const klog = (ms: number, file: string, msg: string) => {
  const d = new Date(ms).toISOString();
  return `I${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}000       1 ${file}] ${msg}`;
};

/** SYSTEM_IMAGES are the control-plane and add-on images the kubeadm-style system pods run. */
export const SYSTEM_IMAGES: ImageSpec[] = [
  serverImage({ repository: 'registry.k8s.io/kube-apiserver', tags: K8S_TAGS, noLatest: true, sizeBytes: 28_672_000, ports: [6443], defaultCommand: ['kube-apiserver'], binaries: ['kube-apiserver'], description: 'Kubernetes API server', stopMs: 1000,
    startLines: (c) => [klog(c.now(), 'options.go:228', 'external host was not specified, using 192.168.1.2'), klog(c.now(), 'server.go:161', 'Version: v1.32.4'), klog(c.now(), 'secure_serving.go:213', 'Serving securely on [::]:6443')] }),
  serverImage({ repository: 'registry.k8s.io/kube-controller-manager', tags: K8S_TAGS, noLatest: true, sizeBytes: 26_259_000, ports: [10257], defaultCommand: ['kube-controller-manager'], binaries: ['kube-controller-manager'], description: 'Kubernetes controller manager', stopMs: 500,
    startLines: (c) => [klog(c.now(), 'serving.go:386', 'Generated self-signed cert in-memory'), klog(c.now(), 'controllermanager.go:196', '"Starting" version="v1.32.4"'), klog(c.now(), 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...')] }),
  serverImage({ repository: 'registry.k8s.io/kube-scheduler', tags: K8S_TAGS, noLatest: true, sizeBytes: 20_658_000, ports: [10259], defaultCommand: ['kube-scheduler'], binaries: ['kube-scheduler'], description: 'Kubernetes scheduler', stopMs: 500,
    startLines: (c) => [klog(c.now(), 'serving.go:386', 'Generated self-signed cert in-memory'), klog(c.now(), 'server.go:167', '"Starting Kubernetes Scheduler" version="v1.32.4"'), klog(c.now(), 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-scheduler...')] }),
  serverImage({ repository: 'registry.k8s.io/kube-proxy', tags: K8S_TAGS, noLatest: true, sizeBytes: 30_907_000, ports: [10249, 10256], defaultCommand: ['/usr/local/bin/kube-proxy'], binaries: ['kube-proxy', 'iptables', 'sh'], description: 'Kubernetes network proxy', stopMs: 300,
    startLines: (c) => [klog(c.now(), 'server_linux.go:66', '"Using iptables proxy"'), klog(c.now(), 'server.go:698', `"Successfully retrieved node IP(s)" IPs=["${c.podIP}"]`), klog(c.now(), 'config.go:199', '"Starting service config controller"')] }),
  serverImage({ repository: 'registry.k8s.io/etcd', tags: ['3.5.15-0', '3.5.16-0', '3.5.21-0'], noLatest: true, sizeBytes: 57_680_541, ports: [2379, 2380, 2381], defaultCommand: ['etcd'], binaries: ['etcd', 'etcdctl'], description: 'etcd key-value store', stopMs: 300,
    startLines: (c) => [`{"level":"info","ts":"${new Date(c.now()).toISOString()}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["etcd"]}`, `{"level":"info","ts":"${new Date(c.now()).toISOString()}","caller":"embed/serve.go:250","msg":"serving client traffic securely","traffic":"grpc+http","address":"127.0.0.1:2379"}`] }),
  serverImage({ repository: 'registry.k8s.io/coredns/coredns', tags: ['v1.11.1', 'v1.11.3', 'v1.12.0'], noLatest: true, sizeBytes: 18_562_039, ports: [53, 8080, 8181, 9153], defaultCommand: ['/coredns'], binaries: ['coredns'], description: 'CoreDNS cluster DNS', stopMs: 5000,
    startLines: () => ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'],
    http: (_c, path) => ({ status: 200, body: path === '/ready' || path === '/health' ? 'OK' : '' }) }),
  serverImage({ repository: 'docker.io/kindest/kindnetd', tags: ['v20241108-5c6d2daf', 'v20250214-acbabc1a'], noLatest: true, sizeBytes: 39_008_320, ports: [], defaultCommand: ['/bin/kindnetd'], binaries: ['kindnetd'], description: 'kind CNI daemon', stopMs: 100,
    startLines: (c) => [klog(c.now(), 'main.go:109', '"Starting kindnetd"')] }),
  serverImage({ repository: 'docker.io/flannel/flannel', tags: ['v0.26.4', 'v0.26.5', 'v0.26.7'], noLatest: true, sizeBytes: 32_001_023, ports: [], defaultCommand: ['/opt/bin/flanneld'], binaries: ['flanneld', 'sh'], description: 'flannel CNI daemon', stopMs: 100,
    startLines: (c) => [klog(c.now(), 'main.go:211', 'CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network ...}')] }),
  serverImage({ repository: 'registry.k8s.io/metrics-server/metrics-server', tags: ['v0.7.2'], sizeBytes: 19_494_617, ports: [10250], defaultCommand: ['/metrics-server'], binaries: ['metrics-server'], description: 'Kubernetes metrics server', stopMs: 100 }),
];
