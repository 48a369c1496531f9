import { describe, it, expect } from 'vitest';
import { createVfs, VfsError } from './index';
import { VirtualClock } from '../util/clock';

describe('createVfs', () => {
  it('starts with the standard directories and /etc/hostname', () => {
    const fs = createVfs();
    expect(fs.readdir('/')).toEqual(['etc', 'root', 'tmp']);
    expect(fs.isDir('/root/.kube')).toBe(true);
    expect(fs.readFile('/etc/hostname')).toBe('controlplane\n');
    expect(fs.home).toBe('/root');
  });

  it('resolves ~, relative paths, . and ..', () => {
    const fs = createVfs();
    expect(fs.resolve('/root', 'a/../b/./c')).toBe('/root/b/c');
    expect(fs.resolve('/tmp', '~/x.yaml')).toBe('/root/x.yaml');
    expect(fs.resolve('/tmp', '/../..')).toBe('/');
  });

  it('reads, writes, appends and stats files with mtimes from the clock', () => {
    const clock = new VirtualClock();
    const fs = createVfs({ clock, files: { '~/pod.yaml': 'kind: Pod\n' } });
    expect(fs.readFile('/root/pod.yaml')).toBe('kind: Pod\n');
    clock.advance(5000);
    fs.writeFile('/root/pod.yaml', 'x\n', { append: true });
    expect(fs.readFile('/root/pod.yaml')).toBe('kind: Pod\nx\n');
    expect(fs.stat('/root/pod.yaml')).toEqual({ type: 'file', size: 12, mtime: clock.now() });
    expect(fs.stat('/nope')).toBeUndefined();
  });

  it('throws VfsError with strerror texts', () => {
    const fs = createVfs();
    const code = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { expect(e).toBeInstanceOf(VfsError); return `${(e as VfsError).code}: ${(e as Error).message}`; } };
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT: No such file or directory');
    expect(code(() => fs.readFile('/tmp'))).toBe('EISDIR: Is a directory');
    expect(code(() => fs.readFile('/etc/hostname/x'))).toBe('ENOTDIR: Not a directory');
    expect(code(() => fs.mkdir('/tmp'))).toBe('EEXIST: File exists');
    fs.writeFile('/tmp/a', '1');
    expect(code(() => fs.remove('/tmp'))).toBe('ENOTEMPTY: Directory not empty');
    expect(code(() => fs.writeFile('/no/dir/file', ''))).toBe('ENOENT: No such file or directory');
  });

  it('mkdir -p, readdir in byte order, rename and recursive remove', () => {
    const fs = createVfs();
    fs.mkdir('/tmp/a/b/c', { recursive: true });
    fs.writeFile('/tmp/a/Z', '');
    fs.writeFile('/tmp/a/.hidden', '');
    expect(fs.readdir('/tmp/a')).toEqual(['.hidden', 'Z', 'b']);
    fs.rename('/tmp/a', '/tmp/moved');
    expect(fs.exists('/tmp/a')).toBe(false);
    expect(fs.isDir('/tmp/moved/b/c')).toBe(true);
    fs.remove('/tmp/moved', { recursive: true });
    expect(fs.readdir('/tmp')).toEqual([]);
  });

  it('notifies onChange and stops after unsubscribe', () => {
    const fs = createVfs();
    const seen: string[] = [];
    const off = fs.onChange((c) => seen.push(`${c.type} ${c.path}${c.to ? ' ' + c.to : ''}`));
    fs.writeFile('/tmp/x', '1');
    fs.mkdir('/tmp/d');
    fs.rename('/tmp/x', '/tmp/d/x');
    fs.remove('/tmp/d', { recursive: true });
    off();
    fs.writeFile('/tmp/y', '');
    expect(seen).toEqual(['write /tmp/x', 'mkdir /tmp/d', 'rename /tmp/x /tmp/d/x', 'remove /tmp/d']);
  });

  it('round-trips through toJSON and load', () => {
    const fs = createVfs({ files: { '/root/app/deploy.yaml': 'kind: Deployment\n' } });
    fs.mkdir('/root/empty');
    const json = JSON.parse(JSON.stringify(fs.toJSON()));
    const other = createVfs();
    other.writeFile('/tmp/stale', 'x');
    other.load(json);
    expect(other.readFile('/root/app/deploy.yaml')).toBe('kind: Deployment\n');
    expect(other.isDir('/root/empty')).toBe(true);
    expect(other.exists('/tmp/stale')).toBe(false);
  });
});
