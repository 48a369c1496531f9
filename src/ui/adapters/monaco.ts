// The one file that imports Monaco (and monaco-yaml). It is loaded lazily (dynamic import) so the
// initial bundle stays small. Only the editor core, a few editor features and the YAML language are
// imported, not the whole editor.main with every language.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type SchemasSettings } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';

/** YamlSchema associates a JSON schema with files (monaco-yaml's SchemasSettings). */
export type YamlSchema = SchemasSettings;

/** EditorMarkerData is one marker: 1-based line and columns. */
export interface EditorMarkerData { line: number; column: number; endColumn: number; message: string; severity: 'error' | 'warning' }

/** SnippetItem is a completion entry that inserts a snippet (Monaco snippet syntax). */
export interface SnippetItem { label: string; detail: string; body: string }

/** YamlEditor is the handle the editor panel drives; models outlive the editor instance (tabs keep unsaved text). */
export interface YamlEditor {
  /** show switches to path's model, creating it with content when new. */
  show(path: string, content: string): void;
  /** value returns a model's text, or undefined when no model exists for path. */
  value(path: string): string | undefined;
  /** replace sets a model's text (the file changed on disk and the tab had no edits). */
  replace(path: string, content: string): void;
  /** close disposes path's model. */
  close(path: string): void;
  /** rename moves a model to a new path, keeping its text. */
  rename(from: string, to: string): void;
  /** setMarkers sets the apply markers of path (owner 'kubectl'); [] clears them. */
  setMarkers(path: string, markers: EditorMarkerData[]): void;
  /** insertSnippet inserts a snippet at the cursor. */
  insertSnippet(body: string): void;
  /** revealLine scrolls to a 1-based line and puts the cursor there. */
  revealLine(line: number): void;
  onChange(fn: (path: string, value: string) => void): () => void;
  focus(): void;
  setTheme(theme: 'dark' | 'light'): void;
  setFontSize(px: number): void;
  dispose(): void;
}

type WorkerEnv = { getWorker(moduleId: string, label: string): Worker };

let configured = false;
let yaml: ReturnType<typeof configureMonacoYaml> | undefined;

/**
 * installWorkers registers Monaco's workers. monaco-editor ≥ 0.55 creates workers only from an explicit
 * Worker; monaco-yaml (through monaco-worker-manager) still calls createWebWorker({moduleId, label,
 * createData}), so this shim creates the worker and sends the two messages the old protocol expects
 * (an initial message, then createData) before Monaco's own. Without it validation silently does nothing.
 */
function installWorkers(): void {
  (globalThis as { MonacoEnvironment?: WorkerEnv }).MonacoEnvironment = {
    getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  const ed = monaco.editor as unknown as { createWebWorker(opts: Record<string, unknown>): unknown };
  const original = ed.createWebWorker.bind(ed);
  ed.createWebWorker = (opts) => {
    if ('worker' in opts) return original(opts);
    const env = (globalThis as { MonacoEnvironment?: WorkerEnv }).MonacoEnvironment!;
    const worker = env.getWorker(String(opts.moduleId ?? ''), String(opts.label ?? 'editorWorkerService'));
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return original({ ...opts, worker });
  };
}

function configure(schemas: YamlSchema[], snippets: SnippetItem[]): void {
  if (configured) return;
  configured = true;
  installWorkers();
  yaml = configureMonacoYaml(monaco as never, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    format: { enable: false },
    isKubernetes: true,
    schemas,
  });
  monaco.languages.registerCompletionItemProvider('yaml', {
    provideCompletionItems(model, position) {
      // Offer whole-manifest snippets only on an empty line at the top level.
      const line = model.getLineContent(position.lineNumber);
      if (line.trim().includes(':') || /^\s/.test(line)) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: snippets.map((s) => ({
          label: s.label, detail: s.detail, kind: monaco.languages.CompletionItemKind.Snippet, insertText: s.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet, range, sortText: `~${s.label}`,
        })),
      };
    },
  });
}

const uriOf = (path: string) => monaco.Uri.from({ scheme: 'file', path });

/** createYamlEditor mounts a YAML editor in el; schemas and snippets are configured on first use. */
export function createYamlEditor(el: HTMLElement, opts: { schemas: YamlSchema[]; snippets: SnippetItem[]; theme: 'dark' | 'light'; fontSize: number }): YamlEditor {
  configure(opts.schemas, opts.snippets);
  const editor = monaco.editor.create(el, {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: opts.fontSize,
    tabSize: 2,
    insertSpaces: true,
    detectIndentation: false,
    scrollBeyondLastLine: false,
    renderWhitespace: 'boundary',
    theme: opts.theme === 'dark' ? 'vs-dark' : 'vs',
    quickSuggestions: { other: true, comments: false, strings: true },
    model: null,
  });
  let current: string | null = null;
  const listeners = new Set<(path: string, value: string) => void>();
  const sub = editor.onDidChangeModelContent(() => {
    const model = editor.getModel();
    if (!model || current === null) return;
    for (const fn of listeners) fn(current, model.getValue());
  });
  const modelOf = (path: string) => monaco.editor.getModel(uriOf(path));
  return {
    show(path, content) {
      const model = modelOf(path) ?? monaco.editor.createModel(content, 'yaml', uriOf(path));
      current = path;
      if (editor.getModel() !== model) editor.setModel(model);
    },
    value: (path) => modelOf(path)?.getValue(),
    replace(path, content) {
      const m = modelOf(path);
      if (m && m.getValue() !== content) m.pushEditOperations([], [{ range: m.getFullModelRange(), text: content }], () => null);
    },
    close(path) {
      const m = modelOf(path);
      if (m && editor.getModel() === m) { editor.setModel(null); current = null; }
      m?.dispose();
    },
    rename(from, to) {
      const m = modelOf(from);
      if (!m) return;
      const text = m.getValue();
      const wasShown = editor.getModel() === m;
      m.dispose();
      const n = monaco.editor.createModel(text, 'yaml', uriOf(to));
      if (wasShown) { editor.setModel(n); current = to; }
    },
    setMarkers(path, markers) {
      const m = modelOf(path);
      if (!m) return;
      monaco.editor.setModelMarkers(m, 'kubectl', markers.map((k) => ({
        startLineNumber: k.line, endLineNumber: k.line, startColumn: k.column, endColumn: k.endColumn, message: k.message,
        severity: k.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning, source: 'kubectl apply',
      })));
    },
    insertSnippet(body) {
      const ctl = editor.getContribution('snippetController2') as { insert(template: string): void } | null;
      editor.focus();
      if (ctl) ctl.insert(body);
      else editor.trigger('snippet', 'type', { text: body });
    },
    revealLine(line) {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
    onChange(fn) { listeners.add(fn); return () => { listeners.delete(fn); }; },
    focus: () => editor.focus(),
    setTheme: (theme) => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'),
    setFontSize: (px) => editor.updateOptions({ fontSize: px }),
    dispose() { sub.dispose(); listeners.clear(); editor.setModel(null); editor.dispose(); },
  };
}

/** setYamlSchemas replaces the schemas monaco-yaml validates, completes and hovers with (they may load after the editor). */
export function setYamlSchemas(schemas: YamlSchema[]): void {
  void yaml?.update({ schemas });
}

/** modelMarkers returns the markers Monaco holds for path (schema validation and apply), for tests and status text. */
export function modelMarkers(path: string): { line: number; message: string; severity: 'error' | 'warning' | 'info' }[] {
  return monaco.editor.getModelMarkers({ resource: uriOf(path) }).map((m) => ({
    line: m.startLineNumber, message: m.message,
    severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
  }));
}

/** onMarkersChanged calls fn whenever any model's markers change. */
export function onMarkersChanged(fn: () => void): () => void {
  const d = monaco.editor.onDidChangeMarkers(() => fn());
  return () => d.dispose();
}
