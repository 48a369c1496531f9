/**
 * learnerFiles are the files a new sandbox's home directory starts with: a short README and
 * two manifests from the study notes (Kubernetes in Action 3.2, the CKA pod-definition demo).
 */
export const learnerFiles: Record<string, string> = {
  '/root/README.txt': [
    'Welcome to Kube Sandbox: a simulated Kubernetes v1.32 cluster (master, worker, worker2).',
    'Try:  kubectl get nodes',
    '      kubectl apply -f kubia-manual.yaml',
    '      kubectl get pods -o wide',
    '',
  ].join('\n'),
  '/root/kubia-manual.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: kubia-manual',
    'spec:',
    '  containers:',
    '  - image: luksa/kubia',
    '    name: kubia',
    '    ports:',
    '    - containerPort: 8080',
    '      protocol: TCP',
    '',
  ].join('\n'),
  '/root/pod-definition.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: myapp-pod',
    '  labels:',
    '    app: myapp',
    '    type: front-end',
    'spec:',
    '  containers:',
    '  - name: nginx-container',
    '    image: nginx',
    '',
  ].join('\n'),
};
