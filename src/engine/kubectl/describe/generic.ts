// Models describe.go's genericDescriber (printUnstructuredContent + smartLabelFor, kubectl 1.32).
import type { KObject } from '../../types';
import { goV } from '../printers';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline, type DescribeContext } from './common';
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer';

const isLower = (r: string) => r !== r.toUpperCase() && r === r.toLowerCase();
const isUpper = (r: string) => r !== r.toLowerCase() && r === r.toUpperCase();

/** camelcaseSplit is github.com/fatih/camelcase.Split. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const cls = isLower(r) ? 1 : isUpper(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4;
    if (cls === last) runs[runs.length - 1].push(r);
    else runs.push([r]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (isUpper(runs[i][0]) && isLower(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i][runs[i].length - 1]);
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor turns a JSON field name into describe's label (`apiVersion` → `API Version`). */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field).filter((p) => p !== '_').map((p) => {
    if (ACRONYMS.includes(p.toUpperCase())) return p.toUpperCase();
    return p.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, pre: string, l: string) => pre + l.toUpperCase());
  }).join(' ');
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const expr = `${prefix}.${field}`;
    if (skip.includes(expr)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, expr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, expr, skip);
        else w.write(level + 1, `${goV(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goV(value)}\n`);
  }
}

/** describeGeneric renders kubectl's generic describer for kinds without a dedicated one (Event, CRDs...). */
export function describeGeneric(obj: KObject, ctx: DescribeContext): string {
  const events = eventsFor(obj, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '',
      ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
    if (events) describeEvents(events, w, ctx.now);
  });
}
