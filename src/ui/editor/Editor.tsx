// The YAML editor panel: file tree, tabs, Monaco (loaded lazily the first time the panel is shown),
// snippets, Save and Apply. Apply runs `kubectl apply -f FILE` in the terminal and marks errors.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { YamlEditor } from '../adapters/monaco';
import { useSandbox } from '../store';
import { FileTree } from './FileTree';
import { loadSchemas } from './schemas';
import { SNIPPETS } from './snippets';
import { applyTab, closeTab, displayPath, editText, saveTab, useEditor } from './state';
import './editor.css';

const SNIPPET_ITEMS = SNIPPETS.map((s) => ({ label: s.kind.toLowerCase(), detail: `${s.label} manifest`, body: s.body }));

function useMonaco(host: RefObject<HTMLDivElement | null>, wanted: boolean) {
  const [editor, setEditor] = useState<YamlEditor | null>(null);
  const [failed, setFailed] = useState('');
  const theme = useSandbox((s) => s.theme);
  const presentation = useSandbox((s) => s.presentation);
  const fontSize = presentation ? 18 : 13;
  const settings = useRef({ theme, fontSize });
  settings.current = { theme, fontSize };
  useEffect(() => {
    if (!wanted || !host.current) return undefined;
    let live = true;
    let made: YamlEditor | null = null;
    void Promise.all([import('../adapters/monaco'), loadSchemas()]).then(([m, schemas]) => {
      if (!live || !host.current) return;
      made = m.createYamlEditor(host.current, { schemas, snippets: SNIPPET_ITEMS, ...settings.current });
      setEditor(made);
    }).catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => { live = false; made?.dispose(); setEditor(null); };
  }, [wanted, host]);
  useEffect(() => { editor?.setTheme(theme); }, [editor, theme]);
  useEffect(() => { editor?.setFontSize(fontSize); }, [editor, fontSize]);
  return { editor, failed };
}

/** Editor is the side panel's YAML editor with its file tree. */
export function Editor() {
  const { tabs, active, markers, results, applying, error, sessions } = useEditor();
  const shown = useSandbox((s) => s.rightTab === 'editor');
  const busy = useSandbox((s) => s.busy);
  const [wanted, setWanted] = useState(false);
  useEffect(() => { if (shown || tabs.length) setWanted(true); }, [shown, tabs.length]);
  const host = useRef<HTMLDivElement>(null);
  const { editor, failed } = useMonaco(host, wanted);
  const tab = tabs.find((t) => t.path === active) ?? null;

  useEffect(() => editor?.onChange((path, value) => editText(path, value)), [editor]);
  useEffect(() => {
    if (!editor || !tab) return;
    editor.show(tab.path, tab.text);
    const v = editor.value(tab.path);
    if (v !== undefined && v !== tab.text) editor.replace(tab.path, tab.text);
  }, [editor, tab]);
  useEffect(() => { if (editor && active) editor.setMarkers(active, markers[active] ?? []); }, [editor, active, markers]);
  const openPaths = tabs.map((t) => t.path).join('\n');
  const prevPaths = useRef<string[]>([]);
  useEffect(() => {
    // Dispose models of closed tabs so a reopened file starts from disk.
    const now = openPaths ? openPaths.split('\n') : [];
    for (const p of prevPaths.current) if (!now.includes(p)) editor?.close(p);
    prevPaths.current = now;
  }, [editor, openPaths]);

  const dirty = !!tab && (tab.text !== tab.saved || tab.missing);
  const result = active ? results[active] : undefined;
  const fileMarkers = active ? markers[active] ?? [] : [];
  // While `vim FILE` waits for this file, the terminal is busy only with us: Apply saves (ending it) first.
  const blocked = busy && !(active && sessions[active]);

  return (
    <section
      className="editor-panel" aria-label="Editor"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && active) { e.preventDefault(); void saveTab(active); }
      }}
    >
      <FileTree active={active} />
      <div className="editor-main">
        <div className="editor-tabs" role="tablist" aria-label="Open files">
          {tabs.map((t) => (
            <div key={t.path} className={`editor-tab${t.path === active ? ' is-active' : ''}`} role="tab" aria-selected={t.path === active} title={displayPath(t.path)}>
              <button type="button" className="editor-tab__name" onClick={() => useEditor.setState({ active: t.path })}>
                {t.path.slice(t.path.lastIndexOf('/') + 1)}{t.text !== t.saved || t.missing ? ' ●' : ''}
              </button>
              <button type="button" className="editor-tab__close" aria-label={`Close ${t.path.slice(t.path.lastIndexOf('/') + 1)}`} onClick={() => closeTab(t.path)}>×</button>
            </div>
          ))}
        </div>
        {active && sessions[active] ? <div className="editor-session">The terminal waits for this file (<code>vim</code>): Save or close the tab to return to the prompt.</div> : null}
        <div className="editor-toolbar" role="toolbar" aria-label="Editor actions">
          <select
            aria-label="Insert snippet" value="" disabled={!editor || !tab}
            onChange={(e) => { const s = SNIPPETS.find((x) => x.kind === e.target.value); if (s) editor?.insertSnippet(s.body); }}
          >
            <option value="">Insert snippet…</option>
            {SNIPPETS.map((s) => <option key={s.kind} value={s.kind}>{s.label}</option>)}
          </select>
          <span className="editor-toolbar__path">{tab ? displayPath(tab.path) : ''}</span>
          <button type="button" disabled={!tab || !dirty} onClick={() => active && void saveTab(active)} title="Save (Ctrl+S)">Save</button>
          <button
            type="button" className="editor-apply" disabled={!tab || !!applying || blocked}
            title={blocked ? 'A command is running in the terminal' : 'Run kubectl apply -f on this file in the terminal'}
            onClick={() => active && void applyTab(active)}
          >{applying ? 'Applying…' : 'Apply'}</button>
        </div>
        <div className="editor-host-wrap">
          <div ref={host} className="editor-host" data-testid="monaco-host" hidden={!tab} />
          {!tab && <p className="editor-empty">Open a file from the tree, create one with + File, or type <code>vim FILE</code> in the terminal.</p>}
          {tab && !editor && <p className="editor-empty">{failed ? `The editor failed to load: ${failed}` : 'Loading editor…'}</p>}
        </div>
        {error && <div className="editor-error" role="alert">{error}</div>}
        {result && (
          <div className={`editor-result ${result.code === 0 ? 'is-ok' : 'is-failed'}`} data-testid="apply-result">
            <div className="editor-result__cmd">$ {result.command}</div>
            <pre className="editor-result__out">{result.output}</pre>
            {fileMarkers.length > 0 && (
              <ul className="editor-markers" data-testid="apply-markers">
                {fileMarkers.map((m, i) => (
                  <li key={i}>
                    <button type="button" className={`editor-marker is-${m.severity}`} onClick={() => editor?.revealLine(m.line)}>
                      Line {m.line}: {m.message}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
