import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types';
import { PrinterError, printCustomColumns, printName, tabwrite, DESCRIBE_TABWRITER } from './index';
import type { ResourceDef } from '../../api/types';

const pod = (name: string, phase: string | undefined, labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels },
  spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] },
  status: phase ? { phase } : {},
});

describe('printCustomColumns', () => {
  it('aligns like kubectl (padding 3, min width 6), <none> for missing, lists joined by commas, maps as %v', () => {
    const out = printCustomColumns('NAME:.metadata.name,STATUS:.status.phase,IMAGES:.spec.containers[*].image,L:{.metadata.labels}',
      [pod('web', 'Running', { app: 'web', tier: 'fe' }), pod('db-long-name', undefined)], { noHeaders: false });
    expect(out).toBe(
      'NAME           STATUS    IMAGES          L\n' +
      'web            Running   nginx,busybox   map[app:web tier:fe]\n' +
      'db-long-name   <none>    nginx,busybox   <none>\n');
  });

  it('omits headers with noHeaders and reports spec errors', () => {
    expect(printCustomColumns('N:metadata.name', [pod('x', 'Running')], { noHeaders: true })).toBe('x\n');
    expect(() => printCustomColumns('', [], { noHeaders: false })).toThrow(new PrinterError('custom-columns format specified but no custom columns given'));
    expect(() => printCustomColumns('NAME', [], { noHeaders: false })).toThrow(
      new PrinterError('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'));
  });
});

describe('printName', () => {
  const def = (group: string, kind: string): ResourceDef => ({ group, version: 'v1', kind, listKind: kind + 'List', plural: '', singular: '',
    shortNames: [], namespaced: true, verbs: [], categories: [], subresources: [] });
  it('uses lower-case kind and the group when not core', () => {
    expect(printName(pod('web', 'Running'), def('', 'Pod'))).toBe('pod/web');
    expect(printName({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, def('apps', 'Deployment'))).toBe('deployment.apps/web');
  });
});

describe('tabwrite (Go text/tabwriter)', () => {
  it('aligns per column block; a line without tabs breaks blocks', () => {
    expect(tabwrite('Name:\tweb\nNamespace:\tdefault\nContainers:\n  a:\n    Image:\tx\n    Port:\t<none>\n', DESCRIBE_TABWRITER)).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  a:\n    Image:  x\n    Port:   <none>\n');
  });
});
