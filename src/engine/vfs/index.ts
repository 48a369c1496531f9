export { createVfs, normalizePath, compareLsNames } from './vfs';
export type { VfsOptions } from './vfs';
export { VfsError } from './types';
export type { Vfs, VfsStat, VfsChange, VfsErrorCode } from './types';
