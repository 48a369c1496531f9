export { Workspace } from './Workspace';
export { Toolbar } from './Toolbar';
export { SidePanel } from './SidePanel';
export { Splitter } from './Splitter';
export type { SplitterProps } from './Splitter';
export { Notice } from './Notice';
export { handleGlobalKey } from './keys';
