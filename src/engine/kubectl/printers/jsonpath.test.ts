import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types';
import { PrinterError, printJsonPath, toList } from './index';

const podPath = fileURLToPath(new URL('../describe/testdata/pod-web.json', import.meta.url));
const pod = JSON.parse(readFileSync(podPath, 'utf8')) as KObject;

function kubectlAvailable(): boolean {
  try { execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' }); return true; } catch { return false; }
}

const TEMPLATES = [
  '{.metadata.name}',
  '{.status.conditions[?(@.type=="Ready")].status}',
  '{.spec.containers[*].name}',
  '{range .status.conditions[*]}{.type}{"\\t"}{.status}{"\\n"}{end}',
  '{.status.conditions[-1:].type}',
  '{.status.conditions[0:2].type}',
  '{.status.conditions[::2].type}',
  '{.spec.containers[0].ports}',
  '{.metadata.labels}',
  '{.spec.priority}',
  '{.status.conditions[?(@.lastProbeTime)].type}',
  '{.spec.tolerations[?(@.tolerationSeconds>100)].key}',
  '{.metadata.ownerReferences[0].controller}',
  '{.nope.x}',
  '{.spec.volumes[0].projected.sources[*].configMap.name}',
  '{.status.conditions[1,2].type}',
  "{.metadata['name','uid']}",
  '{.spec.containers[0].resources.requests.cpu}',
  'name={.metadata.name} ip={.status.podIP}',
  '{$.kind}',
  '{.status.conditions[0].lastProbeTime}',
  '{.spec.containers[5]}',
  '{.metadata.name[0]}',
  '{.foo',
  '{end}',
  '{.metadata.labels[?(@.app=="web")]}',
  '{.status.containerStatuses[?(@.restartCount==0)].name}',
  "{range .spec.containers[*]}{.name}{': '}{.image}{'\\n'}{end}done",
];

describe('printJsonPath', () => {
  it('prints fields, lists (space-separated), maps as JSON, ranges', () => {
    expect(printJsonPath('{.metadata.name}', pod)).toBe('web-7d4b9c8f6d-x2x9q');
    expect(printJsonPath('{.metadata.labels}', pod)).toBe('{"app":"web","pod-template-hash":"7d4b9c8f6d"}');
    expect(printJsonPath('{range .status.conditions[*]}{.type}={.status}{"\\n"}{end}', pod)).toBe(
      'PodReadyToStartContainers=True\nInitialized=True\nReady=True\nContainersReady=True\nPodScheduled=True\n');
    const list = toList([pod, { ...pod, metadata: { ...pod.metadata, name: 'other' } }]);
    expect(printJsonPath('{.items[*].metadata.name}', list)).toBe('web-7d4b9c8f6d-x2x9q other');
    expect(printJsonPath('{.items[-1:].metadata.name}', list)).toBe('other');
    expect(printJsonPath('{.spec.nope}', pod)).toBe('');
    // Go visits map values in random order for '..'; the sandbox uses the object's key order.
    expect(printJsonPath('{..image}', pod)).toBe('nginx:1.27 docker.io/library/nginx:1.27');
  });

  it('supports -o jsonpath-as-json', () => {
    expect(printJsonPath('{.metadata.name}{.spec.containers[*].ports}x{.nope}', pod, { asJson: true })).toBe(
      '[\n    "web-7d4b9c8f6d-x2x9q"\n]\n[\n    [\n        {\n            "containerPort": 80,\n            "protocol": "TCP"\n        }\n    ]\n]\n' +
      '[\n    "x"\n]\n[]\n');
  });

  it('reports parse and execution errors with kubectl wording', () => {
    expect(() => printJsonPath('{.foo', pod)).toThrow(new PrinterError('error parsing jsonpath {.foo, unclosed action\n'));
    try {
      printJsonPath('{.kind[0]}', { kind: 'ConfigMap', data: { a: '1' }, metadata: { creationTimestamp: null } });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('error executing jsonpath "{.kind[0]}": Error executing template: string is not array or slice. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.kind[0]}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"data":map[string]interface {}{"a":"1"}, "kind":"ConfigMap", ' +
        '"metadata":map[string]interface {}{"creationTimestamp":interface {}(nil)}}\n\n\n');
    }
  });

  describe.skipIf(!kubectlAvailable())('matches real kubectl (label --local -o jsonpath)', () => {
    for (const t of TEMPLATES) {
      it(t, () => {
        let want: string;
        try {
          want = execFileSync('kubectl', ['label', '--local', '-f', podPath, 'x=y', '-o', `jsonpath=${t}`], { encoding: 'utf8', stdio: 'pipe' });
        } catch (e) {
          want = 'ERR ' + String((e as { stderr: string }).stderr).replace(/^error: /, '').replace(/map\[string\]interface \{\}\{.*\}\}\n/s, 'OBJ\n');
        }
        const labelled = { ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, x: 'y' } } };
        let got: string;
        try {
          got = printJsonPath(t, labelled);
        } catch (e) {
          got = 'ERR ' + (e as Error).message.replace(/map\[string\]interface \{\}\{.*\}\}\n/s, 'OBJ\n');
        }
        expect(got).toBe(want);
      });
    }
  });
});
