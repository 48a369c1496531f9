// Manifest snippets for the kinds learners write most, in Monaco's snippet syntax (${1:name} tab stops,
// repeated numbers edit together); plainSnippet gives the same text with the defaults filled in.

/** Snippet is one manifest template. */
export interface Snippet { kind: string; label: string; body: string }

const lines = (...l: string[]) => l.join('\n') + '\n';

/** SNIPPETS are the templates offered by the editor's Insert menu, New file and completion. */
export const SNIPPETS: readonly Snippet[] = [
  {
    kind: 'Pod', label: 'Pod (v1)',
    body: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: ${1:web}', '  labels:', '    app: ${1:web}', 'spec:', '  containers:',
      '  - name: ${2:nginx}', '    image: ${3:nginx}', '    ports:', '    - containerPort: ${4:80}'),
  },
  {
    kind: 'Deployment', label: 'Deployment (apps/v1)',
    body: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: ${1:web}', '  labels:', '    app: ${1:web}', 'spec:', '  replicas: ${2:3}',
      '  selector:', '    matchLabels:', '      app: ${1:web}', '  template:', '    metadata:', '      labels:', '        app: ${1:web}', '    spec:',
      '      containers:', '      - name: ${3:nginx}', '        image: ${4:nginx}', '        ports:', '        - containerPort: ${5:80}'),
  },
  {
    kind: 'Service', label: 'Service (v1)',
    body: lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: ${1:web}', 'spec:', '  type: ${2:ClusterIP}', '  selector:', '    app: ${3:web}',
      '  ports:', '  - port: ${4:80}', '    targetPort: ${5:80}', '    protocol: TCP'),
  },
  {
    kind: 'ConfigMap', label: 'ConfigMap (v1)',
    body: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ${1:app-config}', 'data:', '  ${2:LOG_LEVEL}: "${3:info}"'),
  },
  {
    kind: 'ReplicaSet', label: 'ReplicaSet (apps/v1)',
    body: lines('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata:', '  name: ${1:web}', 'spec:', '  replicas: ${2:3}', '  selector:', '    matchLabels:',
      '      app: ${1:web}', '  template:', '    metadata:', '      labels:', '        app: ${1:web}', '    spec:', '      containers:',
      '      - name: ${3:nginx}', '        image: ${4:nginx}'),
  },
  {
    kind: 'Job', label: 'Job (batch/v1)',
    body: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: ${1:pi}', 'spec:', '  backoffLimit: ${2:4}', '  template:', '    spec:',
      '      restartPolicy: Never', '      containers:', '      - name: ${3:pi}', '        image: ${4:busybox}',
      '        command: ["sh", "-c", "${5:echo hello from the job}"]'),
  },
];

/** plainSnippet fills a snippet's tab stops with their defaults (for a new file). */
export function plainSnippet(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '');
}
