// Models k8s.io/cli-runtime/pkg/printers/customcolumn.go (NewCustomColumnsPrinterFromSpec, PrintObj).
import type { KObject } from '../../types';
import { PrinterError } from './errors';
import { findJsonPathStrings, JsonPathParseError } from './jsonpath';
import { GoTabWriter, TABLE_TABWRITER } from './tabwriter';

/** CustomColumn is one HEADER:jsonpath pair after RelaxedJSONPathExpression. */
export interface CustomColumn { header: string; fieldSpec: string }

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** relaxedJsonPathExpression accepts name, .name, {name} or {.name} and returns {.name}. */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr.length === 0) return expr;
  const m = JSON_REGEXP.exec(expr);
  if (!m) throw new PrinterError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

/** parseCustomColumns parses a --output custom-columns= spec; throws PrinterError with kubectl's text. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new PrinterError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) };
  });
}

/** printCustomColumns renders objects as `kubectl get -o custom-columns=SPEC` does. */
export function printCustomColumns(spec: string, objs: KObject[], opts: { noHeaders: boolean }): string {
  const columns = parseCustomColumns(spec);
  const w = new GoTabWriter(TABLE_TABWRITER);
  if (!opts.noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  for (const obj of objs) {
    const cells = columns.map((c) => {
      let values: string[][];
      try {
        values = findJsonPathStrings(c.fieldSpec, obj);
      } catch (e) {
        if (e instanceof JsonPathParseError) throw new PrinterError(e.message);
        if (e instanceof Error) throw new PrinterError(e.message);
        throw e;
      }
      const strs: string[] = [];
      if (values.length === 0 || values[0].length === 0) strs.push('<none>');
      for (const vs of values) strs.push(...vs);
      return strs.join(',');
    });
    w.write(cells.join('\t') + '\n');
  }
  return w.result();
}
