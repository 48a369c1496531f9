// The learner's home directory as a tree: open a file, create files (empty or from a snippet) and
// folders, rename and delete. Changes other than new files run as shell commands in the terminal
// (`mv`, `rm`, `mkdir -p`), so the learner sees the equivalent command and the session log replays it.
import { useMemo, useState, type ReactElement } from 'react';
import { runInTerminal, useSandbox, writeFile } from '../store';
import { plainSnippet, SNIPPETS } from './snippets';
import { openTab, shellQuote, displayPath } from './state';

/** HOME is the learner's home directory, the root of the tree. */
const HOME = '/root';

interface TreeNode { path: string; name: string; type: 'file' | 'dir'; children: TreeNode[] }

/** buildTree nests the flat file list under root; directories first, then names in byte order. */
export function buildTree(files: Readonly<Record<string, 'file' | 'dir'>>, root: string): TreeNode[] {
  const byParent = new Map<string, TreeNode[]>();
  for (const [path, type] of Object.entries(files)) {
    if (!path.startsWith(root + '/')) continue;
    const parent = path.slice(0, path.lastIndexOf('/'));
    const node: TreeNode = { path, name: path.slice(parent.length + 1), type, children: [] };
    (byParent.get(parent) ?? byParent.set(parent, []).get(parent)!).push(node);
  }
  const attach = (dir: string): TreeNode[] => (byParent.get(dir) ?? [])
    .sort((a, b) => (a.type === b.type ? (a.name < b.name ? -1 : 1) : a.type === 'dir' ? -1 : 1))
    .map((n) => ({ ...n, children: n.type === 'dir' ? attach(n.path) : [] }));
  return attach(root);
}

type Form = { mode: 'file' | 'dir' | 'rename'; value: string; kind: string } | { mode: 'delete' } | null;

/** FileTree lists the home directory and offers new / rename / delete. */
export function FileTree({ active }: { active: string | null }) {
  const files = useSandbox((s) => s.files);
  const tree = useMemo(() => buildTree(files, HOME), [files]);
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<Form>(null);
  const [error, setError] = useState('');
  const target = selected && files[selected] ? selected : null;
  const dirOf = (p: string | null) => (!p ? HOME : files[p] === 'dir' ? p : p.slice(0, p.lastIndexOf('/')));

  const submit = async () => {
    if (!form || form.mode === 'delete') return;
    const name = form.value.trim();
    if (!name || name.includes('/')) { setError('Give a name without "/".'); return; }
    setError('');
    if (form.mode === 'file') {
      const path = `${dirOf(target)}/${name}`;
      if (files[path]) { setError(`${displayPath(path)} already exists`); return; }
      const snippet = SNIPPETS.find((s) => s.kind === form.kind);
      try { await writeFile(path, snippet ? plainSnippet(snippet.body) : ''); } catch (e) { setError(e instanceof Error ? e.message : String(e)); return; }
      void openTab(path);
      setSelected(path);
    } else if (form.mode === 'dir') {
      runInTerminal(`mkdir -p ${shellQuote(displayPath(`${dirOf(target)}/${name}`))}`);
    } else if (form.mode === 'rename' && target) {
      const to = `${target.slice(0, target.lastIndexOf('/'))}/${name}`;
      if (to !== target) runInTerminal(`mv ${shellQuote(displayPath(target))} ${shellQuote(displayPath(to))}`);
      setSelected(to);
    }
    setForm(null);
  };

  const remove = () => {
    if (!target) return;
    runInTerminal(`rm ${files[target] === 'dir' ? '-r ' : ''}${shellQuote(displayPath(target))}`);
    setSelected(null);
    setForm(null);
  };

  const render = (nodes: TreeNode[], depth: number): ReactElement[] => nodes.flatMap((n) => {
    const isOpen = open.has(n.path);
    const row = (
      <li key={n.path} role="treeitem" aria-selected={n.path === target} aria-expanded={n.type === 'dir' ? isOpen : undefined}>
        <button
          type="button"
          className={`tree-row${n.path === active ? ' is-active' : ''}${n.path === target ? ' is-selected' : ''}`}
          style={{ paddingLeft: 6 + depth * 14 }}
          title={displayPath(n.path)}
          onClick={() => {
            setSelected(n.path);
            if (n.type === 'dir') setOpen((o) => { const s = new Set(o); if (s.has(n.path)) s.delete(n.path); else s.add(n.path); return s; });
            else void openTab(n.path);
          }}
        >
          <span className="tree-icon" aria-hidden>{n.type === 'dir' ? (isOpen ? '▾' : '▸') : '·'}</span>
          {n.name}
        </button>
      </li>
    );
    return n.type === 'dir' && isOpen ? [row, ...render(n.children, depth + 1)] : [row];
  });

  return (
    <div className="file-tree">
      <div className="file-tree__actions" role="toolbar" aria-label="File actions">
        <button type="button" title="New file" aria-label="New file" onClick={() => setForm({ mode: 'file', value: '', kind: '' })}>+file</button>
        <button type="button" title="New folder (mkdir -p)" aria-label="New folder" onClick={() => setForm({ mode: 'dir', value: '', kind: '' })}>+dir</button>
        <button type="button" title="Rename (mv)" aria-label="Rename" disabled={!target} onClick={() => target && setForm({ mode: 'rename', value: target.slice(target.lastIndexOf('/') + 1), kind: '' })}>mv</button>
        <button type="button" title="Delete (rm)" aria-label="Delete" disabled={!target} onClick={() => setForm({ mode: 'delete' })}>rm</button>
      </div>
      {form && form.mode !== 'delete' && (
        <form className="file-tree__form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <input
            autoFocus value={form.value} spellCheck={false}
            placeholder={form.mode === 'dir' ? 'folder name' : form.mode === 'file' ? 'name.yaml' : 'new name'}
            aria-label={form.mode === 'rename' ? 'New name' : form.mode === 'dir' ? 'Folder name' : 'File name'}
            onChange={(e) => setForm({ ...form, value: e.target.value })}
            onKeyDown={(e) => { if (e.key === 'Escape') setForm(null); }}
          />
          {form.mode === 'file' && (
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value, value: form.value || `${e.target.value.toLowerCase()}.yaml` })} aria-label="Template">
              <option value="">empty</option>
              {SNIPPETS.map((s) => <option key={s.kind} value={s.kind}>{s.kind}</option>)}
            </select>
          )}
          <button type="submit">OK</button>
        </form>
      )}
      {form?.mode === 'delete' && target && (
        <div className="file-tree__form" role="alertdialog" aria-label="Confirm delete">
          <span>Delete {displayPath(target)}?</span>
          <button type="button" onClick={remove}>Delete</button>
          <button type="button" onClick={() => setForm(null)}>Cancel</button>
        </div>
      )}
      {error && <div className="editor-error" role="alert">{error}</div>}
      <ul className="file-tree__list" role="tree" aria-label="Files">
        {render(tree, 0)}
      </ul>
    </div>
  );
}
