import { describe, expect, it } from 'vitest';
import { locatePath, markersFromApplyOutput, parsePath } from './markers';

const pod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: bad2',
  'spec:',
  '  containers:',
  '  - name: c',
  '    image: nginx',
  '    imagePullPolicy: Sometimes',
  '    ports:',
  '    - containerPort: 80',
  '    - containerPort: 99999',
  '',
].join('\n');

describe('locatePath', () => {
  const lines = pod.split('\n');
  it('finds keys and list items by indentation', () => {
    expect(parsePath('spec.containers[0].ports[1].containerPort')).toEqual(['spec', 'containers', 0, 'ports', 1, 'containerPort']);
    expect(locatePath(lines, 0, lines.length, parsePath('spec.containers[0].ports[1].containerPort')) + 1).toBe(12);
    expect(locatePath(lines, 0, lines.length, parsePath('spec.containers[0].imagePullPolicy')) + 1).toBe(9);
    expect(locatePath(lines, 0, lines.length, parsePath('metadata.name')) + 1).toBe(4);
  });
  it('falls back to the deepest existing ancestor for a missing field', () => {
    expect(locatePath(lines, 0, lines.length, parsePath('spec.containers[0].resources.limits')) + 1).toBe(7);
    expect(locatePath(lines, 0, lines.length, parsePath('spec.volumes')) + 1).toBe(5);
  });
  it('handles sequences indented under their key and sibling keys after them', () => {
    const l = ['spec:', '  containers:', '    - name: a', '      image: x', '    - name: b', '  restartPolicy: Never'];
    expect(locatePath(l, 0, l.length, parsePath('spec.containers[1].name')) + 1).toBe(5);
    expect(locatePath(l, 0, l.length, parsePath('spec.restartPolicy')) + 1).toBe(6);
  });
});

describe('markersFromApplyOutput', () => {
  it('marks every field error of a multi-error Status on its line', () => {
    const out = 'The Pod "bad2" is invalid: \n* spec.containers[0].ports[1].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n* spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"\n';
    expect(markersFromApplyOutput(out, pod).map((m) => [m.line, m.severity, m.message.slice(0, 34)])).toEqual([
      [12, 'error', 'spec.containers[0].ports[1].contai'],
      [9, 'error', 'spec.containers[0].imagePullPolicy'],
    ]);
  });
  it('marks a missing required field on its parent item', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad1\nspec:\n  containers:\n  - name: c\n';
    expect(markersFromApplyOutput('The Pod "bad1" is invalid: spec.containers[0].image: Required value\n', text)).toEqual([
      { line: 7, column: 3, endColumn: 12, message: 'spec.containers[0].image: Required value', severity: 'error' },
    ]);
  });
  it('picks the right document of a multi-document file, and places decoding errors and YAML syntax errors', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s1\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "x"\n';
    const out = 'service/s1 created\nError from server (BadRequest): error when creating "f.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n';
    expect(markersFromApplyOutput(out, text).map((m) => m.line)).toEqual([11]);
    expect(markersFromApplyOutput('error: error parsing f.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key\n', pod)[0]).toMatchObject({ line: 5, message: 'yaml: did not find expected key' });
    expect(markersFromApplyOutput('Warning: unknown field "spec.containers[0].foo"\npod/x created\n', pod)[0]).toMatchObject({ line: 7, severity: 'warning' });
    expect(markersFromApplyOutput('pod/x created\n', pod)).toEqual([]);
  });
});

import { plainSnippet, SNIPPETS } from './snippets';
import { markersFromApplyOutput as mk } from './markers';

describe('snippets', () => {
  it('fill in to valid-looking manifests for every kind', () => {
    const dep = plainSnippet(SNIPPETS.find((s) => s.kind === 'Deployment')!.body);
    expect(dep).toContain('  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n');
    expect(dep).not.toMatch(/\$/);
    expect(SNIPPETS.map((s) => s.kind)).toEqual(['Pod', 'Deployment', 'Service', 'ConfigMap', 'ReplicaSet', 'Job']);
    expect(mk('', dep)).toEqual([]);
  });
});
