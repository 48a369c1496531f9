import type { Clock } from '../util/clock';
import { utf8Length } from '../util/encoding';
import { VfsError, type Vfs, type VfsChange, type VfsErrorCode, type VfsStat } from './types';

interface FileNode { type: 'file'; data: string; mtime: number }
interface DirNode { type: 'dir'; children: Map<string, Node>; mtime: number }
type Node = FileNode | DirNode;

/** VfsOptions configures createVfs: the home directory, seed files and the clock used for mtimes. */
export interface VfsOptions {
  home?: string;
  /** files maps absolute (or ~-relative) paths to contents; parent directories are created. */
  files?: Record<string, string>;
  clock?: Clock;
}

const MESSAGES: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

function fail(code: VfsErrorCode, path: string): never {
  throw new VfsError(code, MESSAGES[code], path);
}

/** normalizePath collapses //, . and .. in an absolute path. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** compareLsNames orders names roughly as GNU ls does in the C.UTF-8 locale used by Debian images (byte order). */
export function compareLsNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface SerializedTree { version: 1; home: string; entries: Array<[string, 'dir'] | [string, 'file', string, number]> }

/** createVfs builds an in-memory file system with /, /root, /tmp, /etc and /root/.kube. */
export function createVfs(opts: VfsOptions = {}): Vfs {
  const home = opts.home ?? '/root';
  const clock = opts.clock;
  const now = () => (clock ? clock.now() : 0);
  let root: DirNode = { type: 'dir', children: new Map(), mtime: now() };
  const listeners = new Set<(c: VfsChange) => void>();
  const emit = (c: VfsChange) => { for (const fn of [...listeners]) fn(c); };

  const resolve = (cwd: string, path: string): string => {
    let p = path;
    if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
    if (!p.startsWith('/')) p = (cwd || '/') + '/' + p;
    return normalizePath(p);
  };

  const parts = (path: string) => normalizePath(path).split('/').filter(Boolean);

  /** lookup walks to path; returns undefined when a component is missing, throws ENOTDIR through a file. */
  const lookup = (path: string): Node | undefined => {
    let node: Node = root;
    for (const part of parts(path)) {
      if (node.type !== 'dir') fail('ENOTDIR', path);
      const next: Node | undefined = node.children.get(part);
      if (!next) return undefined;
      node = next;
    }
    return node;
  };

  const parentOf = (path: string): { dir: DirNode; name: string } => {
    const ps = parts(path);
    if (ps.length === 0) fail('EEXIST', path);
    const name = ps.pop() as string;
    const dir = lookup('/' + ps.join('/'));
    if (!dir) fail('ENOENT', path);
    if (dir.type !== 'dir') fail('ENOTDIR', path);
    return { dir, name };
  };

  const mkdirp = (path: string) => {
    let node: DirNode = root;
    for (const part of parts(path)) {
      const next = node.children.get(part);
      if (!next) {
        const d: DirNode = { type: 'dir', children: new Map(), mtime: now() };
        node.children.set(part, d);
        node = d;
      } else if (next.type === 'dir') node = next;
      else fail('ENOTDIR', path);
    }
  };

  const seed = () => {
    root = { type: 'dir', children: new Map(), mtime: now() };
    for (const d of ['/root', '/root/.kube', '/tmp', '/etc', home]) mkdirp(d);
    const put = (p: string, data: string) => {
      const abs = resolve('/', p);
      mkdirp(abs.slice(0, abs.lastIndexOf('/')) || '/');
      const { dir, name } = parentOf(abs);
      dir.children.set(name, { type: 'file', data, mtime: now() });
    };
    put(home + '/.bashrc', "# ~/.bashrc: executed by bash(1) for non-login shells.\n\nexport PS1='\\u@\\h:\\w\\$ '\n");
    put('/etc/hostname', 'controlplane\n');
    put('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n');
    put('/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
    for (const [p, data] of Object.entries(opts.files ?? {})) put(p, data);
  };
  seed();

  const vfs: Vfs = {
    home,
    resolve,
    readFile(path) {
      const n = lookup(path);
      if (!n) fail('ENOENT', path);
      if (n.type === 'dir') fail('EISDIR', path);
      return n.data;
    },
    writeFile(path, data, o) {
      const n = lookup(path);
      if (n && n.type === 'dir') fail('EISDIR', path);
      if (n) {
        n.data = o?.append ? n.data + data : data;
        n.mtime = now();
      } else {
        if (path.endsWith('/')) fail('EISDIR', path);
        const { dir, name } = parentOf(path);
        dir.children.set(name, { type: 'file', data, mtime: now() });
      }
      emit({ type: 'write', path: normalizePath(path) });
    },
    stat(path): VfsStat | undefined {
      let n: Node | undefined;
      try { n = lookup(path); } catch { return undefined; }
      if (!n) return undefined;
      return n.type === 'dir' ? { type: 'dir', size: 4096, mtime: n.mtime } : { type: 'file', size: utf8Length(n.data), mtime: n.mtime };
    },
    exists(path) { return vfs.stat(path) !== undefined; },
    isDir(path) { return vfs.stat(path)?.type === 'dir'; },
    readdir(path) {
      const n = lookup(path);
      if (!n) fail('ENOENT', path);
      if (n.type !== 'dir') fail('ENOTDIR', path);
      return [...n.children.keys()].sort(compareLsNames);
    },
    mkdir(path, o) {
      if (o?.recursive) {
        const n = lookup(path);
        if (n && n.type === 'dir') return;
        if (n) fail('EEXIST', path);
        mkdirp(path);
      } else {
        const { dir, name } = parentOf(path);
        if (dir.children.has(name)) fail('EEXIST', path);
        dir.children.set(name, { type: 'dir', children: new Map(), mtime: now() });
      }
      emit({ type: 'mkdir', path: normalizePath(path) });
    },
    remove(path, o) {
      const { dir, name } = parentOf(path);
      const n = dir.children.get(name);
      if (!n) fail('ENOENT', path);
      if (n.type === 'dir' && n.children.size > 0 && !o?.recursive) fail('ENOTEMPTY', path);
      dir.children.delete(name);
      emit({ type: 'remove', path: normalizePath(path) });
    },
    rename(from, to) {
      const src = parentOf(from);
      const n = src.dir.children.get(src.name);
      if (!n) fail('ENOENT', from);
      const nf = normalizePath(from), nt = normalizePath(to);
      if (n.type === 'dir' && (nt + '/').startsWith(nf + '/')) fail('EINVAL', to);
      const dst = parentOf(to);
      const existing = dst.dir.children.get(dst.name);
      if (existing) {
        if (existing.type === 'dir' && n.type !== 'dir') fail('EISDIR', to);
        if (existing.type !== 'dir' && n.type === 'dir') fail('ENOTDIR', to);
        if (existing.type === 'dir' && existing.children.size > 0) fail('ENOTEMPTY', to);
      }
      src.dir.children.delete(src.name);
      dst.dir.children.set(dst.name, n);
      emit({ type: 'rename', path: nf, to: nt });
    },
    onChange(fn) { listeners.add(fn); return () => { listeners.delete(fn); }; },
    toJSON(): SerializedTree {
      const entries: SerializedTree['entries'] = [];
      const walk = (dir: DirNode, prefix: string) => {
        for (const [name, n] of dir.children) {
          const p = prefix + '/' + name;
          if (n.type === 'dir') { entries.push([p, 'dir']); walk(n, p); } else entries.push([p, 'file', n.data, n.mtime]);
        }
      };
      walk(root, '');
      return { version: 1, home, entries };
    },
    load(data) {
      const t = data as SerializedTree | undefined;
      if (!t || !Array.isArray(t.entries)) fail('EINVAL', '/');
      root = { type: 'dir', children: new Map(), mtime: now() };
      for (const e of t.entries) {
        if (e[1] === 'dir') mkdirp(e[0]);
        else {
          mkdirp(e[0].slice(0, e[0].lastIndexOf('/')) || '/');
          const { dir, name } = parentOf(e[0]);
          dir.children.set(name, { type: 'file', data: e[2], mtime: e[3] ?? now() });
        }
      }
      for (const d of ['/root', '/tmp', '/etc']) mkdirp(d);
      emit({ type: 'mkdir', path: '/' });
    },
  };
  return vfs;
}
