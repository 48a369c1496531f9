// kubectl's JSONPath (k8s.io/client-go/util/jsonpath) as the -o jsonpath printer uses it.
import { goQuote, goSharpV } from '../gofmt';
import { printJson } from '../json';
import { PrinterError } from '../errors';
import { JsonPathEvaluator, JsonPathExecError, jsonPathRaw, jsonPathText, jsonPathValueString } from './evaluate';
import { JsonPathParseError, parseJsonPath } from './parser';

export { parseJsonPath, JsonPathParseError } from './parser';
export { JsonPathEvaluator, JsonPathExecError, jsonPathText, jsonPathValueString } from './evaluate';
export type { JsonPathNode, JsonPathList } from './nodes';

/**
 * printJsonPath executes a template as `kubectl -o jsonpath=...` does (allowMissingKeys=true).
 * Throws PrinterError whose message is what kubectl prints after "error: " (parse and execution errors).
 */
export function printJsonPath(template: string, data: unknown, opts: { allowMissingKeys?: boolean; asJson?: boolean } = {}): string {
  let root;
  try {
    root = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new PrinterError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
  try {
    const ev = new JsonPathEvaluator(root, opts.allowMissingKeys ?? true);
    const results = ev.findResults(data);
    // -o jsonpath-as-json (EnableJSONOutput): each result list becomes one indented JSON array.
    if (opts.asJson) return results.map((rs) => printJson(rs.map(jsonPathRaw))).join('');
    return results.map(jsonPathText).join('');
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const buf = `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    throw new PrinterError(`error executing jsonpath ${goQuote(template)}: ${buf}\n`);
  }
}

/** findJsonPathStrings evaluates a template and returns each result as fmt %v text (custom-columns cells). */
export function findJsonPathStrings(template: string, data: unknown): string[][] {
  const ev = new JsonPathEvaluator(parseJsonPath(template), true);
  return ev.findResults(data).map((rs) => rs.map(jsonPathValueString));
}
