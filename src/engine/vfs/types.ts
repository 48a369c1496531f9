/** VfsErrorCode is the errno-like code of a failed file operation. */
export type VfsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL';

/** VfsError is thrown by Vfs operations; message is the bare strerror text ('No such file or directory'). */
export class VfsError extends Error {
  constructor(public readonly code: VfsErrorCode, message: string, public readonly path: string) {
    super(message);
    this.name = 'VfsError';
  }
}

/** VfsStat describes one entry. */
export interface VfsStat { type: 'file' | 'dir'; size: number; mtime: number }

/** VfsChange is emitted on every write so the editor's file tree and persistence can follow. */
export interface VfsChange { type: 'write' | 'remove' | 'mkdir' | 'rename'; path: string; to?: string }

/** Vfs is the in-memory file system the shell, kubectl and the editor share. Paths are absolute after resolve(). */
export interface Vfs {
  /** resolve joins path onto cwd, expands a leading ~ to home, and normalises . and .. */
  resolve(cwd: string, path: string): string;
  readonly home: string;
  readFile(path: string): string;
  writeFile(path: string, data: string, opts?: { append?: boolean }): void;
  stat(path: string): VfsStat | undefined;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** readdir returns entry names sorted as `ls` sorts them. */
  readdir(path: string): string[];
  mkdir(path: string, opts?: { recursive?: boolean }): void;
  remove(path: string, opts?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  /** onChange subscribes to writes; returns an unsubscribe function. */
  onChange(fn: (c: VfsChange) => void): () => void;
  /** toJSON/load serialise the whole tree for persistence. */
  toJSON(): unknown;
  load(data: unknown): void;
}
