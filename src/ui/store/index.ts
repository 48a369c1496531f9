export { useSandbox, reduceEvent, setUi, initialState, DEFAULT_LAYOUT } from './store';
export type { SandboxState, ClusterSlice, UiSlice, ConnectionState, RightTab, Layout } from './store';
export { mirrorFrom, applyDiff, treeFrom, applyFileChanges } from './mirror';
export type { ObjectMirror, FileTree } from './mirror';
export { select, selectedObject, openFile, readFile, writeFile, apply, runInTerminal, complete, controlTime } from './actions';
export type { TimeAction } from './actions';
export { send, request, setTransport, settleReply, failPending } from './transport';
export type { Transport } from './transport';
export { onSandboxEvent, emitSandboxEvent } from './events';
