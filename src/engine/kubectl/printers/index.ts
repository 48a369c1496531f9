// Output formats kubectl renders itself from raw objects: -o yaml|json|name|jsonpath|custom-columns.
export { printYaml } from './yaml';
export { printJson, compactJson, goJsonString } from './json';
export { printName, toList } from './name';
export { printJsonPath, parseJsonPath, findJsonPathStrings, JsonPathParseError, JsonPathExecError } from './jsonpath';
export { printCustomColumns, parseCustomColumns, relaxedJsonPathExpression } from './custom-columns';
export type { CustomColumn } from './custom-columns';
export { PrinterError } from './errors';
export { formatDescribeTime, formatDescribeTimestamp, ZERO_TIME_RFC1123Z } from './time';
export { GoTabWriter, tabwrite, DESCRIBE_TABWRITER, TABLE_TABWRITER } from './tabwriter';
export type { TabWriterOptions } from './tabwriter';
export { goV, goSharpV, goQuote } from './gofmt';
export { sortYamlKeys } from './yaml-scalar';
