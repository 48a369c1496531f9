// The YAML editor: file tree, tabs, Monaco (lazy), snippets, Save and Apply with error markers.
import { installEditorBridge } from './state';

export { Editor } from './Editor';
export { markersFromApplyOutput, locatePath, parsePath } from './markers';
export type { EditorMarker } from './markers';
export { SNIPPETS, plainSnippet } from './snippets';
export { useEditor, openTab, saveTab, applyTab, closeTab } from './state';

// `vim FILE` in the terminal must reach the editor even before the panel is first shown.
installEditorBridge();
