// Models k8s.io/client-go/util/jsonpath/node.go: the parse tree of a JSONPath template.

/** ParamsEntry is one slice bound of an array node ([start:end:step]). */
export interface ParamsEntry { value: number; known: boolean; derived: boolean }

/** JsonPathNode is one node of a parsed template. */
export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: JsonPathList; right: JsonPathList; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JsonPathList[] };

/** JsonPathList is a list node (the root and each {...} action). */
export type JsonPathList = Extract<JsonPathNode, { type: 'list' }>;

/** newList returns an empty list node. */
export function newList(): JsonPathList { return { type: 'list', nodes: [] }; }
